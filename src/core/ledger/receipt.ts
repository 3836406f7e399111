/**
 * Receipts (上链凭证): a C2SP tlog-proof whose `extra` line names the record and carries its salt and commitment.
 * Verifying one, offline: the checkpoint is signed by a trusted log (and cosigned as the policy demands), the
 * commitment's leaf is included in that tree, and — when the record itself is at hand — the record, salted, gives
 * that very commitment. `extra` is unauthenticated (tlog-proof §Format), which is why every claim in it is checked
 * against the signed tree rather than trusted.
 */
import { bytesEqual, decodeUtf8, encodeUtf8, fromBase64, toBase64 } from "./encoding.ts";
import { leafHash } from "./merkle-hash.ts";
import type { Policy } from "./policy.ts";
import type { PolicyVerifiedCheckpoint } from "./policy-verify.ts";
import { type JsonValue, RECORD_COMMITMENT_TAG, recordCommitment, SALT_SIZE } from "./record-commitment.ts";
import { fail, ok, type Result } from "./result.ts";
import { formatTlogProof, parseTlogProof, type TlogProof, verifyTlogProof } from "./tlog-proof.ts";

export interface ReceiptClaim {
  readonly kind: string;
  readonly ref: string;
  readonly salt: Uint8Array;
  readonly commitment: Uint8Array;
}

export function formatReceipt(claim: ReceiptClaim, proof: Omit<TlogProof, "extra">): Result<string> {
  const extra = JSON.stringify({
    kind: claim.kind,
    ref: claim.ref,
    salt: toBase64(claim.salt),
    commitment: toBase64(claim.commitment),
  });
  return formatTlogProof({ ...proof, extra: encodeUtf8(extra) });
}

export interface VerifiedReceipt {
  readonly claim: ReceiptClaim;
  readonly index: number;
  readonly checkpoint: PolicyVerifiedCheckpoint;
  /** True when a record was given and it opens the commitment. */
  readonly recordChecked: boolean;
}

export function parseReceipt(text: string | Uint8Array): Result<{ proof: TlogProof; claim: ReceiptClaim }> {
  const proof = parseTlogProof(text);
  if (!proof.ok) return proof;
  const raw = proof.value.extra && decodeUtf8(proof.value.extra);
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined;
  }
  const salt = typeof parsed?.salt === "string" ? fromBase64(parsed.salt) : undefined;
  const commitment = typeof parsed?.commitment === "string" ? fromBase64(parsed.commitment) : undefined;
  if (
    !parsed ||
    typeof parsed.kind !== "string" ||
    typeof parsed.ref !== "string" ||
    salt?.length !== SALT_SIZE ||
    commitment?.length !== 32
  ) {
    return fail("malformed", "the receipt's extra line does not name a record with its salt and commitment");
  }
  return ok({ proof: proof.value, claim: { kind: parsed.kind, ref: parsed.ref, salt, commitment } });
}

export function verifyReceipt(text: string | Uint8Array, policy: Policy, record?: JsonValue): Result<VerifiedReceipt> {
  const parsed = parseReceipt(text);
  if (!parsed.ok) return parsed;
  const { proof, claim } = parsed.value;
  if (record !== undefined) {
    const c = recordCommitment({ tag: RECORD_COMMITMENT_TAG, kind: claim.kind, salt: claim.salt, record });
    if (!c.ok) return c;
    if (!bytesEqual(c.value, claim.commitment))
      return fail("proof-mismatch", "the record does not match the receipt: it was changed, or it is another record");
  }
  const verified = verifyTlogProof(proof, leafHash(claim.commitment), policy);
  if (!verified.ok) return verified;
  return ok({ claim, index: proof.index, checkpoint: verified.value, recordChecked: record !== undefined });
}
