/**
 * Bodies of the C2SP tlog-witness v1.0.0 `add-checkpoint` call: the request (old size line, up to 63 base64
 * consistency-proof lines, an empty line, the signed checkpoint), the 200 response (cosignature lines) and the
 * 409 response (`<size>\n`, Content-Type text/x.tlog.size). Pure text in, text out; the HTTP layer comes later.
 */
import { parseCheckpoint } from "./checkpoint.ts";
import { decodeUtf8, fromBase64, parseDecimal, toBase64 } from "./encoding.ts";
import { HASH_SIZE, type Hash } from "./merkle-hash.ts";
import { fail, ok, type Result } from "./result.ts";
import { formatSignatureLine, type NoteSignature, parseNote, parseSignatureLine } from "./signed-note.ts";

/** "The client MUST NOT send more than 63 consistency proof lines." */
export const MAX_PROOF_LINES = 63;
export const TLOG_SIZE_CONTENT_TYPE = "text/x.tlog.size";

export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note, verbatim (may carry several signatures). */
  readonly checkpoint: string;
  /** The checkpoint's origin line, read before any signature is checked so the witness can find the log's keys. */
  readonly origin: string;
}

export function formatAddCheckpointRequest(request: Omit<AddCheckpointRequest, "origin">): Result<string> {
  const { oldSize, proof, checkpoint } = request;
  if (!Number.isSafeInteger(oldSize) || oldSize < 0) return fail("out-of-range", `old size ${oldSize} is not valid`);
  if (proof.length > MAX_PROOF_LINES) return fail("out-of-range", `at most ${MAX_PROOF_LINES} proof lines`);
  if (proof.some((h) => h.length !== HASH_SIZE)) return fail("bad-hash-length", "a proof hash is not 32 bytes");
  return ok(`old ${oldSize}\n${proof.map((h) => `${toBase64(h)}\n`).join("")}\n${checkpoint}`);
}

export function parseAddCheckpointRequest(body: string | Uint8Array): Result<AddCheckpointRequest> {
  const text = typeof body === "string" ? body : decodeUtf8(body);
  if (text === undefined) return fail("malformed", "the request body is not UTF-8");
  let at = text.indexOf("\n");
  const first = at < 0 ? undefined : /^old (.*)$/.exec(text.slice(0, at));
  const oldSize = first?.[1] === undefined ? undefined : parseDecimal(first[1]);
  if (oldSize === undefined) return fail("malformed", 'the request starts with "old <size>"');
  const proof: Hash[] = [];
  for (;;) {
    const end = text.indexOf("\n", at + 1);
    if (end < 0) return fail("malformed", "the proof lines end with an empty line");
    const line = text.slice(at + 1, end);
    at = end;
    if (line === "") break;
    if (proof.length === MAX_PROOF_LINES) return fail("malformed", `more than ${MAX_PROOF_LINES} proof lines`);
    const hash = fromBase64(line);
    if (hash === undefined || hash.length !== HASH_SIZE) return fail("malformed", "a proof line is not a base64 hash");
    proof.push(hash);
  }
  const checkpoint = text.slice(at + 1);
  const note = parseNote(checkpoint);
  if (!note.ok) return note;
  const parsed = parseCheckpoint(note.value.text);
  if (!parsed.ok) return parsed;
  return ok({ oldSize, proof, checkpoint, origin: parsed.value.origin });
}

/** The 200 body: one or more note signature lines. */
export function formatCosignatureResponse(signatures: readonly NoteSignature[]): string {
  return signatures.map(formatSignatureLine).join("");
}

export function parseCosignatureResponse(body: string | Uint8Array): Result<NoteSignature[]> {
  const text = typeof body === "string" ? body : decodeUtf8(body);
  if (text === undefined || text.length === 0 || !text.endsWith("\n")) {
    return fail("malformed", "a cosignature response is one or more newline-terminated signature lines");
  }
  const signatures: NoteSignature[] = [];
  for (const line of text.slice(0, -1).split("\n")) {
    const sig = parseSignatureLine(line);
    if (!sig.ok) return sig;
    signatures.push(sig.value);
  }
  return ok(signatures);
}

/** The 409 body: the size of the latest cosigned checkpoint and a newline. */
export function formatConflictBody(latestSize: number): string {
  return `${latestSize}\n`;
}

export function parseConflictBody(body: string): Result<number> {
  const size = body.endsWith("\n") ? parseDecimal(body.slice(0, -1)) : undefined;
  return size === undefined ? fail("malformed", "a 409 body is a decimal size and a newline") : ok(size);
}
