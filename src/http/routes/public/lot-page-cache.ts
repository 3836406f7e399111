/**
 * Rendered consumer pages of lots, reused while nothing they show can have changed: the same stored record (the
 * text is compared, so a rebuilt record — a recall, a receipt — is never served from here) on the same day (the
 * expiry badge). The complaint form's token carries the time the page was served, so pages are kept with a
 * marker in its place and each answer gets a fresh token. Bounded; the oldest entries go first.
 */
export const TOKEN_MARKER = "__suyuan_form_token__";

interface Entry {
  readonly recordJson: string;
  readonly day: string;
  readonly page: string;
}

export class LotPageCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly maxEntries = 5_000) {}

  get(key: string, recordJson: string, day: string, token: string): string | undefined {
    const e = this.entries.get(key);
    if (!e || e.day !== day || e.recordJson !== recordJson) return undefined;
    return e.page.replace(TOKEN_MARKER, token);
  }

  set(key: string, recordJson: string, day: string, page: string): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { recordJson, day, page });
  }
}
