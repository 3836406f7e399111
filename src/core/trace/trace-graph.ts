import type { HoldingStats, Trace } from "./trace-model.ts";

/** The trace as a graph for the web pages: nodes are holdings (and the off-platform ends), edges the hops. */
export interface TraceGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface GraphNode {
  readonly id: string;
  readonly kind: "holding" | "offplatform" | "consumers";
  readonly label: string;
  readonly lotId: string | null;
  readonly partyId: string | null;
  readonly depth: number;
  readonly origin: string | null;
  readonly stats: HoldingStats | null;
  readonly inCycle: boolean;
}

export interface GraphEdge {
  readonly id: string;
  readonly kind: "shipment" | "transformation";
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly received: number | null;
  readonly state: string | null;
  readonly at: number | null;
  readonly shipmentId: string | null;
}

export function traceGraph(t: Trace, key: (lotId: string, partyId: string) => string): TraceGraph {
  const lots = new Map(t.lots.map((l) => [l.id, l]));
  const parties = new Map(t.parties.map((p) => [p.id, p]));
  const inCycle = new Set(t.cycles.filter((c) => c.kind === "holdings").flatMap((c) => c.nodes));
  const lotInCycle = new Set(t.cycles.filter((c) => c.kind === "lots").flatMap((c) => c.nodes));
  const nodes: GraphNode[] = t.holdings.map((h) => ({
    id: h.key,
    kind: "holding",
    label: `${parties.get(h.partyId)?.name ?? h.partyId} · ${lots.get(h.lotId)?.lotCode ?? h.lotId}`,
    lotId: h.lotId,
    partyId: h.partyId,
    depth: h.depth,
    origin: h.origin,
    stats: h.stats,
    inCycle: inCycle.has(h.key) || lotInCycle.has(h.lotId),
  }));
  const known = new Set(nodes.map((n) => n.id));
  const depthOf = new Map(t.holdings.map((h) => [h.key, h.depth]));
  const edges: GraphEdge[] = [];
  for (const s of t.shipments) {
    const from = key(s.lotId, s.fromPartyId);
    let to: string;
    if (s.to.kind === "party") to = key(s.lotId, s.to.partyId);
    else {
      to = s.to.kind === "consumers" ? `consumers@${s.lotId}@${s.fromPartyId}` : `offplatform:${s.to.name}@${s.lotId}`;
      if (!known.has(to)) {
        known.add(to);
        nodes.push({
          id: to,
          kind: s.to.kind,
          label: s.to.kind === "consumers" ? "consumers" : s.to.name,
          lotId: s.lotId,
          partyId: null,
          depth: (depthOf.get(from) ?? 0) + 1,
          origin: null,
          stats: null,
          inCycle: false,
        });
      }
    }
    edges.push({
      id: `${s.shipmentId}#${s.lineNo}`,
      kind: "shipment",
      from,
      to,
      quantity: s.shipped,
      received: s.received,
      state: s.state,
      at: s.shippedAt,
      shipmentId: s.shipmentId,
    });
  }
  for (const x of t.transformations) {
    edges.push({
      id: `${x.inputLotId}>${x.outputLotId}`,
      kind: "transformation",
      from: key(x.inputLotId, x.partyId),
      to: key(x.outputLotId, x.partyId),
      quantity: x.quantity,
      received: null,
      state: null,
      at: lots.get(x.outputLotId)?.createdAt ?? null,
      shipmentId: null,
    });
  }
  return { nodes, edges };
}
