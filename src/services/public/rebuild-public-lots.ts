import { findLotsByTraceKeys } from "../../store/lot-store.ts";
import { claimPublicLots, deletePublicLot, savePublicLot } from "../../store/public-lot-store.ts";
import type { Platform } from "../platform.ts";
import { buildPublicLots } from "./build-public-lots.ts";
import type { PublicLotRecord } from "./public-records.ts";

/**
 * (Re)builds the materialised public records of these trace keys: claim (a dirty row for each lot that has none),
 * build them all in one batch, then save each only if no change marked it meanwhile (public-lot-store.ts). A code
 * whose lot is unknown or revoked loses its row. Returns the records built, saved or not: each is what the
 * database held when it was read, good to answer the scan that asked for it.
 */
export async function rebuildPublicLots(
  platform: Platform,
  traceKeys: readonly string[],
): Promise<Map<string, PublicLotRecord>> {
  const db = platform.store.db;
  const now = platform.clock.now();
  const lots = await findLotsByTraceKeys(db, traceKeys);
  for (const key of traceKeys) {
    const lot = lots.get(key);
    if (!lot || lot.revokedAt !== null) await deletePublicLot(db, key);
  }
  const live = [...lots.values()].filter((l) => l.revokedAt === null);
  const claims = await claimPublicLots(
    db,
    live.map((l) => ({ traceKey: l.traceKey, lotId: l.id })),
    now,
  );
  const records = await buildPublicLots(platform, live);
  const out = new Map<string, PublicLotRecord>();
  for (const lot of live) {
    const record = records.get(lot.id) as PublicLotRecord;
    out.set(lot.traceKey, record);
    const dirty = claims.get(lot.traceKey);
    if (dirty === undefined) continue;
    await savePublicLot(db, { traceKey: lot.traceKey, recordJson: JSON.stringify(record), builtAt: now }, dirty);
  }
  return out;
}
