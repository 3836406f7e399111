import { fromMilli } from "../../../core/quantity.ts";
import { type Recall, type RecallTask, taskRecovered } from "../../../core/recalls/recall.ts";
import type { RecallView } from "../../../services/recalls/get-recall.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentRecall(r: Recall) {
  return {
    id: r.id,
    status: r.status,
    level: r.level,
    reason: r.reason,
    initiator: { ...r.initiator },
    producerPartyId: r.producerPartyId,
    criteria: { ...r.criteria } as Record<string, unknown>,
    openedAt: iso(r.openedAt) as string,
    closedAt: iso(r.closedAt),
    closeNote: r.closeNote,
    eventId: r.eventId,
  };
}

export function presentTask(t: RecallTask) {
  return {
    id: t.id,
    recallId: t.recallId,
    partyId: t.partyId,
    lotId: t.lotId,
    held: fromMilli(t.heldMilli),
    inTransit: fromMilli(t.inTransitMilli),
    returned: fromMilli(t.returnedMilli),
    destroyed: fromMilli(t.destroyedMilli),
    recovered: fromMilli(taskRecovered(t)),
    acknowledgedAt: iso(t.acknowledgedAt),
    stopSaleAt: iso(t.stopSaleAt),
  };
}

export function presentRecallView(v: RecallView, base: string) {
  return {
    ...presentRecall(v.recall),
    lots: v.lots.map((l) => ({
      id: l.id,
      lotCode: l.lotCode,
      traceCode: `${base}/${l.traceKey}`,
      producerPartyId: l.producerPartyId,
      named: l.named,
    })),
    tasks: v.tasks.map(presentTask),
    progress: {
      distributed: fromMilli(v.progress.distributedMilli),
      recovered: fromMilli(v.progress.recoveredMilli),
      holders: v.progress.holders,
      acknowledged: v.progress.acknowledged,
      stoppedSale: v.progress.stoppedSale,
    },
  };
}
