import { fromMilli } from "../../../core/quantity.ts";
import { traceGraph } from "../../../core/trace/trace-graph.ts";
import { type HoldingStats, holdingKey, type Trace } from "../../../core/trace/trace-model.ts";

const iso = (ms: number) => new Date(ms).toISOString();

function presentStats(s: HoldingStats | null) {
  if (!s) return null;
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fromMilli(v)])) as Record<keyof HoldingStats, number>;
}

/** A trace as JSON: quantities in their units, times as ISO 8601, parties in their public view only. */
export function presentTrace(t: Trace, base: string) {
  return {
    direction: t.direction,
    start: [...t.start],
    depth: t.depth,
    truncated: t.truncated,
    lots: t.lots.map((l) => ({
      id: l.id,
      lotCode: l.lotCode,
      traceCode: `${base}/${l.traceKey}`,
      productId: l.productId,
      producerPartyId: l.producerPartyId,
      productionDate: l.productionDate,
      expiryDate: l.expiryDate,
      quantity: fromMilli(l.quantity),
      unit: l.unit,
      originRegion: l.originRegion,
      originPlace: l.originPlace,
      entry: l.entry,
      entryDetails: l.entryDetails as Record<string, unknown> | null,
      codedAt: iso(l.createdAt),
      revoked: l.revoked,
    })),
    parties: t.parties.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      regionCode: p.regionCode,
      creditCode: p.creditCode,
    })),
    holdings: t.holdings.map((h) => ({
      key: h.key,
      lotId: h.lotId,
      partyId: h.partyId,
      depth: h.depth,
      origin: h.origin,
      stats: presentStats(h.stats),
    })),
    shipments: t.shipments.map((s) => ({
      shipmentId: s.shipmentId,
      voucherCode: s.voucherCode,
      lineNo: s.lineNo,
      lotId: s.lotId,
      fromPartyId: s.fromPartyId,
      to: { ...s.to },
      shippedAt: iso(s.shippedAt),
      settledAt: s.settledAt === null ? null : iso(s.settledAt),
      state: s.state,
      shipped: fromMilli(s.shipped),
      received: s.received === null ? null : fromMilli(s.received),
      shortage: s.state === "received" && s.received !== null ? fromMilli(s.shipped - s.received) : null,
      reason: s.reason,
    })),
    transformations: t.transformations.map((x) => ({ ...x, quantity: fromMilli(x.quantity) })),
    documents: t.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      issuedOn: d.issuedOn,
      issuer: d.issuer,
      public: d.public,
      target: { ...d.target },
    })),
    cycles: t.cycles.map((c) => ({ kind: c.kind, nodes: [...c.nodes] })),
  };
}

/** The same trace as a graph for drawing: holdings as nodes, shipments and transformations as edges. */
export function presentGraph(t: Trace) {
  const g = traceGraph(t, holdingKey);
  return {
    direction: t.direction,
    cycles: t.cycles.map((c) => ({ kind: c.kind, nodes: [...c.nodes] })),
    truncated: t.truncated,
    nodes: g.nodes.map((n) => ({ ...n, stats: presentStats(n.stats) })),
    edges: g.edges.map((e) => ({
      ...e,
      quantity: fromMilli(e.quantity),
      received: e.received === null ? null : fromMilli(e.received),
      at: e.at === null ? null : iso(e.at),
    })),
  };
}
