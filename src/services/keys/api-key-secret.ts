import { createHash, randomBytes } from "node:crypto";

/**
 * API keys are 256-bit random secrets ("sy_" + base64url). Because they carry full entropy, one SHA-256 is a
 * sufficient one-way hash for storage (no password-stretching needed); only the hash is kept.
 */
export function newApiKeySecret(): string {
  return `sy_${randomBytes(32).toString("base64url")}`;
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Cheap shape check before any database look-up. */
export function looksLikeApiKey(secret: string): boolean {
  return /^sy_[A-Za-z0-9_-]{43}$/.test(secret);
}
