import { actorRef } from "../../core/auth/actor.ts";
import { recallOpenedEvent } from "../../core/epcis/platform/recall-events.ts";
import { AppError } from "../../core/errors.ts";
import { isWithinRegion } from "../../core/ids/region-code.ts";
import type { Lot } from "../../core/lots/lot.ts";
import type { Party } from "../../core/parties/party.ts";
import {
  type Recall,
  type RecallCriteria,
  type RecallLevel,
  type RecallTask,
  recallLevels,
} from "../../core/recalls/recall.ts";
import { lotsOfProductProducedBetween } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import { findProductById } from "../../store/product-store.ts";
import { insertRecall, insertRecallLots, insertRecallTasks } from "../../store/recall-store.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storePlatformEvent } from "../events/platform-events.ts";
import { resolveTraceCode } from "../lots/resolve-trace-code.ts";
import type { ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";
import { walkRecallScope } from "./walk-recall-scope.ts";

export interface OpenRecallInput {
  readonly level: string;
  readonly reason: string;
  /** Trace codes of the lots recalled … */
  readonly lots?: readonly string[];
  /** … or every lot of a product produced in a date range (inclusive, YYYY-MM-DD). */
  readonly product?: { readonly productId: string; readonly producedFrom: string; readonly producedTo: string };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Opens a recall (召回), by the producer (主动召回, 食品召回管理办法 第十二条) or by a regulator of the producer's
 * region (责令召回, 第二十五条). In ONE transaction: the scope from the forward trace of the lots (every holder with
 * stock, every shipment in transit, every lot made from them, recursively), a task per holder and lot, the EPCIS
 * event (disposition recalled), a notice to each holder's inbox and webhooks, and the audit row. From commit on,
 * shipping, selling, using and receiving any lot in scope is refused.
 */
export async function openRecall(ctx: ServiceContext, input: OpenRecallInput): Promise<Recall> {
  checkRecallInput(ctx, input);
  return ctx.store.transaction((tx) => openRecallIn(tx, ctx, input));
}

function checkRecallInput(ctx: ServiceContext, input: OpenRecallInput): void {
  const a = ctx.actor;
  if (a.kind !== "enterprise" && a.kind !== "regulator")
    throw new AppError("forbidden", "a recall is opened by the producer or by a regulator");
  if (!recallLevels.includes(input.level as RecallLevel))
    throw new AppError("validation-failed", "level is I, II or III", { pointer: "/body/level" });
  const reason = input.reason.trim();
  if (!reason) throw new AppError("validation-failed", "say why the lots are recalled", { pointer: "/body/reason" });
  if ((input.lots === undefined) === (input.product === undefined))
    throw new AppError("validation-failed", "name the lots, or a product and a production-date range", {
      pointer: "/body/lots",
    });
  const p = input.product;
  if (p && (!isoDate.test(p.producedFrom) || !isoDate.test(p.producedTo) || p.producedFrom > p.producedTo))
    throw new AppError("validation-failed", "give the production dates as YYYY-MM-DD, from ≤ to", {
      pointer: "/body/product",
    });
}

/**
 * The recall inside the caller's transaction: for a use case that opens a recall as part of its own change (a
 * regulator confirming a failed sampling result's lot and ordering its recall in one step). Its audit row is the
 * recall's own; the caller writes its own as well.
 */
export async function openRecallIn(tx: Db, ctx: ServiceContext, input: OpenRecallInput): Promise<Recall> {
  checkRecallInput(ctx, input);
  const a = ctx.actor as Extract<ServiceContext["actor"], { kind: "enterprise" | "regulator" }>;
  const reason = input.reason.trim();
  const p = input.product;
  const named = await namedLots(tx, ctx, input);
  const producerId = (named[0] as Lot).partyId;
  if (named.some((l) => l.partyId !== producerId))
    throw new AppError("validation-failed", "one recall covers the lots of one producer: open one per producer", {
      pointer: "/body/lots",
    });
  const producer = (await findPartyById(tx, producerId)) as Party;
  if (a.kind === "enterprise" && a.partyId !== producerId)
    throw new AppError("forbidden", "an enterprise recalls only lots it made (a regulator may order any recall)");
  if (a.kind === "regulator" && !isWithinRegion(a.regionCode, producer.regionCode))
    throw new AppError("forbidden", "a regulator orders recalls of producers in its region");

  const { lots, scope } = await walkRecallScope(
    tx,
    named.map((l) => l.id),
  );
  const id = ctx.newId();
  const now = ctx.clock.now();
  const criteria: RecallCriteria = p
    ? { productId: p.productId, producedFrom: p.producedFrom, producedTo: p.producedTo }
    : { lots: named.map((l) => l.id) };
  const built = recallOpenedEvent({
    base: ctx.settings.publicBaseUrl,
    at: now,
    producer,
    recallId: id,
    level: input.level,
    reason,
    lots: lots.map((l) => ({ lot: { traceKey: l.traceKey, unit: l.unit }, quantityMilli: l.quantityMilli })),
  });
  const eventId = await storePlatformEvent(tx, ctx, producer, built);
  const initiator: Recall["initiator"] =
    a.kind === "enterprise"
      ? { kind: "producer", partyId: a.partyId }
      : { kind: "regulator", regionCode: a.regionCode };
  const recall: Recall = Object.freeze({
    id,
    initiator,
    producerPartyId: producerId,
    level: input.level as RecallLevel,
    reason,
    criteria,
    status: "open",
    openedAt: now,
    openedBy: actorRef(a),
    closedAt: null,
    closedBy: null,
    closeNote: null,
    eventId,
  });
  await insertRecall(tx, recall);
  await insertRecallLots(tx, id, scope.lotIds, new Set(named.map((l) => l.id)));
  const tasks: RecallTask[] = scope.tasks.map((t) => ({
    id: ctx.newId(),
    recallId: id,
    ...t,
    returnedMilli: 0,
    destroyedMilli: 0,
    acknowledgedAt: null,
    stopSaleAt: null,
    createdAt: now,
  }));
  await insertRecallTasks(tx, tasks);
  const byParty = new Map<string, RecallTask[]>();
  for (const t of tasks) byParty.set(t.partyId, [...(byParty.get(t.partyId) ?? []), t]);
  for (const [partyId, own] of byParty) {
    await notifyParty(tx, ctx, partyId, "recall.opened", {
      recallId: id,
      level: recall.level,
      reason,
      tasks: own.map((t) => ({
        taskId: t.id,
        lotId: t.lotId,
        held: t.heldMilli / 1000,
        inTransit: t.inTransitMilli / 1000,
      })),
    });
  }
  await recordAudit(
    tx,
    ctx,
    "recall.open",
    { type: "recall", id },
    { level: recall.level, producerPartyId: producerId, lots: scope.lotIds.length, tasks: tasks.length },
  );
  return recall;
}

/** The lots the request names: by trace code, or every lot of the product produced in the range. */
async function namedLots(tx: Db, ctx: ServiceContext, input: OpenRecallInput): Promise<Lot[]> {
  if (input.lots) {
    if (input.lots.length === 0)
      throw new AppError("validation-failed", "name at least one lot", { pointer: "/body/lots" });
    const out = new Map<string, Lot>();
    for (const [i, code] of input.lots.entries()) {
      const lot = await resolveTraceCode(tx, ctx, code, `/body/lots/${i}`);
      out.set(lot.id, lot);
    }
    return [...out.values()];
  }
  const p = input.product as NonNullable<OpenRecallInput["product"]>;
  const product = await findProductById(tx, p.productId);
  if (!product)
    throw new AppError("not-found", `no product with id ${p.productId}`, { pointer: "/body/product/productId" });
  const lots = await lotsOfProductProducedBetween(tx, product.id, p.producedFrom, p.producedTo, 10_000);
  if (lots.length === 0)
    throw new AppError("validation-failed", "no lot of this product was produced in that range", {
      pointer: "/body/product",
    });
  return lots;
}
