import { traceCodeUrl } from "../../core/lots/lot.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import { findLotsByIds } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductsByIds } from "../../store/product-store.ts";
import type { Platform } from "../platform.ts";
import { regionName } from "./present-public-party.ts";
import type { PublicVoucherRecord } from "./public-records.ts";

/**
 * A trace voucher (电子追溯单) as anyone holding it may see it: who shipped to whom and when, and which lots
 * (each linking to its own page) — no quantities, which are the two businesses' affair. Receiving it is the
 * buyer's signed-in action (POST /v1/receipts), offered by the scanner page.
 */
export async function readPublicVoucher(platform: Platform, s: Shipment): Promise<PublicVoucherRecord> {
  const db = platform.store.db;
  const [shipper, receiver, lots] = await Promise.all([
    findPartyById(db, s.shipperPartyId),
    s.receiver.kind === "party" ? findPartyById(db, s.receiver.partyId) : undefined,
    findLotsByIds(
      db,
      s.lines.map((l) => l.lotId),
    ),
  ]);
  const products = await findProductsByIds(
    db,
    [...lots.values()].map((l) => l.productId),
  );
  const base = platform.settings.publicBaseUrl;
  return {
    type: "voucher",
    voucherCode: s.voucherCode,
    shipper: { name: shipper?.name ?? "", regionName: shipper ? regionName(platform, shipper.regionCode) : "" },
    receiver:
      s.receiver.kind === "party"
        ? { name: receiver?.name ?? "" }
        : s.receiver.kind === "offplatform"
          ? { name: s.receiver.name }
          : null,
    shippedAt: new Date(s.shippedAt).toISOString(),
    status: s.status,
    lots: [...lots.values()].map((l) => ({
      lotCode: l.lotCode,
      productName: products.get(l.productId)?.name ?? "",
      traceCode: traceCodeUrl(l, base),
    })),
  };
}
