/**
 * The decision of a witness on an `add-checkpoint` request (C2SP tlog-witness v1.0.0 §add-checkpoint), as a pure
 * function of the request, the log's trusted keys and the witness's latest cosigned checkpoint for that origin.
 * The caller MUST read the state, decide, persist and cosign atomically (the spec's rollback race).
 */
import { openCheckpoint, type SignedCheckpoint } from "./checkpoint.ts";
import { bytesEqual } from "./encoding.ts";
import { EMPTY_ROOT, type Hash } from "./merkle-hash.ts";
import type { NoteSigner, NoteVerifier } from "./note-key.ts";
import { fail, ok, type Result } from "./result.ts";
import { parseNote } from "./signed-note.ts";
import { verifyConsistency } from "./verify-consistency.ts";
import type { AddCheckpointRequest } from "./witness-messages.ts";
import { formatCosignatureResponse } from "./witness-messages.ts";

export interface WitnessedState {
  readonly size: number;
  readonly rootHash: Hash;
}

export type AddCheckpointDecision =
  | { readonly kind: "cosign"; readonly checkpoint: SignedCheckpoint }
  | {
      readonly kind: "reject";
      readonly status: 400 | 403 | 404 | 409 | 422;
      readonly detail: string;
      /** For 409: the body is formatConflictBody(latestSize). */
      readonly latestSize?: number;
    };

const reject = (status: 400 | 403 | 404 | 409 | 422, detail: string, latestSize?: number): AddCheckpointDecision =>
  latestSize === undefined ? { kind: "reject", status, detail } : { kind: "reject", status, detail, latestSize };

/**
 * @param logVerifiers the keys trusted for `request.origin`, or undefined when the origin is unknown (404)
 * @param latest the latest checkpoint this witness cosigned for the origin, or undefined if none
 */
export function decideAddCheckpoint(
  request: AddCheckpointRequest,
  logVerifiers: readonly NoteVerifier[] | undefined,
  latest: WitnessedState | undefined,
): AddCheckpointDecision {
  if (logVerifiers === undefined) return reject(404, `unknown log origin "${request.origin}"`);
  const opened = openCheckpoint(request.checkpoint, logVerifiers, request.origin);
  if (!opened.ok) return reject(opened.error.code === "malformed" ? 400 : 403, opened.error.detail);
  const { size, rootHash } = opened.value.checkpoint;
  const { oldSize, proof } = request;
  if (oldSize > size) return reject(400, `old size ${oldSize} is larger than the checkpoint size ${size}`);
  const latestSize = latest?.size ?? 0;
  if (oldSize !== latestSize) return reject(409, `the latest cosigned size is ${latestSize}`, latestSize);
  if (oldSize === 0) {
    // "The proof MUST be empty if the old size is zero"; the empty tree has one possible root, MTH({}).
    if (proof.length !== 0) return reject(422, "the proof must be empty when the old size is 0");
    if (size === 0 && !bytesEqual(rootHash, EMPTY_ROOT)) return reject(422, "an empty tree has root SHA-256()");
    return { kind: "cosign", checkpoint: opened.value };
  }
  const latestRoot = latest?.rootHash as Hash;
  if (oldSize === size) {
    if (!bytesEqual(rootHash, latestRoot))
      return reject(409, "same size as the latest checkpoint, different root", latestSize);
    if (proof.length !== 0) return reject(422, "the proof must be empty when the sizes are equal");
    return { kind: "cosign", checkpoint: opened.value };
  }
  const check = verifyConsistency(oldSize, size, latestRoot, rootHash, proof);
  if (!check.ok) return reject(422, check.error.detail);
  return { kind: "cosign", checkpoint: opened.value };
}

/** The 200 body: cosignatures of the checkpoint text by each cosigner (e.g. `cosigner.at(now)`). */
export function cosignResponse(checkpointText: string, cosigners: readonly NoteSigner[]): Result<string> {
  const message = new TextEncoder().encode(checkpointText);
  const signatures = cosigners.map((c) => ({ name: c.name, keyId: c.keyId, signature: c.sign(message) }));
  return signatures.length === 0 ? fail("malformed", "no cosigner") : ok(formatCosignatureResponse(signatures));
}

/** Client side: adds the cosignature lines of a 200 response to the checkpoint note (tlog-witness §add-checkpoint). */
export function attachCosignatures(checkpointNote: string, responseBody: string): Result<string> {
  const combined = `${checkpointNote}${responseBody}`;
  const parsed = parseNote(combined);
  return parsed.ok ? ok(combined) : parsed;
}
