/**
 * Ed25519 (RFC 8032) through node:crypto. Keys travel as raw 32-byte seeds and public keys (the signed-note
 * encodings); node:crypto wants DER, so we wrap them in the fixed PKCS #8 / SPKI prefixes of RFC 8410.
 */
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { concatBytes } from "./encoding.ts";

export const ED25519_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

// RFC 8410 §7 (PKCS #8 OneAsymmetricKey) and §4 (SubjectPublicKeyInfo) for id-Ed25519 (1.3.101.112).
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

export interface Ed25519KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: Uint8Array;
}

/** The key pair of a 32-byte seed (RFC 8032 §5.1.5). The caller checks the seed length. */
export function ed25519FromSeed(seed: Uint8Array): Ed25519KeyPair {
  const privateKey = createPrivateKey({
    key: Buffer.from(concatBytes(PKCS8_PREFIX, seed)),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  return { privateKey, publicKey: new Uint8Array(spki.subarray(SPKI_PREFIX.length)) };
}

/** A public key object for verification, or undefined when the bytes are not a valid point encoding. */
export function ed25519PublicKey(publicKey: Uint8Array): KeyObject | undefined {
  if (publicKey.length !== ED25519_KEY_SIZE) return undefined;
  try {
    return createPublicKey({ key: Buffer.from(concatBytes(SPKI_PREFIX, publicKey)), format: "der", type: "spki" });
  } catch {
    return undefined;
  }
}

export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
}

export function ed25519Verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
