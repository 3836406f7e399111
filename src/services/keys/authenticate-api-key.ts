import type { Actor } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { findApiKeyBySecretHash, touchApiKey } from "../../store/api-key-store.ts";
import type { Platform } from "../platform.ts";
import { hashApiKeySecret, looksLikeApiKey } from "./api-key-secret.ts";

/** last_used_at is refreshed at most this often per key, so reads do not turn into a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Turns a presented secret into an actor. The key is looked up on every call (by the unique hash index), so a
 * revocation takes effect on the next request.
 */
export async function authenticateApiKey(platform: Platform, secret: string): Promise<Actor> {
  const invalid = () => new AppError("unauthenticated", "the API key is not valid; check it or ask for a new one");
  if (!looksLikeApiKey(secret)) throw invalid();
  const key = await findApiKeyBySecretHash(platform.store.db, hashApiKeySecret(secret));
  if (!key) throw invalid();
  if (key.revokedAt !== null) throw new AppError("unauthenticated", "this API key has been revoked");
  const now = platform.clock.now();
  if (key.lastUsedAt === null || now - key.lastUsedAt >= TOUCH_INTERVAL_MS) {
    await touchApiKey(platform.store.db, key.id, now);
  }
  const label = key.name;
  switch (key.role) {
    case "admin":
      return { kind: "admin", keyId: key.id, label };
    case "enterprise":
      return { kind: "enterprise", keyId: key.id, label, partyId: key.partyId as string };
    case "regulator":
      return { kind: "regulator", keyId: key.id, label, regionCode: key.regionCode as string };
  }
}
