/**
 * A witness's private key as text, in the golang.org/x/mod/sumdb/note encoding with the cosignature type byte:
 * `PRIVATE+KEY+<name>+hex(key ID)+base64(0x04 || 32-byte seed)`, the key ID being that of the tlog-cosignature
 * v1.0.1 vkey (type 0x04). Neither C2SP spec standardises private keys; this mirrors note-signer-key.ts.
 */
import { randomBytes } from "node:crypto";
import { type Cosigner, cosignerFromSeed } from "./cosignature.ts";
import { ED25519_KEY_SIZE } from "./ed25519.ts";
import { concatBytes, fromBase64, toBase64 } from "./encoding.ts";
import { keyIdHex, SignatureType } from "./note-key.ts";
import { chop } from "./note-verifier-key.ts";
import { fail, ok, type Result } from "./result.ts";

export function formatCosignerKey(name: string, seed: Uint8Array = randomBytes(ED25519_KEY_SIZE)): Result<string> {
  const cosigner = cosignerFromSeed(name, seed);
  if (!cosigner.ok) return cosigner;
  const material = toBase64(concatBytes(Uint8Array.of(SignatureType.cosignatureV1), seed));
  return ok(`PRIVATE+KEY+${name}+${keyIdHex(cosigner.value.keyId)}+${material}`);
}

export function parseCosignerKey(text: string): Result<Cosigner> {
  const [p1, r1] = chop(text, "+");
  const [p2, r2] = chop(r1 ?? "", "+");
  const [name, r3] = chop(r2 ?? "", "+");
  const [hex, b64] = chop(r3 ?? "", "+");
  const material = b64 === undefined ? undefined : fromBase64(b64);
  if (p1 !== "PRIVATE" || p2 !== "KEY" || !/^[0-9a-f]{8}$/.test(hex) || material === undefined) {
    return fail("bad-key", "a cosigner key is PRIVATE+KEY+<name>+<8 hex digits>+<base64 of type and seed>");
  }
  if (material[0] !== SignatureType.cosignatureV1) return fail("bad-key", "not a cosignature/v1 (0x04) key");
  const cosigner = cosignerFromSeed(name, material.subarray(1));
  if (!cosigner.ok) return cosigner;
  if (cosigner.value.keyId !== Number.parseInt(hex, 16)) {
    return fail("bad-key", `the key ID ${hex} does not match the key of ${name}`);
  }
  return cosigner;
}
