import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Spam protection for the public complaint form without tracking anyone: a form token the page issues (its time,
 * MAC'd with a server secret), checked for a minimal time to fill the form in and a maximal age; and a honeypot
 * field people never see. Bots that post directly fail the token; bots that fill every field fail the honeypot.
 */
export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 2 * 60 * 60 * 1000;

export function issueFormToken(secret: Uint8Array, issuedAt: number): string {
  return `${issuedAt}.${mac(secret, issuedAt)}`;
}

/**
 * Issues the pages' form tokens on the whole second: one MAC a second however many pages are served (the
 * resolver serves thousands a second). Rounding down only shortens the minimal fill time by under a second.
 */
export class FormTokenIssuer {
  private second = -1;
  private token = "";
  private bytes = Buffer.alloc(0);
  constructor(private readonly secret: Uint8Array) {}

  at(now: number): string {
    const second = now - (now % 1000);
    if (second !== this.second) {
      this.second = second;
      this.token = issueFormToken(this.secret, second);
      this.bytes = Buffer.from(this.token);
    }
    return this.token;
  }

  /** The same token as UTF-8 bytes, for pages kept encoded. */
  bytesAt(now: number): Buffer {
    this.at(now);
    return this.bytes;
  }
}

export type FormCheck = "ok" | "honeypot" | "bad-token" | "too-fast" | "expired";

export function checkFormSubmission(
  secret: Uint8Array,
  token: string,
  honeypot: string | undefined,
  now: number,
  minFillMs = MIN_FILL_MS,
): FormCheck {
  if (honeypot !== undefined && honeypot !== "") return "honeypot";
  const m = /^(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!m) return "bad-token";
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(mac(secret, issuedAt));
  const given = Buffer.from(m[2] as string);
  if (!timingSafeEqual(expected, given)) return "bad-token";
  if (now - issuedAt < minFillMs) return "too-fast";
  if (now - issuedAt > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}

function mac(secret: Uint8Array, issuedAt: number): string {
  return createHmac("sha256", secret).update(`complaint-form/${issuedAt}`).digest("base64url");
}

/**
 * A fixed-window counter per key (the caller's address), kept in memory: enough for one process. Several
 * processes behind a load balancer each keep their own windows, so the effective limit is limit × processes —
 * a shared store (or the proxy's own limiter) is the answer there.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; false when the key is over its limit in the current window. */
  allow(key: string, now: number): boolean {
    const h = this.hits.get(key);
    if (!h || now - h.start >= this.windowMs) {
      if (this.hits.size > 10_000) this.prune(now);
      this.hits.set(key, { start: now, count: 1 });
      return true;
    }
    h.count++;
    return h.count <= this.limit;
  }

  private prune(now: number): void {
    for (const [k, h] of this.hits) if (now - h.start >= this.windowMs) this.hits.delete(k);
  }
}
