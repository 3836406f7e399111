import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures: header `Suyuan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with
 * the webhook's secret. The timestamp inside the MAC lets receivers refuse replays of old deliveries.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * The EPCIS 2.0 REST binding's GS1-Signature header for subscription deliveries: HMAC-SHA256 of the body keyed
 * with the subscriber's signatureToken (the binding leaves the scheme to implementations and names HMAC with
 * SHA-256 as its example), written `sha256=<hex>`.
 */
export function gs1Signature(signatureToken: string, body: string): string {
  return `sha256=${createHmac("sha256", signatureToken).update(body).digest("hex")}`;
}

/** What a receiver does (and what our tests do): recompute and compare in constant time, within a tolerance. */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split("v1=")[1] as string, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Exponential backoff with a cap: 10 s, 20 s, 40 s … up to 1 h; after 20 attempts a notice is given up on. */
export const MAX_WEBHOOK_ATTEMPTS = 20;
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** attempts, 3_600_000);
}
