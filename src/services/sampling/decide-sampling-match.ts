import { actorRef } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Recall } from "../../core/recalls/recall.ts";
import { findLotById } from "../../store/lot-store.ts";
import { decideMatch, findSamplingRecord, setMatchRecall } from "../../store/sampling-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { openRecallIn } from "../recalls/open-recall.ts";
import type { ServiceContext } from "../service-context.ts";
import { mayDecide } from "./read-sampling.ts";

export interface DecideMatchInput {
  readonly recordId: string;
  readonly lotId: string;
  readonly decision: "confirm" | "dismiss";
  /** With a confirmation: order the lot's recall in the same step (责令召回, 食品召回管理办法 第二十五条). */
  readonly recall?: { readonly level: string; readonly reason?: string };
}

/**
 * A regulator confirms that a failing sample came from a candidate lot — and, in the same transaction, may order
 * its recall (the recall's scope, tasks, notices and event come from the recall use case's own steps) — or dismisses
 * the candidate. A candidate is decided once.
 */
export async function decideSamplingMatch(
  ctx: ServiceContext,
  input: DecideMatchInput,
): Promise<{ status: "confirmed" | "dismissed"; recall: Recall | null }> {
  if (ctx.actor.kind !== "regulator")
    throw new AppError("forbidden", "a regulator confirms sampling matches and orders recalls");
  if (input.decision === "dismiss" && input.recall)
    throw new AppError("validation-failed", "a dismissed match orders no recall", { pointer: "/body/recall" });
  return ctx.store.transaction(async (tx) => {
    const record = await findSamplingRecord(tx, input.recordId);
    if (!record || !mayDecide(ctx, record))
      throw new AppError("not-found", `no sampling record with id ${input.recordId} in your region`, {
        pointer: "/params/id",
      });
    const status = input.decision === "confirm" ? "confirmed" : "dismissed";
    const decided = await decideMatch(tx, {
      recordId: record.id,
      lotId: input.lotId,
      status,
      at: ctx.clock.now(),
      by: actorRef(ctx.actor),
    });
    if (!decided)
      throw new AppError("match-decided", "this lot is not an open candidate of the record", {
        pointer: "/params/lotId",
      });
    let recall: Recall | null = null;
    if (input.recall) {
      const lot = await findLotById(tx, input.lotId);
      if (!lot) throw new AppError("not-found", `no lot with id ${input.lotId}`, { pointer: "/params/lotId" });
      const reason =
        input.recall.reason?.trim() ||
        `抽检不合格 / failed official sampling ${record.sampleNo} (${record.agency}): ${record.failedItems.join("、")}`;
      recall = await openRecallIn(tx, ctx, {
        level: input.recall.level,
        reason,
        lots: [`${ctx.settings.publicBaseUrl}/${lot.traceKey}`],
      });
      await setMatchRecall(tx, record.id, lot.id, recall.id);
    }
    await recordAudit(
      tx,
      ctx,
      `sampling.${input.decision}`,
      { type: "sampling", id: record.id },
      { lotId: input.lotId, recallId: recall?.id ?? null },
    );
    return { status, recall };
  });
}
