/**
 * C2SP tlog-cosignature v1.0.1: timestamped Ed25519 witness cosignatures (signature type 0x04). The signature
 * bytes are a `timestamped_signature` { u64 timestamp; u8 signature[64] } over
 * "cosignature/v1\ntime <timestamp>\n" followed by the whole checkpoint text.
 */
import { ED25519_KEY_SIZE, ed25519FromSeed, ed25519PublicKey, ed25519Sign, ed25519Verify } from "./ed25519.ts";
import { concatBytes, encodeUtf8 } from "./encoding.ts";
import { computeKeyId, isValidKeyName, type NoteSigner, type NoteVerifier, SignatureType } from "./note-key.ts";
import { formatVerifierKey, parseVerifierKeyParts } from "./note-verifier-key.ts";
import { fail, ok, type Result } from "./result.ts";

/** 8-byte timestamp + 64-byte Ed25519 signature. */
export const COSIGNATURE_SIZE = 72;

export interface CosignatureVerifier extends NoteVerifier {
  readonly publicKey: Uint8Array;
  readonly verifierKey: string;
}

export interface Cosigner {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly verifierKey: string;
  /** A note signer that cosigns with this fixed timestamp (seconds since the epoch); the clock stays outside core. */
  at(timestampSeconds: number): NoteSigner;
}

/**
 * The signed message (C2SP tlog-cosignature §Signed message): header line, timestamp line (decimal, no leading
 * zeroes), then the checkpoint note text with its final newline and without signature lines.
 */
export function cosignatureMessage(checkpointText: string | Uint8Array, timestampSeconds: number): Uint8Array {
  const body = typeof checkpointText === "string" ? encodeUtf8(checkpointText) : checkpointText;
  return concatBytes(encodeUtf8(`cosignature/v1\ntime ${timestampSeconds}\n`), body);
}

/**
 * The timestamp of a cosignature's bytes (after the key ID), in seconds. Timestamps beyond 2^53 − 1 seconds are
 * refused as "in the future", which verifiers MAY do (§Format); the spec's own bound is 2^63 − 1.
 */
export function cosignatureTimestamp(signature: Uint8Array): number | undefined {
  if (signature.length !== COSIGNATURE_SIZE) return undefined;
  const t = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0, false);
  return t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : undefined;
}

export function cosignatureVerifier(name: string, publicKey: Uint8Array): Result<CosignatureVerifier> {
  if (!isValidKeyName(name)) return fail("bad-key", `"${name}" is not a valid key name`);
  const key = ed25519PublicKey(publicKey);
  if (key === undefined) return fail("bad-key", `the cosigner key of ${name} is not a valid Ed25519 key`);
  const pub = Uint8Array.from(publicKey);
  return ok({
    name,
    keyId: computeKeyId(name, SignatureType.cosignatureV1, pub),
    publicKey: pub,
    verifierKey: formatVerifierKey(name, SignatureType.cosignatureV1, pub),
    verify(message, signature) {
      const timestamp = cosignatureTimestamp(signature);
      if (timestamp === undefined) return false;
      return ed25519Verify(key, cosignatureMessage(message, timestamp), signature.subarray(8));
    },
  });
}

/** Parses a type 0x04 vkey (C2SP tlog-cosignature: "Public keys MAY be encoded as vkeys with signature type 0x04"). */
export function parseCosignatureVerifierKey(vkey: string): Result<CosignatureVerifier> {
  const parts = parseVerifierKeyParts(vkey);
  if (!parts.ok) return parts;
  if (parts.value.type !== SignatureType.cosignatureV1) {
    return fail("bad-key", `signature type 0x${parts.value.type.toString(16)} is not cosignature/v1 (0x04)`);
  }
  return cosignatureVerifier(parts.value.name, parts.value.publicKey);
}

export function cosignerFromSeed(name: string, seed: Uint8Array): Result<Cosigner> {
  if (!isValidKeyName(name)) return fail("bad-key", `"${name}" is not a valid key name`);
  if (seed.length !== ED25519_KEY_SIZE) return fail("bad-key", "an Ed25519 seed is 32 bytes");
  const pair = ed25519FromSeed(seed);
  const keyId = computeKeyId(name, SignatureType.cosignatureV1, pair.publicKey);
  return ok({
    name,
    keyId,
    publicKey: pair.publicKey,
    verifierKey: formatVerifierKey(name, SignatureType.cosignatureV1, pair.publicKey),
    at(timestampSeconds) {
      if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
        throw new RangeError(`cosignature timestamp ${timestampSeconds} is not a valid POSIX time`);
      }
      const stamp = new Uint8Array(8);
      new DataView(stamp.buffer).setBigUint64(0, BigInt(timestampSeconds), false);
      return {
        name,
        keyId,
        sign(message) {
          const signature = ed25519Sign(pair.privateKey, cosignatureMessage(message, timestampSeconds));
          return concatBytes(stamp, signature);
        },
      };
    },
  });
}
