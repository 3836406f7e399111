import { chinaDate } from "../../core/codes/calendar-day.ts";
import { findLotsByTraceKeys } from "../../store/lot-store.ts";
import { claimPublicLots, deletePublicLot, savePublicLot } from "../../store/public-lot-store.ts";
import type { Platform } from "../platform.ts";
import { buildPublicLots } from "./build-public-lots.ts";
import { type StoredPublicLot, storePublicLot } from "./public-lot-answer.ts";
import type { PublicLotRecord } from "./public-records.ts";

/**
 * (Re)builds the materialised public records of these trace keys: claim (a dirty row for each lot that has none),
 * build them all in one batch, then save each only if no change marked it meanwhile (public-lot-store.ts). A code
 * whose lot is unknown or revoked loses its row. Returns the records built (in their stored form), saved or not:
 * each is what the database held when it was read, good to answer the scan that asked for it.
 */
export async function rebuildPublicLots(
  platform: Platform,
  traceKeys: readonly string[],
): Promise<Map<string, StoredPublicLot>> {
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
  const out = new Map<string, StoredPublicLot>();
  const saves: Save[] = [];
  const today = chinaDate(now);
  for (const lot of live) {
    const stored = storePublicLot(records.get(lot.id) as PublicLotRecord, today);
    out.set(lot.traceKey, stored);
    const dirty = claims.get(lot.traceKey);
    if (dirty !== undefined) saves.push({ row: { traceKey: lot.traceKey, content: stored, builtAt: now }, dirty });
  }
  await saveAll(platform, saves);
  return out;
}

/**
 * Saves a batch in one transaction (one commit instead of one per record), where waiting on a row lock is
 * bounded: if a use case holds one of the rows (it is marking it dirty), the batch gives way and the records are
 * saved one statement at a time, which holds one row lock at a time and so cannot deadlock with it.
 */
type Save = { row: Parameters<typeof savePublicLot>[1]; dirty: number };

async function saveAll(platform: Platform, saves: readonly Save[]): Promise<void> {
  if (saves.length === 0) return;
  const store = platform.store;
  try {
    await store.transaction(async (tx) => {
      await store.engine.boundLockWait(tx, 50);
      for (const s of saves) await savePublicLot(tx, s.row, s.dirty);
    });
  } catch {
    for (const s of saves) await savePublicLot(store.db, s.row, s.dirty);
  }
}
