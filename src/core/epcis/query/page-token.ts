import { createHash } from "node:crypto";

/**
 * The REST binding's `nextPageToken` (EPCIS 2.0 §12.6.2): opaque to clients. It carries the position after the
 * last event of the page (keyset pagination on the order column and the event id, so pages never skip or repeat
 * an event while captures go on) and a fingerprint of the query it belongs to, so that it cannot be replayed
 * against another query.
 */
export interface PagePosition {
  readonly value: number;
  readonly eventId: string;
}

export function queryFingerprint(params: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(params)
    .filter(([k, v]) => v !== undefined && k !== "nextPageToken")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256").update(JSON.stringify(entries)).digest("base64url").slice(0, 16);
}

export function encodePageToken(position: PagePosition, fingerprint: string): string {
  return Buffer.from(JSON.stringify([position.value, position.eventId, fingerprint])).toString("base64url");
}

/** The position, or undefined when the token is not one of ours or belongs to another query. */
export function decodePageToken(token: string, fingerprint: string): PagePosition | undefined {
  try {
    const [value, eventId, fp] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown[];
    if (typeof value !== "number" || typeof eventId !== "string" || fp !== fingerprint) return undefined;
    return { value, eventId };
  } catch {
    return undefined;
  }
}
