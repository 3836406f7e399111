/**
 * Rendered consumer pages of lots, reused while nothing they show can have changed: the same stored record (the
 * text is compared, so a rebuilt record — a recall, a receipt — is never served from here) on the same day (the
 * expiry badge). The complaint form's token carries the time the page was served, so pages are kept with a
 * marker in its place and each answer gets the current token (the same Buffer object for a second: see
 * FormTokenIssuer). Pages are kept encoded (UTF-8), split at the
 * marker: a hit costs two copies, not an encoding of the whole page (~25 µs for a 7 KB page of Chinese text).
 * Bounded by bytes; the oldest entries go first.
 */
export const TOKEN_MARKER = "__suyuan_form_token__";

interface Entry {
  readonly recordJson: string;
  readonly day: string;
  readonly head: Buffer;
  readonly tail: Buffer;
  /** The last page served and its token: a lot scanned many times a second is served without a copy. */
  served?: { readonly token: Buffer; readonly page: Buffer };
}

export class LotPageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string, recordJson: string, day: string, token: Buffer): Buffer | undefined {
    const e = this.entries.get(key);
    if (!e || e.day !== day || e.recordJson !== recordJson) return undefined;
    if (e.served?.token !== token) {
      e.served = { token, page: Buffer.concat([e.head, token, e.tail], e.head.length + token.length + e.tail.length) };
    }
    return e.served.page;
  }

  /** Keeps a page rendered with TOKEN_MARKER in the token's place. */
  set(key: string, recordJson: string, day: string, page: string): void {
    const at = page.indexOf(TOKEN_MARKER);
    const head = Buffer.from(at < 0 ? page : page.slice(0, at));
    const tail = Buffer.from(at < 0 ? "" : page.slice(at + TOKEN_MARKER.length));
    this.drop(key);
    this.entries.set(key, { recordJson, day, head, tail });
    this.bytes += head.length + tail.length + recordJson.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.head.length + e.tail.length + e.recordJson.length;
  }
}
