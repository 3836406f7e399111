/**
 * Ed25519 signer keys in the golang.org/x/mod/sumdb/note encoding used by Tessera and Sunlight:
 * `PRIVATE+KEY+<name>+hex(key ID)+base64(0x01 || 32-byte seed)`. C2SP signed-note does not standardise private
 * keys; this is the de-facto format, and the published test keys of conformance/tlog use it.
 */
import { randomBytes } from "node:crypto";
import { ED25519_KEY_SIZE, ed25519FromSeed, ed25519Sign } from "./ed25519.ts";
import { concatBytes, fromBase64, toBase64 } from "./encoding.ts";
import { computeKeyId, isValidKeyName, keyIdHex, type NoteSigner, SignatureType } from "./note-key.ts";
import { chop, formatVerifierKey } from "./note-verifier-key.ts";
import { fail, ok, type Result } from "./result.ts";

export interface Ed25519NoteSigner extends NoteSigner {
  readonly publicKey: Uint8Array;
  /** The vkey that verifies this signer's signatures. */
  readonly verifierKey: string;
}

/** A signer from a name and a 32-byte seed (RFC 8032 §5.1.5 private key). */
export function ed25519Signer(name: string, seed: Uint8Array): Result<Ed25519NoteSigner> {
  if (!isValidKeyName(name)) return fail("bad-key", `"${name}" is not a valid key name`);
  if (seed.length !== ED25519_KEY_SIZE) return fail("bad-key", "an Ed25519 seed is 32 bytes");
  const pair = ed25519FromSeed(seed);
  return ok({
    name,
    keyId: computeKeyId(name, SignatureType.ed25519, pair.publicKey),
    publicKey: pair.publicKey,
    verifierKey: formatVerifierKey(name, SignatureType.ed25519, pair.publicKey),
    sign: (message) => ed25519Sign(pair.privateKey, message),
  });
}

export function parseSignerKey(signerKey: string): Result<Ed25519NoteSigner> {
  const [p1, r1] = chop(signerKey, "+");
  const [p2, r2] = chop(r1 ?? "", "+");
  const [name, r3] = chop(r2 ?? "", "+");
  const [hex, b64] = chop(r3 ?? "", "+");
  const material = b64 === undefined ? undefined : fromBase64(b64);
  if (p1 !== "PRIVATE" || p2 !== "KEY" || !/^[0-9a-f]{8}$/.test(hex) || material === undefined) {
    return fail("bad-key", "a signer key is PRIVATE+KEY+<name>+<8 hex digits>+<base64 of type and seed>");
  }
  if (material[0] !== SignatureType.ed25519) return fail("bad-key", "only Ed25519 (0x01) signer keys are supported");
  const signer = ed25519Signer(name, material.subarray(1));
  if (!signer.ok) return signer;
  if (signer.value.keyId !== Number.parseInt(hex, 16)) {
    return fail("bad-key", `the key ID ${hex} does not match the key of ${name}`);
  }
  return signer;
}

export function formatSignerKey(name: string, seed: Uint8Array): Result<string> {
  const signer = ed25519Signer(name, seed);
  if (!signer.ok) return signer;
  const material = toBase64(concatBytes(Uint8Array.of(SignatureType.ed25519), seed));
  return ok(`PRIVATE+KEY+${name}+${keyIdHex(signer.value.keyId)}+${material}`);
}

/** A fresh key pair as strings: keep `signerKey` secret, publish `verifierKey`. */
export function generateSignerKey(
  name: string,
  seed: Uint8Array = randomBytes(ED25519_KEY_SIZE),
): Result<{ readonly signerKey: string; readonly verifierKey: string }> {
  const signerKey = formatSignerKey(name, seed);
  if (!signerKey.ok) return signerKey;
  const signer = ed25519Signer(name, seed);
  return signer.ok ? ok({ signerKey: signerKey.value, verifierKey: signer.value.verifierKey }) : signer;
}
