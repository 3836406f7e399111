import type { Lot } from "../../core/lots/lot.ts";
import { findCycles } from "../../core/trace/cycles.ts";
import { emptyStats, holdingStats } from "../../core/trace/holding-stats.ts";
import { reachableHolders } from "../../core/trace/reach.ts";
import {
  holdingKey,
  type ShipmentHop,
  type Trace,
  type TraceHolding,
  type TransformationHop,
  traceCycles,
} from "../../core/trace/trace-model.ts";
import { LevelWalk } from "../../core/trace/trace-walk.ts";
import type { Db } from "../../store/schema.ts";
import { holdingsOfLots, movementSumsOfLots, outputsOfLots, shipmentLinesOfLots } from "../../store/trace-store.ts";
import { loadDetails, loadLots, toTraceLot } from "./trace-details.ts";

/** Where a forward walk starts: a whole lot (from its maker), or a lot from one holder on. */
export interface ForwardRoot {
  readonly lotId: string;
  readonly fromPartyId: string | null;
}

export interface ForwardOptions {
  /**
   * An enterprise's view: only its own shipments and what it made; its buyers appear as the ends of its shipments
   * without their own books (what they did with the goods is their business, and their regulators').
   */
  readonly onlyShipper?: string;
  /** Parties and documents: off for a recall's scope, which needs quantities only. */
  readonly details?: boolean;
  readonly maxDepth?: number;
}

/**
 * Forward trace (追踪): level by level over lots — each lot's shipment lines (every downstream holder, with
 * quantities shipped, received, rejected and in transit), its movements summed per holder (sold, used, destroyed,
 * consumed …), its current holdings, and the lots made from it, which form the next level. Each relation is one
 * query per level, and a holder reached by two paths (a diamond) is one node with two incoming edges.
 */
export async function walkForward(db: Db, roots: readonly ForwardRoot[], opts: ForwardOptions = {}): Promise<Trace> {
  const walk = new LevelWalk<ForwardRoot>((r) => r.lotId, roots, opts.maxDepth);
  const lots = new Map<string, Lot>();
  const holdings = new Map<string, TraceHolding>();
  const shipments: ShipmentHop[] = [];
  const transformations: TransformationHop[] = [];
  /** Holding to holding, along lines that carried goods on: what cycles are looked for in. */
  const edges: { from: string; to: string }[] = [];
  /** The depth of a lot's first holder: 0 for a root, one more than the input's holder for a made lot. */
  const baseDepth = new Map(roots.map((r) => [r.lotId, 0]));

  for (let step = walk.current(); step; step = walk.current()) {
    const frontier = step.frontier;
    const lotIds = frontier.map((r) => r.lotId);
    await loadLots(db, lotIds, lots);
    const [lines, sums, held, outputs] = await Promise.all([
      shipmentLinesOfLots(db, lotIds),
      movementSumsOfLots(db, lotIds),
      holdingsOfLots(db, lotIds),
      outputsOfLots(db, lotIds),
    ]);
    const stats = holdingStats(
      holdingKey,
      sums,
      held,
      lines.filter((l) => l.state === "pending"),
    );
    const linesOf = groupBy(lines, (l) => l.lotId);
    const heldOf = groupBy(held, (h) => h.lotId);
    const outputsOf = groupBy(outputs, (o) => o.inputLotId);
    const next: ForwardRoot[] = [];

    for (const root of frontier) {
      const lot = lots.get(root.lotId);
      if (!lot) continue;
      const lotLines = (linesOf.get(root.lotId) ?? []).sort((a, b) => a.shippedAt - b.shippedAt || a.lineNo - b.lineNo);
      const from = opts.onlyShipper ?? root.fromPartyId ?? lot.partyId;
      const base = baseDepth.get(root.lotId) ?? 0;
      const distance = reachableHolders(lotLines, from);
      const within = (partyId: string) =>
        opts.onlyShipper ? partyId === opts.onlyShipper : root.fromPartyId === null || distance.has(partyId);
      const node = (partyId: string, depth: number, withStats: boolean): string => {
        const key = holdingKey(lot.id, partyId);
        if (holdings.has(key)) return key;
        holdings.set(key, {
          key,
          lotId: lot.id,
          partyId,
          depth,
          origin: lot.partyId === partyId ? lot.entry : null,
          stats: withStats ? (stats.get(key) ?? emptyStats) : null,
        });
        return key;
      };
      const depthOf = (partyId: string) => base + (distance.get(partyId) ?? 0);
      node(from, depthOf(from), true);
      for (const l of lotLines) {
        if (!within(l.fromPartyId)) continue;
        shipments.push(l);
        const fromKey = node(l.fromPartyId, depthOf(l.fromPartyId), true);
        if (l.to.kind !== "party") continue;
        const toKey = node(l.to.partyId, depthOf(l.fromPartyId) + 1, !opts.onlyShipper);
        if (l.state === "received" || l.state === "pending") edges.push({ from: fromKey, to: toKey });
      }
      if (!opts.onlyShipper && root.fromPartyId === null) {
        // Holders no shipment line explains (a first-station lot's papers, bad imported data) still count.
        for (const h of heldOf.get(lot.id) ?? []) node(h.partyId, depthOf(h.partyId), true);
      }
      for (const o of outputsOf.get(root.lotId) ?? []) {
        if (!within(o.partyId)) continue;
        transformations.push({
          inputLotId: o.inputLotId,
          outputLotId: o.outputLotId,
          partyId: o.partyId,
          quantity: o.quantityMilli,
        });
        const d = depthOf(o.partyId) + 1;
        if (!baseDepth.has(o.outputLotId) || (baseDepth.get(o.outputLotId) as number) > d)
          baseDepth.set(o.outputLotId, d);
        next.push({ lotId: o.outputLotId, fromPartyId: opts.onlyShipper ? o.partyId : null });
      }
    }
    walk.advance(next);
  }

  const nodes = [...holdings.values()];
  const details =
    opts.details === false
      ? { parties: [], documents: [] }
      : await loadDetails(db, {
          partyIds: nodes.map((h) => h.partyId),
          lotIds: lots.keys(),
          shipmentIds: shipments.map((s) => s.shipmentId),
          partyDocuments: false,
          shipmentsByLot: true,
        });
  return {
    direction: "forward",
    start: roots.map((r) => holdingKey(r.lotId, opts.onlyShipper ?? r.fromPartyId ?? lots.get(r.lotId)?.partyId ?? "")),
    lots: [...lots.values()].map(toTraceLot),
    parties: details.parties,
    holdings: nodes,
    shipments,
    transformations,
    documents: details.documents,
    cycles: traceCycles(edges, transformations, findCycles),
    depth: walk.depth,
    truncated: walk.truncated,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
