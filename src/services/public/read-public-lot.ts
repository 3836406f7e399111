import { chinaDate } from "../../core/codes/calendar-day.ts";
import { findPublicLot } from "../../store/public-lot-store.ts";
import type { Platform } from "../platform.ts";
import { PublicLotAnswer, type StoredPublicLot } from "./public-lot-answer.ts";
import { rebuildPublicLots } from "./rebuild-public-lots.ts";

/** Builds under way in this process, by trace key: concurrent scans of one dirty lot share one build. */
const building = new WeakMap<Platform["store"], Map<string, Promise<StoredPublicLot | undefined>>>();

/**
 * The public record of the lot with this trace key, as a scan shows it: one row read by primary key when the
 * materialised record is current; built on the spot (and saved) when it is missing or marked dirty — a recall
 * banner, a receipt or a new certificate shows at the first scan after its commit. Undefined when there is no
 * such lot on show (unknown or revoked).
 */
export async function readPublicLot(platform: Platform, traceKey: string): Promise<PublicLotAnswer | undefined> {
  const row = await findPublicLot(platform.store.db, traceKey);
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
