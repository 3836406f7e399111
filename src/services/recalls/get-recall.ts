import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { isWithinRegion, regionPrefix } from "../../core/ids/region-code.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { type Recall, type RecallProgress, type RecallTask, recallProgress } from "../../core/recalls/recall.ts";
import type { TraceLot } from "../../core/trace/trace-model.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findRecallById, listRecalls, lotIdsOfRecall, tasksOfRecall } from "../../store/recall-store.ts";
import type { ServiceContext } from "../service-context.ts";
import { loadLots, toTraceLot } from "../trace/trace-details.ts";

export interface RecallView {
  readonly recall: Recall;
  readonly lots: readonly (TraceLot & { readonly named: boolean })[];
  readonly tasks: readonly RecallTask[];
  readonly progress: RecallProgress;
}

/**
 * A recall with its scope, its tasks and its progress (recovered against distributed, per holder and in total).
 * The producer, regulators of its region and operators see every task; a holder sees the recall and its own tasks.
 */
export async function getRecall(ctx: ServiceContext, id: string): Promise<RecallView> {
  const db = ctx.store.db;
  const recall = await findRecallById(db, id);
  if (!recall) throw new AppError("not-found", `no recall with id ${id}`, { pointer: "/params/id" });
  const a = ctx.actor;
  let tasks = await tasksOfRecall(db, id);
  let full = isOperator(a) || (a.kind === "enterprise" && a.partyId === recall.producerPartyId);
  if (a.kind === "regulator") {
    const producer = await findPartyById(db, recall.producerPartyId);
    full = !!producer && isWithinRegion(a.regionCode, producer.regionCode);
  }
  if (!full) {
    const own = a.kind === "enterprise" ? tasks.filter((t) => t.partyId === a.partyId) : [];
    if (own.length === 0) throw new AppError("not-found", `no recall with id ${id}`, { pointer: "/params/id" });
    tasks = own;
  }
  const scope = await lotIdsOfRecall(db, id);
  const lots = new Map<string, Lot>();
  await loadLots(
    db,
    scope.map((s) => s.lotId),
    lots,
  );
  const named = new Set(scope.filter((s) => s.named).map((s) => s.lotId));
  return {
    recall,
    lots: [...lots.values()].map((l) => ({ ...toTraceLot(l), named: named.has(l.id) })),
    tasks,
    progress: recallProgress(tasks, (lotId) => lots.get(lotId)?.partyId),
  };
}

/** Recalls a caller may see: operators all, regulators those of producers in their region, enterprises their own. */
export async function listRecallsFor(ctx: ServiceContext): Promise<Recall[]> {
  const a = ctx.actor;
  if (isOperator(a)) return listRecalls(ctx.store.db, { limit: 500 });
  if (a.kind === "regulator")
    return listRecalls(ctx.store.db, { regionPrefix: regionPrefix(a.regionCode), limit: 500 });
  if (a.kind === "enterprise") return listRecalls(ctx.store.db, { producerPartyId: a.partyId, limit: 500 });
  throw new AppError("forbidden", "recalls are listed for enterprises and regulators");
}
