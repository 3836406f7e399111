/**
 * Verifying a checkpoint under a tlog-policy: "a checkpoint is considered valid if it is signed by any one of the
 * listed logs, and it is cosigned by witnesses according to the defined quorum rule" (C2SP tlog-policy §What is a
 * "policy"?). A failing signature by any known log or witness key rejects the note (C2SP signed-note SHOULD).
 */
import { type Checkpoint, parseCheckpoint } from "./checkpoint.ts";
import type { NoteVerifier } from "./note-key.ts";
import { type Policy, quorumMet } from "./policy.ts";
import { fail, ok, type Result } from "./result.ts";
import { openNote } from "./signed-note.ts";

export interface PolicyVerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly text: string;
  /** Policy names of the witnesses whose cosignatures verified. */
  readonly witnesses: readonly string[];
}

/** `extraLogVerifiers` serves policies with no log lines, whose logs are known from context. */
export function verifyCheckpointWithPolicy(
  note: string | Uint8Array,
  policy: Policy,
  extraLogVerifiers: readonly NoteVerifier[] = [],
): Result<PolicyVerifiedCheckpoint> {
  const logVerifiers: NoteVerifier[] = [...policy.logs.map((l) => l.verifier), ...extraLogVerifiers];
  const witnessByVerifier = new Map<NoteVerifier, string>();
  for (const w of policy.witnesses.values()) witnessByVerifier.set(w.verifier, w.name);
  const opened = openNote(note, [...logVerifiers, ...witnessByVerifier.keys()]);
  if (!opened.ok) return opened;
  const verifiers = opened.value.verified.map((s) => s.verifier);
  if (!verifiers.some((v) => logVerifiers.includes(v))) {
    return fail("no-verifiable-signature", "no trusted log signed the checkpoint");
  }
  const checkpoint = parseCheckpoint(opened.value.text);
  if (!checkpoint.ok) return checkpoint;
  // The tlog-policy log line: the key name MUST correspond to the log's origin line.
  const logNames = verifiers.filter((v) => logVerifiers.includes(v)).map((v) => v.name);
  if (!logNames.includes(checkpoint.value.origin)) {
    return fail("wrong-origin", `origin "${checkpoint.value.origin}" is not the name of the log that signed it`);
  }
  const witnesses = verifiers.flatMap((v) => witnessByVerifier.get(v) ?? []);
  if (!quorumMet(policy, new Set(witnesses))) {
    return fail(
      "quorum-not-met",
      `cosigned by ${witnesses.length ? witnesses.join(", ") : "no witness"}; quorum not met`,
    );
  }
  return ok({ checkpoint: checkpoint.value, text: opened.value.text, witnesses });
}
