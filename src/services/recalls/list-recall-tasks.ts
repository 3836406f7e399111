import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Recall, RecallTask } from "../../core/recalls/recall.ts";
import { tasksOfParty } from "../../store/recall-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** A holder's recall inbox: its tasks of open recalls (or of all recalls), newest first. */
export async function listRecallTasks(
  ctx: ServiceContext,
  q: { partyId?: string; all?: boolean },
): Promise<{ task: RecallTask; recall: Recall }[]> {
  const a = ctx.actor;
  const partyId = a.kind === "enterprise" ? a.partyId : isOperator(a) ? q.partyId : undefined;
  if (!partyId)
    throw new AppError("forbidden", "recall tasks belong to an enterprise (operators name the party)", {
      pointer: "/query/partyId",
    });
  return tasksOfParty(ctx.store.db, partyId, !q.all, 1000);
}
