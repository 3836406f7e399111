import type { AppError } from "../../../core/errors.ts";
import type { PublicRecord } from "../../../services/public/public-records.ts";

export interface CacheEntry {
  readonly at: number;
  readonly record?: PublicRecord;
  readonly error?: AppError;
}

/**
 * A short-lived cache of resolved party and voucher records (and unknown codes) by request path: scans come in
 * bursts, and a few seconds of staleness is harmless there. Lots never come from here: their records are read
 * from their materialised rows at every scan. Bounded; the oldest entries go first (Map keeps insertion order).
 */
export class RecordCache {
  private readonly entries = new Map<string, CacheEntry>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  get(key: string, now: number): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, value: Omit<CacheEntry, "at">, now: number): CacheEntry {
    if (this.ttlMs <= 0) return { ...value, at: now };
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry = { ...value, at: now };
    this.entries.set(key, entry);
    return entry;
  }
}
