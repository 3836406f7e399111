import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Recall, RecallTask } from "../../core/recalls/recall.ts";
import { findRecallById, findTaskById } from "../../store/recall-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

/** A task its holder (or an operator) acts on, of a recall still open. */
export async function openTaskOfHolder(
  tx: Db,
  ctx: ServiceContext,
  taskId: string,
): Promise<{ task: RecallTask; recall: Recall }> {
  const task = await findTaskById(tx, taskId);
  const a = ctx.actor;
  const mine = task && (isOperator(a) || (a.kind === "enterprise" && a.partyId === task.partyId));
  // Another holder's task looks like no task: holders do not learn of each other.
  if (!task || !mine) throw new AppError("not-found", `no recall task with id ${taskId}`, { pointer: "/params/id" });
  const recall = (await findRecallById(tx, task.recallId)) as Recall;
  if (recall.status !== "open")
    throw new AppError("recall-closed", `recall ${recall.id} is closed`, { pointer: "/params/id" });
  return { task, recall };
}
