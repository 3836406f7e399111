import type { Trace } from "../trace/trace-model.ts";

/**
 * Recall levels of 食品召回管理办法 (2015) 第十三条, by the severity and urgency of the risk:
 * I (一级) — eating it has caused or may cause serious harm or death: start within 24 hours;
 * II (二级) — ordinary harm: within 48 hours; III (三级) — false labelling: within 72 hours.
 */
export const recallLevels = ["I", "II", "III"] as const;
export type RecallLevel = (typeof recallLevels)[number];

export type RecallStatus = "open" | "closed";

/** What the initiator asked for: named lots, or every lot of a product produced in a date range. */
export type RecallCriteria =
  | { readonly lots: readonly string[] }
  | { readonly productId: string; readonly producedFrom: string; readonly producedTo: string };

export interface Recall {
  readonly id: string;
  readonly initiator:
    | { readonly kind: "producer"; readonly partyId: string }
    | { readonly kind: "regulator"; readonly regionCode: string };
  /** The enterprise whose lots are recalled (the producer of the named lots). */
  readonly producerPartyId: string;
  readonly level: RecallLevel;
  readonly reason: string;
  readonly criteria: RecallCriteria;
  readonly status: RecallStatus;
  readonly openedAt: number;
  readonly openedBy: string;
  readonly closedAt: number | null;
  readonly closedBy: string | null;
  readonly closeNote: string | null;
  readonly eventId: string | null;
}

/** One holder's part of a recall, for one lot: what it held and had coming at scope time, and what it recovered. */
export interface RecallTask {
  readonly id: string;
  readonly recallId: string;
  readonly partyId: string;
  readonly lotId: string;
  readonly heldMilli: number;
  readonly inTransitMilli: number;
  readonly returnedMilli: number;
  readonly destroyedMilli: number;
  readonly acknowledgedAt: number | null;
  readonly stopSaleAt: number | null;
  readonly createdAt: number;
}

export interface RecallScope {
  /** Every lot of the forward trace: the named ones and, recursively, every lot made from them. */
  readonly lotIds: readonly string[];
  readonly tasks: readonly Pick<RecallTask, "partyId" | "lotId" | "heldMilli" | "inTransitMilli">[];
}

/**
 * The scope of a recall from the forward trace of its lots: every lot met, and a task for every holder with stock
 * and every buyer with goods of a scope lot in transit towards it (its receipt will be refused and sent back).
 */
export function recallScope(t: Trace): RecallScope {
  return {
    lotIds: t.lots.map((l) => l.id),
    tasks: scopeTasks(
      t.holdings.flatMap((h) => (h.stats ? [{ lotId: h.lotId, partyId: h.partyId, heldMilli: h.stats.held }] : [])),
      t.shipments.flatMap((s) =>
        s.state === "pending" && s.to.kind === "party"
          ? [{ lotId: s.lotId, partyId: s.to.partyId, inTransitMilli: s.shipped }]
          : [],
      ),
    ),
  };
}

/**
 * The tasks of a recall's scope from what its lots' holders hold and what is in transit towards them (what the
 * scope walk reads, without the rest of a forward trace): one per holder and lot, with stock or goods coming.
 */
export function scopeTasks(
  held: readonly { readonly lotId: string; readonly partyId: string; readonly heldMilli: number }[],
  inTransit: readonly { readonly lotId: string; readonly partyId: string; readonly inTransitMilli: number }[],
): RecallScope["tasks"] {
  const tasks = new Map<string, { partyId: string; lotId: string; heldMilli: number; inTransitMilli: number }>();
  const task = (lotId: string, partyId: string) => {
    const k = `${lotId}@${partyId}`;
    let x = tasks.get(k);
    if (!x) {
      x = { partyId, lotId, heldMilli: 0, inTransitMilli: 0 };
      tasks.set(k, x);
    }
    return x;
  };
  for (const h of held) if (h.heldMilli > 0) task(h.lotId, h.partyId).heldMilli += h.heldMilli;
  for (const p of inTransit) task(p.lotId, p.partyId).inTransitMilli += p.inTransitMilli;
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...tasks.values()].sort((a, b) => order(a.lotId, b.lotId) || order(a.partyId, b.partyId));
}

export interface RecallProgress {
  /** Quantity that had left the producer of each lot: held by others or on its way to them at scope time. */
  readonly distributedMilli: number;
  /** Returned to the producer or destroyed, by those holders. */
  readonly recoveredMilli: number;
  readonly holders: number;
  readonly acknowledged: number;
  readonly stoppedSale: number;
}

/**
 * Progress of a recall: recovered (returned + destroyed) against distributed, per holder and in total. The
 * producer's own stock of its lot is in its task (it too must stop selling) but not in the totals: goods it gets
 * back are counted once, as returned by the holder that sent them.
 */
export function recallProgress(
  tasks: readonly RecallTask[],
  producerOf: (lotId: string) => string | undefined,
): RecallProgress {
  let distributedMilli = 0;
  let recoveredMilli = 0;
  for (const t of tasks) {
    if (producerOf(t.lotId) === t.partyId) continue;
    distributedMilli += t.heldMilli + t.inTransitMilli;
    recoveredMilli += taskRecovered(t);
  }
  return {
    distributedMilli,
    recoveredMilli,
    holders: new Set(tasks.map((t) => t.partyId)).size,
    acknowledged: tasks.filter((t) => t.acknowledgedAt !== null).length,
    stoppedSale: tasks.filter((t) => t.stopSaleAt !== null).length,
  };
}

export function taskRecovered(t: Pick<RecallTask, "returnedMilli" | "destroyedMilli">): number {
  return t.returnedMilli + t.destroyedMilli;
}
