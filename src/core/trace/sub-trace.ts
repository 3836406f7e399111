import { holdingKey, type ShipmentHop, type Trace, type TransformationHop } from "./trace-model.ts";

/**
 * The part of a backward trace reached from some of its starts: what one lot's own walk would have returned, cut
 * from a walk made for many lots at once (the public records are built in batches, one walk per batch). Follows
 * the same edges backward as the walk — a receipt leads from its receiver to its shipper, a transformation from
 * its output to its inputs at the same party — and keeps the lots, parties, hops and papers met on the way, in the
 * walk's own order. The trace is indexed once; each cut costs what it returns.
 */
export function subTraces(t: Trace): (starts: readonly { lotId: string; partyId: string }[]) => Trace {
  const receiptsInto = groupBy(t.shipments, (s) => (s.to.kind === "party" ? holdingKey(s.lotId, s.to.partyId) : null));
  const inputsOf = groupBy(t.transformations, (x) => holdingKey(x.outputLotId, x.partyId));
  const holdingAt = positions(t.holdings, (h) => h.key);
  const lotAt = positions(t.lots, (l) => l.id);
  const partyAt = positions(t.parties, (p) => p.id);
  const hopAt = positions(t.shipments, (s) => `${s.shipmentId}#${s.lineNo}`);
  const documentsOf = groupBy(
    t.documents.map((d, i) => ({ d, i })),
    ({ d }) => `${d.target.type}:${d.target.id}`,
  );
  const transformationAt = new Map(t.transformations.map((x, i) => [x, i]));
  const pick = <T>(all: readonly T[], at: ReadonlyMap<string, number>, keys: Iterable<string>): T[] => {
    const found = new Set<number>();
    for (const k of keys) {
      const i = at.get(k);
      if (i !== undefined) found.add(i);
    }
    return inOrder(all, found);
  };

  return (starts) => {
    const reached = new Set<string>();
    const hops: ShipmentHop[] = [];
    const transformations: TransformationHop[] = [];
    const queue = starts.map((s) => holdingKey(s.lotId, s.partyId));
    while (queue.length > 0) {
      const key = queue.pop() as string;
      if (reached.has(key)) continue;
      reached.add(key);
      for (const s of receiptsInto.get(key) ?? []) {
        hops.push(s);
        queue.push(holdingKey(s.lotId, s.fromPartyId));
      }
      for (const x of inputsOf.get(key) ?? []) {
        transformations.push(x);
        queue.push(holdingKey(x.inputLotId, x.partyId));
      }
    }
    const holdings = pick(t.holdings, holdingAt, reached);
    const lotIds = new Set([...holdings.map((h) => h.lotId), ...hops.map((h) => h.lotId)]);
    const partyIds = new Set([
      ...holdings.map((h) => h.partyId),
      ...hops.flatMap((h) => [h.fromPartyId, ...(h.to.kind === "party" ? [h.to.partyId] : [])]),
    ]);
    const targets = [
      ...[...lotIds].map((id) => `lot:${id}`),
      ...[...partyIds].map((id) => `party:${id}`),
      ...[...new Set(hops.map((h) => h.shipmentId))].map((id) => `shipment:${id}`),
    ];
    return {
      ...t,
      start: starts.map((s) => holdingKey(s.lotId, s.partyId)),
      lots: pick(t.lots, lotAt, lotIds),
      parties: pick(t.parties, partyAt, partyIds),
      holdings,
      shipments: pick(
        t.shipments,
        hopAt,
        hops.map((h) => `${h.shipmentId}#${h.lineNo}`),
      ),
      transformations: inOrder(
        t.transformations,
        new Set(transformations.map((x) => transformationAt.get(x) as number)),
      ),
      documents: inOrder(t.documents, new Set(targets.flatMap((k) => (documentsOf.get(k) ?? []).map(({ i }) => i)))),
      cycles: t.cycles.filter((c) => c.nodes.some((n) => reached.has(n) || lotIds.has(n))),
    };
  };
}

function inOrder<T>(all: readonly T[], indices: ReadonlySet<number>): T[] {
  return [...indices].sort((a, b) => a - b).map((i) => all[i] as T);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function positions<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  return new Map(items.map((item, i) => [key(item), i]));
}
