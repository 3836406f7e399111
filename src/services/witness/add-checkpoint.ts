import {
  cosignResponse,
  decideAddCheckpoint,
  formatConflictBody,
  parseAddCheckpointRequest,
  TLOG_SIZE_CONTENT_TYPE,
  toBase64,
} from "../../core/ledger/index.ts";
import { insertAuditEntry } from "../../store/audit-store.ts";
import { advanceWitnessed, insertForkEvidence, witnessedCheckpoint } from "../../store/witness-store.ts";
import type { WitnessPlatform, WitnessRequestOrigin } from "./witness-platform.ts";

/** The HTTP answer of add-checkpoint, exactly as C2SP tlog-witness v1.0.0 §add-checkpoint prescribes. */
export interface AddCheckpointAnswer {
  readonly status: 200 | 400 | 403 | 404 | 409 | 422;
  readonly contentType: string;
  readonly body: string;
  /** Set when the request showed a checkpoint inconsistent with the one cosigned (evidence was kept). */
  readonly fork?: boolean;
}

const text = (status: AddCheckpointAnswer["status"], body: string): AddCheckpointAnswer => ({
  status,
  contentType: "text/plain; charset=utf-8",
  body: body.endsWith("\n") ? body : `${body}\n`,
});

/**
 * The witness's use case: verify a log's new checkpoint against the last one this witness cosigned and, if it is
 * consistent, record it and return a timestamped cosignature (tlog-cosignature v1.0.1). Read, decide and persist
 * happen in one transaction with a compare-and-swap on the stored size, so the spec's rollback race cannot occur.
 * A checkpoint that contradicts the cosigned one (a consistency proof that does not verify, or the same size with
 * another root) is refused, and both signed checkpoints are kept as evidence of a fork (the spec's "MAY log the
 * request … as it might be proof of log misbehavior").
 */
export async function addCheckpoint(
  w: WitnessPlatform,
  body: string | Uint8Array,
  from: WitnessRequestOrigin,
): Promise<AddCheckpointAnswer> {
  const request = parseAddCheckpointRequest(body);
  if (!request.ok) return text(400, request.error.detail);
  const r = request.value;
  return w.store.transaction(async (tx) => {
    const latest = await witnessedCheckpoint(tx, r.origin);
    const decision = decideAddCheckpoint(r, w.logs.get(r.origin), latest);
    const now = w.clock.now();
    const audit = (action: string, details: Record<string, unknown>) =>
      insertAuditEntry(tx, {
        id: w.newId(),
        at: now,
        actor: "public",
        actorPartyId: null,
        action,
        targetType: "witnessed-log",
        targetId: r.origin,
        details,
        ...from,
      });
    if (decision.kind === "reject") {
      const forked =
        latest !== undefined &&
        (decision.status === 422 || (decision.status === 409 && r.oldSize === latest.size && r.oldSize > 0));
      if (!forked) {
        if (decision.status === 409)
          return { status: 409, contentType: TLOG_SIZE_CONTENT_TYPE, body: formatConflictBody(latest?.size ?? 0) };
        return text(decision.status, decision.detail);
      }
      await insertForkEvidence(tx, {
        id: w.newId(),
        origin: r.origin,
        cosignedSize: latest.size,
        cosignedNote: latest.note,
        presentedOldSize: r.oldSize,
        presentedNote: r.checkpoint,
        proof: r.proof.map((h) => `${toBase64(h)}\n`).join(""),
        detail: decision.detail,
        source: from.source,
        detectedAt: now,
      });
      await audit("witness.fork-detected", { cosignedSize: latest.size, oldSize: r.oldSize, detail: decision.detail });
      w.logger.error(
        { origin: r.origin, cosignedSize: latest.size, oldSize: r.oldSize, detail: decision.detail },
        "witness: the log showed a checkpoint inconsistent with the one cosigned; evidence kept",
      );
      if (decision.status === 409)
        return { status: 409, contentType: TLOG_SIZE_CONTENT_TYPE, body: formatConflictBody(latest.size), fork: true };
      return { ...text(422, decision.detail), fork: true };
    }
    const { checkpoint, text: signedText } = decision.checkpoint;
    const moved = await advanceWitnessed(tx, latest, {
      origin: r.origin,
      size: checkpoint.size,
      rootHash: checkpoint.rootHash,
      note: r.checkpoint,
      updatedAt: now,
    });
    if (!moved) {
      // Another request advanced this log between our read and our write: answer as if we had seen it first.
      const current = await witnessedCheckpoint(tx, r.origin);
      return { status: 409, contentType: TLOG_SIZE_CONTENT_TYPE, body: formatConflictBody(current?.size ?? 0) };
    }
    const answer = cosignResponse(signedText, [w.cosigner.at(Math.floor(now / 1000))]);
    if (!answer.ok) throw new Error(`witness: ${answer.error.detail}`);
    await audit("witness.cosign", { size: checkpoint.size, oldSize: r.oldSize });
    return { status: 200, contentType: "text/plain; charset=utf-8", body: answer.value };
  });
}
