/**
 * Verifier keys ("vkeys") of C2SP signed-note v1.0.0 §Verifier keys: `<name>+hex(key ID)+base64(type || key)`.
 * The base64 part may itself contain "+", so a vkey is split at its first two plus signs only.
 */
import { ED25519_KEY_SIZE, ed25519PublicKey, ed25519Verify } from "./ed25519.ts";
import { concatBytes, fromBase64, toBase64 } from "./encoding.ts";
import { computeKeyId, isValidKeyName, keyIdHex, type NoteVerifier, SignatureType } from "./note-key.ts";
import { fail, ok, type Result } from "./result.ts";

export interface VerifierKeyParts {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

export interface Ed25519NoteVerifier extends NoteVerifier {
  readonly publicKey: Uint8Array;
  /** The vkey string of this verifier. */
  readonly verifierKey: string;
}

/** Splits `text` at the first `sep`: [before, after], or [text, undefined] when absent. */
export function chop(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + sep.length)];
}

/** Parses any vkey and checks that its key ID is the one its name, type and key hash to. */
export function parseVerifierKeyParts(vkey: string): Result<VerifierKeyParts> {
  const [name, rest] = chop(vkey, "+");
  const [hex, b64] = rest === undefined ? ["", undefined] : chop(rest, "+");
  const material = b64 === undefined ? undefined : fromBase64(b64);
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hex) || material === undefined || material.length < 2) {
    return fail("bad-key", "a verifier key is <name>+<8 hex digits>+<base64 of type and key>");
  }
  const keyId = Number.parseInt(hex, 16);
  const type = material[0] as number;
  const publicKey = material.subarray(1);
  if (computeKeyId(name, type, publicKey) !== keyId) {
    return fail("bad-key", `the key ID ${hex} does not match the key of ${name}`);
  }
  return ok({ name, keyId, type, publicKey });
}

export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  const id = computeKeyId(name, type, publicKey);
  return `${name}+${keyIdHex(id)}+${toBase64(concatBytes(Uint8Array.of(type), publicKey))}`;
}

/** A verifier for an Ed25519 signed-note key (type 0x01, C2SP signed-note §Ed25519 signatures). */
export function ed25519Verifier(name: string, publicKey: Uint8Array): Result<Ed25519NoteVerifier> {
  if (!isValidKeyName(name)) return fail("bad-key", `"${name}" is not a valid key name`);
  const key = ed25519PublicKey(publicKey);
  if (key === undefined)
    return fail("bad-key", `the Ed25519 public key of ${name} is not ${ED25519_KEY_SIZE} valid bytes`);
  const pub = Uint8Array.from(publicKey);
  return ok({
    name,
    keyId: computeKeyId(name, SignatureType.ed25519, pub),
    publicKey: pub,
    verifierKey: formatVerifierKey(name, SignatureType.ed25519, pub),
    verify: (message, signature) => ed25519Verify(key, message, signature),
  });
}

export function parseEd25519VerifierKey(vkey: string): Result<Ed25519NoteVerifier> {
  const parts = parseVerifierKeyParts(vkey);
  if (!parts.ok) return parts;
  if (parts.value.type !== SignatureType.ed25519) {
    return fail("bad-key", `signature type 0x${parts.value.type.toString(16)} is not Ed25519 (0x01)`);
  }
  return ed25519Verifier(parts.value.name, parts.value.publicKey);
}
