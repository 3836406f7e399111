import type { RecallTask } from "../../core/recalls/recall.ts";
import { markTask } from "../../store/recall-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { openTaskOfHolder } from "./recall-task-access.ts";

/** The holder confirms it has seen the recall notice (签收). The first acknowledgement counts. */
export async function acknowledgeRecallTask(ctx: ServiceContext, taskId: string): Promise<RecallTask> {
  return ctx.store.transaction(async (tx) => {
    const { task } = await openTaskOfHolder(tx, ctx, taskId);
    await markTask(tx, task.id, { acknowledgedAt: ctx.clock.now() });
    await recordAudit(
      tx,
      ctx,
      "recall.task.acknowledge",
      { type: "recall-task", id: task.id },
      {
        recallId: task.recallId,
      },
    );
    return (await openTaskOfHolder(tx, ctx, taskId)).task;
  });
}
