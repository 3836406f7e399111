import type { LotEntry } from "../lots/lot.ts";
import type { Unit } from "../units.ts";

/**
 * The answer of a trace (溯源 backward, 追踪 forward): the lots met, the parties holding them, each holding of a lot
 * by a party (a node), the shipments and transformations between holdings (the edges), the documents at each
 * hop, and the cycles found in the data. Quantities are integer thousandths (see quantity.ts).
 */
export type TraceDirection = "backward" | "forward";

/** A node: one party's holding of one lot. */
export interface TraceHolding {
  readonly key: string;
  readonly lotId: string;
  readonly partyId: string;
  /** Hops from the start (0 at the start, +1 per shipment or transformation walked). */
  readonly depth: number;
  /** Where the lot came into being: coded here, made here from inputs, or registered here at its first station. */
  readonly origin: LotEntry | null;
  /** What happened to the lot at this holder; null where the caller may not see the holder's own books. */
  readonly stats: HoldingStats | null;
}

export interface HoldingStats {
  readonly produced: number;
  readonly received: number;
  readonly shipped: number;
  /** Shipped by this holder and not yet received or rejected by the buyer. */
  readonly inTransit: number;
  /** Goods rejected by buyers that came back here. */
  readonly returned: number;
  readonly sold: number;
  readonly used: number;
  readonly consumed: number;
  readonly destroyed: number;
  readonly lost: number;
  readonly held: number;
}

export type HopReceiver =
  | { readonly kind: "party"; readonly partyId: string }
  | { readonly kind: "offplatform"; readonly name: string }
  | { readonly kind: "consumers" };

/** An edge: one line of a shipment (one lot on one trace voucher). */
export interface ShipmentHop {
  readonly shipmentId: string;
  readonly voucherCode: string;
  readonly lineNo: number;
  readonly lotId: string;
  readonly fromPartyId: string;
  readonly to: HopReceiver;
  readonly shippedAt: number;
  readonly settledAt: number | null;
  /** pending (in transit), received (maybe short), rejected (returned to the shipper), revoked. */
  readonly state: string;
  readonly shipped: number;
  readonly received: number | null;
  readonly reason: string | null;
}

/** An edge: an input lot consumed by a party to make an output lot (加工). */
export interface TransformationHop {
  readonly inputLotId: string;
  readonly outputLotId: string;
  readonly partyId: string;
  readonly quantity: number;
}

export interface TraceLot {
  readonly id: string;
  readonly productId: string;
  readonly producerPartyId: string;
  readonly lotCode: string;
  readonly traceKey: string;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly quantity: number;
  readonly unit: Unit;
  readonly originRegion: string;
  readonly originPlace: string | null;
  readonly entry: LotEntry;
  readonly entryDetails: Readonly<Record<string, unknown>> | null;
  readonly createdAt: number;
  readonly revoked: boolean;
}

export interface TraceParty {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly regionCode: string;
  readonly creditCode: string | null;
}

export interface TraceDocumentRef {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly issuedOn: string | null;
  readonly issuer: string | null;
  readonly public: boolean;
  /** The party that attached it. */
  readonly ownerPartyId: string;
  readonly target: { readonly type: "lot" | "party" | "shipment"; readonly id: string };
}

/**
 * A cycle: holding keys in order ("holdings": goods went round between parties), or lot ids in order ("lots": a
 * lot made, directly or through other lots, from itself — impossible in real life, so bad imported data).
 */
export interface TraceCycle {
  readonly kind: "holdings" | "lots";
  readonly nodes: readonly string[];
}

export interface Trace {
  readonly direction: TraceDirection;
  /** The holdings the walk started from. */
  readonly start: readonly string[];
  readonly lots: readonly TraceLot[];
  readonly parties: readonly TraceParty[];
  readonly holdings: readonly TraceHolding[];
  readonly shipments: readonly ShipmentHop[];
  readonly transformations: readonly TransformationHop[];
  readonly documents: readonly TraceDocumentRef[];
  /** Cycles in the data, where the walk stopped: goods going round between holders, or lots made from themselves. */
  readonly cycles: readonly TraceCycle[];
  /** The deepest level reached; `truncated` when the walk stopped at its depth limit rather than at the ends. */
  readonly depth: number;
  readonly truncated: boolean;
}

/** The cycles of a walk's edges: between holdings, and between lots through transformations. */
export function traceCycles(
  holdingEdges: readonly { readonly from: string; readonly to: string }[],
  transformations: readonly TransformationHop[],
  find: (edges: readonly { from: string; to: string }[]) => string[][],
): TraceCycle[] {
  return [
    ...find(holdingEdges).map((nodes) => ({ kind: "holdings" as const, nodes })),
    ...find(transformations.map((x) => ({ from: x.inputLotId, to: x.outputLotId }))).map((nodes) => ({
      kind: "lots" as const,
      nodes,
    })),
  ];
}

/** A node's key: the lot and the party holding it. */
export function holdingKey(lotId: string, partyId: string): string {
  return `${lotId}@${partyId}`;
}
