/**
 * C2SP tlog-proof (main, untagged) `c2sp.org/tlog-proof@v1`: an offline-verifiable proof of logging — header,
 * optional `extra <base64>`, `index <n>`, inclusion-proof hashes (one base64 hash per line), an empty line, then the
 * checkpoint verbatim. Parsing treats the checkpoint as opaque text; verification opens it under a policy.
 */
import { decodeUtf8, fromBase64, parseDecimal, toBase64 } from "./encoding.ts";
import { HASH_SIZE, type Hash } from "./merkle-hash.ts";
import type { Policy } from "./policy.ts";
import { type PolicyVerifiedCheckpoint, verifyCheckpointWithPolicy } from "./policy-verify.ts";
import { fail, ok, type Result } from "./result.ts";
import { verifyInclusion } from "./verify-inclusion.ts";

export const TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";
/** Bound on any one line, so a hostile file cannot make us buffer without limit (as transparency-dev/formats). */
export const MAX_TLOG_PROOF_LINE = 64 * 1024;
/** Depth of a tree of 2^63 leaves: no valid inclusion proof is longer. */
const MAX_PROOF_HASHES = 63;

export interface TlogProof {
  /** Unauthenticated application data (§Format: MUST NOT be implicitly trusted). */
  readonly extra?: Uint8Array;
  readonly index: number;
  readonly proof: readonly Hash[];
  /** The signed checkpoint, verbatim. */
  readonly checkpoint: string;
}

export function formatTlogProof(p: TlogProof): Result<string> {
  if (!Number.isSafeInteger(p.index) || p.index < 0) return fail("out-of-range", `index ${p.index} is not valid`);
  if (p.proof.some((h) => h.length !== HASH_SIZE)) return fail("bad-hash-length", "a proof hash is not 32 bytes");
  if (p.extra !== undefined && p.extra.length === 0) return fail("malformed", "omit extra rather than leave it empty");
  const extra = p.extra === undefined ? "" : `extra ${toBase64(p.extra)}\n`;
  const hashes = p.proof.map((h) => `${toBase64(h)}\n`).join("");
  return ok(`${TLOG_PROOF_HEADER}\n${extra}index ${p.index}\n${hashes}\n${p.checkpoint}`);
}

export function parseTlogProof(input: string | Uint8Array): Result<TlogProof> {
  const text = typeof input === "string" ? input : decodeUtf8(input);
  if (text === undefined) return fail("malformed", "a tlog-proof is UTF-8 text");
  const lines = text.split("\n");
  if (lines.some((l) => l.length > MAX_TLOG_PROOF_LINE)) return fail("malformed", "a line is longer than 64 KiB");
  if (lines[0] !== TLOG_PROOF_HEADER) return fail("malformed", `the first line must be ${TLOG_PROOF_HEADER}`);
  let at = 1;
  let extra: Uint8Array | undefined;
  if (lines[at]?.startsWith("extra ")) {
    extra = fromBase64((lines[at] as string).slice("extra ".length));
    if (extra === undefined || extra.length === 0) return fail("malformed", "the extra line is not base64 data");
    at++;
  }
  const indexMatch = /^index (.*)$/.exec(lines[at] ?? "");
  const index = indexMatch?.[1] === undefined ? undefined : parseDecimal(indexMatch[1]);
  if (index === undefined) return fail("malformed", "expected an index line with a decimal index");
  at++;
  const proof: Hash[] = [];
  for (; at < lines.length && lines[at] !== ""; at++) {
    const hash = fromBase64(lines[at] as string);
    if (hash === undefined || hash.length !== HASH_SIZE)
      return fail("malformed", `line ${at + 1} is not a base64 hash`);
    if (proof.length === MAX_PROOF_HASHES) return fail("malformed", "the inclusion proof is too long");
    proof.push(hash);
  }
  if (at >= lines.length) return fail("malformed", "the proof hashes end with an empty line");
  const checkpoint = lines.slice(at + 1).join("\n");
  if (checkpoint.length === 0) return fail("malformed", "the checkpoint is missing");
  return ok(extra === undefined ? { index, proof, checkpoint } : { extra, index, proof, checkpoint });
}

/** §Verifying a tlog proof, steps 2–4, given the application's leaf hash (step 1). */
export function verifyTlogProof(p: TlogProof, leafHash: Hash, policy: Policy): Result<PolicyVerifiedCheckpoint> {
  const verified = verifyCheckpointWithPolicy(p.checkpoint, policy);
  if (!verified.ok) return verified;
  const { size, rootHash } = verified.value.checkpoint;
  const inclusion = verifyInclusion(p.index, size, leafHash, p.proof, rootHash);
  return inclusion.ok ? verified : inclusion;
}
