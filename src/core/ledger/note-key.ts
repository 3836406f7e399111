/**
 * Keys of C2SP signed-note v1.0.0: names, key IDs and the signer/verifier roles every note algorithm implements.
 */
import { concatBytes, encodeUtf8, hasControlCharacter, readUint32 } from "./encoding.ts";
import { sha256 } from "./merkle-hash.ts";

/** Signature type identifier bytes (C2SP signed-note §Signature types). */
export const SignatureType = {
  ed25519: 0x01,
  /** Timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature v1.0.1). */
  cosignatureV1: 0x04,
} as const;

export type SignatureTypeByte = (typeof SignatureType)[keyof typeof SignatureType];

export interface NoteVerifier {
  readonly name: string;
  /** The uint32 key ID written in big-endian before each signature. */
  readonly keyId: number;
  /** Verifies `signature` (the bytes after the key ID) over the note text `message`. */
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** Signs the note text; returns the bytes that follow the key ID on the signature line. */
  sign(message: Uint8Array): Uint8Array;
}

/** C2SP signed-note §Format: key names are non-empty, with no Unicode spaces and no plus (U+002B). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\p{Zs}\u0085]/u.test(name) && !hasControlCharacter(name);
}

/** key ID = SHA-256(key name || 0x0A || signature type || public key)[:4] (C2SP signed-note §Signatures). */
export function computeKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = sha256(concatBytes(encodeUtf8(name), Uint8Array.of(0x0a, type), publicKey));
  return readUint32(digest, 0);
}

/** The key ID as the 8 lower-case hex digits of a vkey. */
export function keyIdHex(keyId: number): string {
  return (keyId >>> 0).toString(16).padStart(8, "0");
}
