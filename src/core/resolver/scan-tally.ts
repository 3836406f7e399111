import { chinaDate } from "../codes/calendar-day.ts";

/** One count of public resolutions: a lot, a calendar day (CST) and the district the count is credited to. */
export interface ScanCount {
  readonly lotId: string;
  readonly day: string;
  readonly regionCode: string;
  readonly count: number;
}

/**
 * Public resolutions counted in memory and written in batches, so that a scan costs a map update rather than a
 * database write. Nothing about the person scanning is kept: no address, no user agent, no time finer than a day.
 */
export class ScanTally {
  private pending = new Map<string, number>();

  add(lotId: string, regionCode: string, at: number): void {
    const key = `${lotId}\u0000${chinaDate(at)}\u0000${regionCode}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Takes what was counted so far (the tally starts again from zero). */
  drain(): ScanCount[] {
    const taken = this.pending;
    this.pending = new Map();
    return [...taken].map(([key, count]) => {
      const [lotId, day, regionCode] = key.split("\u0000") as [string, string, string];
      return { lotId, day, regionCode, count };
    });
  }

  /** Puts counts back after a failed write, so none are lost. */
  restore(counts: readonly ScanCount[]): void {
    for (const c of counts) {
      const key = `${c.lotId}\u0000${c.day}\u0000${c.regionCode}`;
      this.pending.set(key, (this.pending.get(key) ?? 0) + c.count);
    }
  }
}
