import { chinaDate } from "../../core/codes/calendar-day.ts";
import type { Party } from "../../core/parties/party.ts";
import { productIdsInStock } from "../../store/holding-store.ts";
import { findProductsByIds, listProductsOfParty } from "../../store/product-store.ts";
import { listRecalls } from "../../store/recall-store.ts";
import type { Platform } from "../platform.ts";
import { publicPartyRef } from "./present-public-party.ts";
import type { PublicPartyRecord } from "./public-records.ts";

/**
 * The party page (主体码): the public e-archive — name, kind, licences and their validity, region — the products
 * it makes or has on sale now, and its recent recalls. Risk grades are not graded on this platform yet: null.
 */
export async function readPublicParty(platform: Platform, party: Party): Promise<PublicPartyRecord> {
  const db = platform.store.db;
  const [made, stockedIds, recalls] = await Promise.all([
    listProductsOfParty(db, party.id, undefined, 30),
    productIdsInStock(db, party.id, 30),
    listRecalls(db, { producerPartyId: party.id, limit: 10 }),
  ]);
  const stocked = await findProductsByIds(db, stockedIds);
  const products = new Map<string, { id: string; name: string; spec: string | null }>();
  for (const p of [...stockedIds.map((id) => stocked.get(id)), ...made])
    if (p && !products.has(p.id)) products.set(p.id, { id: p.id, name: p.name, spec: p.spec });
  return {
    type: "party",
    party: publicPartyRef(party, platform, chinaDate(platform.clock.now())),
    riskGrade: null,
    products: [...products.values()].slice(0, 30),
    recalls: recalls.map((r) => ({
      id: r.id,
      level: r.level,
      reason: r.reason,
      openedAt: new Date(r.openedAt).toISOString(),
      open: r.status === "open",
    })),
  };
}
