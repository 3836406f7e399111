import type { ScanTally } from "../../core/resolver/scan-tally.ts";
import { addScanCounts } from "../../store/scan-count-store.ts";
import type { Platform } from "../platform.ts";

/**
 * Writes the scans counted since the last flush, in one transaction. Statistics, not anyone's action: no audit
 * row. On failure the counts go back into the tally for the next flush, so none are lost.
 */
export async function recordScans(platform: Platform, tally: ScanTally): Promise<number> {
  const counts = tally.drain();
  if (counts.length === 0) return 0;
  try {
    await platform.store.transaction((tx) => addScanCounts(tx, counts));
  } catch (err) {
    tally.restore(counts);
    throw err;
  }
  return counts.length;
}

/** Flushes the tally every `intervalMs` (and once more on stop). */
export function startScanRecorder(platform: Platform, tally: ScanTally, intervalMs = 1000): { stop(): Promise<void> } {
  const timer = setInterval(() => {
    recordScans(platform, tally).catch((err) => platform.logger.warn({ err }, "scan statistics not written yet"));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await recordScans(platform, tally).catch(() => undefined);
    },
  };
}
