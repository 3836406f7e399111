/**
 * C2SP tlog-checkpoint v1.0.0: the note text `origin\nsize\nbase64(root)\n[extension lines\n]`, and opening a
 * signed checkpoint against the log's key(s).
 */
import { fromBase64, hasControlCharacter, parseDecimal, toBase64 } from "./encoding.ts";
import { HASH_SIZE, type Hash } from "./merkle-hash.ts";
import type { NoteVerifier } from "./note-key.ts";
import { fail, ok, type Result } from "./result.ts";
import { type OpenedNote, openNote } from "./signed-note.ts";

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Hash;
  /** Opaque, non-empty extension lines (NOT RECOMMENDED by the spec; kept verbatim for signatures). */
  readonly extensions: readonly string[];
}

export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The exact signed text, for cosigning and for re-serving. */
  readonly text: string;
  readonly note: OpenedNote;
}

export function formatCheckpoint(checkpoint: Checkpoint): Result<string> {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (origin.length === 0 || hasControlCharacter(origin))
    return fail("malformed", "the origin must be a non-empty line");
  if (!Number.isSafeInteger(size) || size < 0) return fail("out-of-range", `tree size ${size} is not valid`);
  if (rootHash.length !== HASH_SIZE) return fail("bad-hash-length", "the root hash is not 32 bytes");
  if (extensions.some((line) => line.length === 0 || hasControlCharacter(line))) {
    return fail("malformed", "extension lines must be non-empty single lines");
  }
  return ok([origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join(""));
}

/** Parses checkpoint note text (the text of an opened note, not the signatures). */
export function parseCheckpoint(text: string): Result<Checkpoint> {
  if (!text.endsWith("\n")) return fail("malformed", "checkpoint text ends in a newline");
  // Normally already checked by parseNote; repeated so the parser is safe on its own (C2SP signed-note §Format).
  if (hasControlCharacter(text, "\n")) return fail("malformed", "checkpoint text has a control character");
  const lines = text.slice(0, -1).split("\n");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === undefined || sizeText === undefined || rootText === undefined) {
    return fail("malformed", "a checkpoint has at least three lines: origin, size, root hash");
  }
  if (origin.length === 0) return fail("malformed", "the checkpoint origin is empty");
  const size = parseDecimal(sizeText);
  if (size === undefined) return fail("malformed", `"${sizeText}" is not a tree size (decimal, no leading zeroes)`);
  const rootHash = fromBase64(rootText);
  if (rootHash === undefined) return fail("malformed", "the root hash is not base64");
  if (rootHash.length !== HASH_SIZE) return fail("bad-hash-length", "the root hash is not 32 bytes");
  if (extensions.some((line) => line.length === 0)) return fail("malformed", "extension lines must be non-empty");
  return ok({ origin, size, rootHash, extensions });
}

/**
 * Opens a signed checkpoint: at least one signature by `logVerifiers` must verify (C2SP tlog-checkpoint
 * §Signatures; unknown signatures, e.g. cosignatures, are ignored), and the origin must be the expected one.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  logVerifiers: readonly NoteVerifier[],
  expectedOrigin?: string,
): Result<SignedCheckpoint> {
  const opened = openNote(note, logVerifiers);
  if (!opened.ok) return opened;
  const checkpoint = parseCheckpoint(opened.value.text);
  if (!checkpoint.ok) return checkpoint;
  if (expectedOrigin !== undefined && checkpoint.value.origin !== expectedOrigin) {
    return fail("wrong-origin", `checkpoint origin "${checkpoint.value.origin}" is not "${expectedOrigin}"`);
  }
  return ok({ checkpoint: checkpoint.value, text: opened.value.text, note: opened.value });
}
