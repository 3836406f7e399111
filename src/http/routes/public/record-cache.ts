import type { AppError } from "../../../core/errors.ts";
import type { PublicRecord } from "../../../services/public/public-records.ts";

export interface CacheEntry {
  readonly at: number;
  readonly record?: PublicRecord;
  readonly error?: AppError;
  /** Rendered pages per language, filled on first use. */
  readonly pages: Map<string, string>;
}

/**
 * A short-lived cache of resolved records (and their rendered pages) by request path: scans of one pack come in
 * bursts, and a few seconds of staleness is harmless for a consumer page — a recall shows within `ttlMs`. Bounded;
 * the oldest entries go first (Map keeps insertion order).
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

  set(key: string, value: Omit<CacheEntry, "pages" | "at">, now: number): CacheEntry {
    if (this.ttlMs <= 0) return { ...value, at: now, pages: new Map() };
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry = { ...value, at: now, pages: new Map<string, string>() };
    this.entries.set(key, entry);
    return entry;
  }
}
