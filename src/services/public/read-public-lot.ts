import DataLoader from "dataloader";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { findPublicLots, type PublicLotRow } from "../../store/public-lot-store.ts";
import type { Platform } from "../platform.ts";
import { PublicLotAnswer, type StoredPublicLot } from "./public-lot-answer.ts";
import { rebuildPublicLots } from "./rebuild-public-lots.ts";

/**
 * Scans that arrive together are read together: every look-up asked for in one turn of the event loop (the
 * requests whose bytes came in one poll) goes to the database as one statement when the turn ends. Per scan this
 * saves a statement's fixed cost — on SQLite an autocommitted read's lock and unlock system calls (~9 µs of the
 * ~11 µs a primary-key read costs here), on PostgreSQL a round trip. No result is cached: each batch reads the
 * rows as they are now, so a recall committed before the batch shows in its answers.
 */
const readers = new WeakMap<Platform["store"], DataLoader<string, PublicLotRow | undefined>>();

function readerOf(store: Platform["store"]): DataLoader<string, PublicLotRow | undefined> {
  let reader = readers.get(store);
  if (!reader) {
    reader = new DataLoader(
      async (keys) => {
        const rows = new Map((await findPublicLots(store.db, keys)).map((r) => [r.traceKey, r]));
        return keys.map((k) => rows.get(k));
      },
      { cache: false, maxBatchSize: 500, batchScheduleFn: (run) => setImmediate(run) },
    );
    readers.set(store, reader);
  }
  return reader;
}

/** Builds under way in this process, by trace key: concurrent scans of one dirty lot share one build. */
const building = new WeakMap<Platform["store"], Map<string, Promise<StoredPublicLot | undefined>>>();

/**
 * The public record of the lot with this trace key, as a scan shows it: one row read by primary key when the
 * materialised record is current; built on the spot (and saved) when it is missing or marked dirty — a recall
 * banner, a receipt or a new certificate shows at the first scan after its commit. Undefined when there is no
 * such lot on show (unknown or revoked).
 */
export async function readPublicLot(platform: Platform, traceKey: string): Promise<PublicLotAnswer | undefined> {
  const row = await readerOf(platform.store).load(traceKey);
  const today = chinaDate(platform.clock.now());
  if (row && row.dirty === 0 && row.recordJson !== null) return new PublicLotAnswer(row as StoredPublicLot, today);
  let inFlight = building.get(platform.store);
  if (!inFlight) {
    inFlight = new Map();
    building.set(platform.store, inFlight);
  }
  let build = inFlight.get(traceKey);
  if (!build) {
    const map = inFlight;
    build = rebuildPublicLots(platform, [traceKey])
      .then((built) => built.get(traceKey))
      .finally(() => map.delete(traceKey));
    inFlight.set(traceKey, build);
  }
  const stored = await build;
  return stored && new PublicLotAnswer(stored, today);
}
