import type { Lot } from "../../core/lots/lot.ts";
import { findCycles } from "../../core/trace/cycles.ts";
import {
  holdingKey,
  type ShipmentHop,
  type Trace,
  type TraceHolding,
  type TransformationHop,
  traceCycles,
} from "../../core/trace/trace-model.ts";
import { type HoldingRef, holdingRefKey, LevelWalk } from "../../core/trace/trace-walk.ts";
import type { Db } from "../../store/schema.ts";
import { inputsAtMakers, receiptsOf } from "../../store/trace-store.ts";
import { loadDetails, loadLots, toTraceLot } from "./trace-details.ts";

export interface BackwardOptions {
  /** Hops already known at the start (a scanned voucher's own lines), shown with the walk. */
  readonly seedHops?: readonly ShipmentHop[];
  readonly maxDepth?: number;
}

/**
 * Backward trace (溯源) from holdings: level by level, from whom each holder received the lot (its receipts), up
 * to the party that made it; where that lot was made from inputs, on to each input at its maker and up again —
 * until every branch ends at a farm, a producer or a first-station entry. One query per relation per level.
 */
export async function walkBackward(db: Db, starts: readonly HoldingRef[], opts: BackwardOptions = {}): Promise<Trace> {
  const walk = new LevelWalk<HoldingRef>(holdingRefKey, starts, opts.maxDepth);
  const lots = new Map<string, Lot>();
  const hops = new Map<string, ShipmentHop>();
  for (const h of opts.seedHops ?? []) hops.set(`${h.shipmentId}#${h.lineNo}`, h);
  const transformations: TransformationHop[] = [];
  const nodes: HoldingRef[] = [];
  /** Which party made each lot, learnt from the receipts (a lot's maker never ships it to itself). */
  const makerOf = new Map<string, string>();

  for (let step = walk.current(); step; step = walk.current()) {
    const frontier = step.frontier;
    nodes.push(...frontier);
    // At most two queries a level: who shipped it to these holders, and what it was made of where it was made
    // (asked only for holdings at their lot's maker, or whose maker is not known yet).
    const atMaker = frontier.filter((h) => (makerOf.get(h.lotId) ?? h.partyId) === h.partyId);
    const [receipts, inputs] = await Promise.all([receiptsOf(db, frontier), inputsAtMakers(db, atMaker)]);
    const found: HoldingRef[] = [];
    for (const { lotMakerId, ...r } of receipts) {
      makerOf.set(r.lotId, lotMakerId);
      hops.set(`${r.shipmentId}#${r.lineNo}`, r);
      found.push({ lotId: r.lotId, partyId: r.fromPartyId });
    }
    for (const i of inputs) {
      transformations.push({
        inputLotId: i.inputLotId,
        outputLotId: i.outputLotId,
        partyId: i.partyId,
        quantity: i.quantityMilli,
      });
      found.push({ lotId: i.inputLotId, partyId: i.partyId });
    }
    walk.advance(found);
  }
  // Every lot met, read once at the end.
  await loadLots(db, [...nodes.map((h) => h.lotId), ...[...hops.values()].map((h) => h.lotId)], lots);

  const holdings: TraceHolding[] = nodes.map((h) => {
    const lot = lots.get(h.lotId);
    return {
      key: holdingKey(h.lotId, h.partyId),
      lotId: h.lotId,
      partyId: h.partyId,
      depth: walk.depthOf(holdingRefKey(h)) ?? 0,
      origin: lot && lot.partyId === h.partyId ? lot.entry : null,
      stats: null,
    };
  });
  const edges = [
    ...[...hops.values()]
      .filter((h) => h.to.kind === "party")
      .map((h) => ({
        from: holdingKey(h.lotId, h.fromPartyId),
        to: holdingKey(h.lotId, (h.to as { partyId: string }).partyId),
      })),
  ];
  // A seed hop's receiver is a node too (the holder who scanned the voucher), one level below the shipper.
  for (const h of opts.seedHops ?? []) {
    if (h.to.kind !== "party") continue;
    const key = holdingKey(h.lotId, h.to.partyId);
    if (!holdings.some((n) => n.key === key))
      holdings.push({ key, lotId: h.lotId, partyId: h.to.partyId, depth: 0, origin: null, stats: null });
  }
  const shipments = [...hops.values()].sort((a, b) => a.shippedAt - b.shippedAt || a.lineNo - b.lineNo);
  const details = await loadDetails(db, {
    partyIds: [
      ...holdings.map((h) => h.partyId),
      ...shipments.flatMap((s) => [s.fromPartyId, ...(s.to.kind === "party" ? [s.to.partyId] : [])]),
    ],
    lotIds: lots.keys(),
    shipmentIds: shipments.map((s) => s.shipmentId),
    partyDocuments: true,
  });
  return {
    direction: "backward",
    start: starts.map(holdingRefKey),
    lots: [...lots.values()].map(toTraceLot),
    parties: details.parties,
    holdings,
    shipments,
    transformations,
    documents: details.documents,
    cycles: traceCycles(edges, transformations, findCycles),
    depth: walk.depth,
    truncated: walk.truncated,
  };
}
