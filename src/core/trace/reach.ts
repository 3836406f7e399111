import type { ShipmentHop } from "./trace-model.ts";

/**
 * Within one lot's shipments, the parties goods reached from a starting holder (forward) with their distance in
 * hops, following only lines that carried goods on (received or still in transit) — rejected and revoked lines
 * went nowhere. A holder reached by two paths (a diamond) gets its shortest distance.
 */
export function reachableHolders(
  lines: readonly Pick<ShipmentHop, "fromPartyId" | "to" | "state">[],
  startPartyId: string,
): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const l of lines) {
    if (l.to.kind !== "party" || (l.state !== "received" && l.state !== "pending")) continue;
    const list = out.get(l.fromPartyId);
    if (list) list.push(l.to.partyId);
    else out.set(l.fromPartyId, [l.to.partyId]);
  }
  const distance = new Map([[startPartyId, 0]]);
  const queue = [startPartyId];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i] as string;
    const d = distance.get(p) as number;
    for (const q of out.get(p) ?? []) {
      if (distance.has(q)) continue;
      distance.set(q, d + 1);
      queue.push(q);
    }
  }
  return distance;
}
