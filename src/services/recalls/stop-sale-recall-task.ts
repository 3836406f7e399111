import type { RecallTask } from "../../core/recalls/recall.ts";
import { markTask } from "../../store/recall-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import { openTaskOfHolder } from "./recall-task-access.ts";

/**
 * The holder reports it has stopped selling and set the goods aside (停止销售, 食品召回管理办法 第十九条). The
 * platform already refuses its sales of the lot; this records that the shelf is cleared too. Implies acknowledged.
 */
export async function stopSaleRecallTask(ctx: ServiceContext, taskId: string): Promise<RecallTask> {
  return ctx.store.transaction(async (tx) => {
    const { task } = await openTaskOfHolder(tx, ctx, taskId);
    const now = ctx.clock.now();
    await markTask(tx, task.id, { acknowledgedAt: now, stopSaleAt: now });
    await recordAudit(
      tx,
      ctx,
      "recall.task.stop-sale",
      { type: "recall-task", id: task.id },
      {
        recallId: task.recallId,
      },
    );
    return (await openTaskOfHolder(tx, ctx, taskId)).task;
  });
}
