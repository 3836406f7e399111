import type { HoldingStats } from "./trace-model.ts";

/** The sum of a holding's movements of one kind (store: one grouped query per frontier). */
export interface MovementSum {
  readonly lotId: string;
  readonly partyId: string;
  readonly kind: string;
  readonly deltaMilli: number;
}

type Counter = Exclude<keyof HoldingStats, "inTransit" | "held">;

/**
 * Which counter each movement kind feeds (movement kinds: services/holdings, shipments, lots, corrections).
 * A revoked shipment or coding puts stock back, so it reduces what was shipped or produced.
 */
const counterOf: Readonly<Record<string, Counter>> = {
  coded: "produced",
  "coding-revoked": "produced",
  received: "received",
  shipped: "shipped",
  "shipment-revoked": "shipped",
  returned: "returned",
  retail_sale: "sold",
  kitchen_use: "used",
  consumed: "consumed",
  "input-returned": "consumed",
  destruction: "destroyed",
  loss: "lost",
};

const zero: HoldingStats = Object.freeze({
  produced: 0,
  received: 0,
  shipped: 0,
  inTransit: 0,
  returned: 0,
  sold: 0,
  used: 0,
  consumed: 0,
  destroyed: 0,
  lost: 0,
  held: 0,
});

/**
 * Aggregates, per holding (key), the quantities produced, received, shipped, in transit, returned, sold, used,
 * consumed, destroyed, lost and still held. Outflows are reported as positive quantities.
 */
export function holdingStats(
  key: (lotId: string, partyId: string) => string,
  sums: readonly MovementSum[],
  held: readonly { readonly lotId: string; readonly partyId: string; readonly quantityMilli: number }[],
  pendingOut: readonly { readonly lotId: string; readonly fromPartyId: string; readonly shipped: number }[],
): Map<string, HoldingStats> {
  const out = new Map<string, { -readonly [K in keyof HoldingStats]: number }>();
  const at = (lotId: string, partyId: string) => {
    const k = key(lotId, partyId);
    let s = out.get(k);
    if (!s) {
      s = { ...zero };
      out.set(k, s);
    }
    return s;
  };
  for (const m of sums) {
    const c = counterOf[m.kind];
    if (!c) continue;
    const s = at(m.lotId, m.partyId);
    // Inflows (produced, received, returned) count as they are; outflows are negative deltas, reported positive.
    s[c] += c === "produced" || c === "received" || c === "returned" ? m.deltaMilli : -m.deltaMilli;
  }
  for (const h of held) at(h.lotId, h.partyId).held += h.quantityMilli;
  for (const p of pendingOut) at(p.lotId, p.fromPartyId).inTransit += p.shipped;
  return out as Map<string, HoldingStats>;
}

export const emptyStats = zero;
