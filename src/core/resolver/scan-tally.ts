import { CHINA_UTC_OFFSET_MS, chinaDate } from "../codes/calendar-day.ts";

const DAY_MS = 86_400_000;

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
  /** The day of the last scan and the instants it spans: a scan costs no date formatting. */
  private day = { name: "", from: 0, to: 0 };

  add(lotId: string, regionCode: string, at: number): void {
    if (at < this.day.from || at >= this.day.to) {
      const from = Math.floor((at + CHINA_UTC_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_UTC_OFFSET_MS;
      this.day = { name: chinaDate(at), from, to: from + DAY_MS };
    }
    const key = `${lotId}\u0000${this.day.name}\u0000${regionCode}`;
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
