/**
 * C2SP signed-note v1.0.0: text, a blank line, then signature lines `— <name> base64(key ID || signature)`.
 * Parsing never throws; opening applies the verification rules of §Signatures.
 */
import {
  concatBytes,
  decodeUtf8,
  encodeUtf8,
  fromBase64,
  hasControlCharacter,
  isWellFormedText,
  readUint32,
  toBase64,
  uint32Bytes,
} from "./encoding.ts";
import { isValidKeyName, keyIdHex, type NoteSigner, type NoteVerifier } from "./note-key.ts";
import { fail, ok, type Result } from "./result.ts";

/** Em dash and space that start every signature line (U+2014 U+0020). */
export const SIGNATURE_PREFIX = "\u2014 ";

/**
 * Go's golang.org/x/mod/sumdb/note stops at 100 signatures; the spec asks verifiers to accept at least 16 and to
 * bound the work an attacker can cause.
 */
export const MAX_SIGNATURES = 100;

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  readonly signature: Uint8Array;
}

export interface ParsedNote {
  /** The signed text, ending in a newline, without the separating blank line. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export interface OpenedNote extends ParsedNote {
  /** Signatures from known keys, all verified; one per key. */
  readonly verified: readonly (NoteSignature & { readonly verifier: NoteVerifier })[];
  /** Signatures from keys the caller does not know (ignored, as the spec requires). */
  readonly unknown: readonly NoteSignature[];
}

/** Note text rules shared by parsing and signing: well-formed, no ASCII control characters but newline. */
function checkText(text: string): boolean {
  return isWellFormedText(text) && !hasControlCharacter(text, "\n");
}

function decode(note: string | Uint8Array): string | undefined {
  return typeof note === "string" ? note : decodeUtf8(note);
}

/** Splits a note into text and signatures, checking the format only (no cryptography). */
export function parseNote(note: string | Uint8Array): Result<ParsedNote> {
  const whole = decode(note);
  if (whole === undefined || !checkText(whole)) {
    return fail("malformed", "a note is UTF-8 with no control characters other than newline");
  }
  // The text is separated from the signatures by the last empty line (C2SP signed-note §Format).
  const split = whole.lastIndexOf("\n\n");
  if (split < 0) return fail("malformed", "a note needs a blank line before its signatures");
  const text = whole.slice(0, split + 1);
  const block = whole.slice(split + 2);
  if (block.length === 0 || !block.endsWith("\n")) return fail("malformed", "signature lines must end in a newline");
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) return fail("malformed", `more than ${MAX_SIGNATURES} signatures`);
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const parsed = parseSignatureLine(line);
    if (!parsed.ok) return parsed;
    signatures.push(parsed.value);
  }
  return ok({ text, signatures });
}

/** Parses `— <name> <base64>` (without its newline). */
export function parseSignatureLine(line: string): Result<NoteSignature> {
  if (!line.startsWith(SIGNATURE_PREFIX))
    return fail("malformed", "a signature line starts with an em dash and a space");
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(" ");
  const name = space < 0 ? rest : rest.slice(0, space);
  const bytes = space < 0 ? undefined : fromBase64(rest.slice(space + 1));
  if (!isValidKeyName(name) || bytes === undefined || bytes.length < 5) {
    return fail("malformed", `bad signature line for "${name}"`);
  }
  return ok({ name, keyId: readUint32(bytes, 0), signature: bytes.subarray(4) });
}

export function formatSignatureLine(signature: NoteSignature): string {
  const payload = toBase64(concatBytes(uint32Bytes(signature.keyId), signature.signature));
  return `${SIGNATURE_PREFIX}${signature.name} ${payload}\n`;
}

/** Text, blank line, signature lines. */
export function formatNote(text: string, signatures: readonly NoteSignature[]): string {
  return `${text}\n${signatures.map(formatSignatureLine).join("")}`;
}

/** Signs `text` (which must end in a newline) with each signer, after any existing signatures. */
export function signNote(
  text: string,
  signers: readonly NoteSigner[],
  existing: readonly NoteSignature[] = [],
): Result<string> {
  if (!text.endsWith("\n") || !checkText(text)) {
    return fail("malformed", "note text must end in a newline and contain no control characters");
  }
  if (signers.length + existing.length === 0) return fail("malformed", "a note needs at least one signature");
  const message = encodeUtf8(text);
  const signatures = [...existing];
  for (const signer of signers) {
    if (!isValidKeyName(signer.name)) return fail("bad-key", `"${signer.name}" is not a valid key name`);
    signatures.push({ name: signer.name, keyId: signer.keyId, signature: signer.sign(message) });
  }
  return ok(formatNote(text, signatures));
}

/**
 * Parses and verifies a note (C2SP signed-note §Signatures): unknown keys are ignored, a known key whose
 * signature fails rejects the whole note, and at least one known signature must verify.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): Result<OpenedNote> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const message = encodeUtf8(parsed.value.text);
  const verified: (NoteSignature & { readonly verifier: NoteVerifier })[] = [];
  const unknown: NoteSignature[] = [];
  for (const sig of parsed.value.signatures) {
    // A key is known only when both name and ID match; sharing one of them is not enough.
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (verifier === undefined) {
      unknown.push(sig);
      continue;
    }
    if (!verifier.verify(message, sig.signature)) {
      return fail("invalid-signature", `invalid signature for key ${sig.name}+${keyIdHex(sig.keyId)}`);
    }
    if (!verified.some((v) => v.verifier === verifier)) verified.push({ ...sig, verifier });
  }
  if (verified.length === 0) return fail("no-verifiable-signature", "note has no verifiable signatures");
  return ok({ ...parsed.value, verified, unknown });
}
