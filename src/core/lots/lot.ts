import type { Unit } from "../units.ts";

/** How a lot entered the platform: coded at source, made from other lots, or registered by its first holder. */
export type LotEntry = "coded" | "transformation" | "first_station";

/** A lot (批次) with its one trace code (一品一码). */
export interface Lot {
  readonly id: string;
  readonly productId: string;
  /** The party that coded it (or registered it at its first station). */
  readonly partyId: string;
  readonly lotCode: string;
  readonly gtin: string | null;
  readonly platformCode: string | null;
  /** The trace code's path on the resolver: "01/{gtin}/10/{lot}" or "t/{code}". Unique. */
  readonly traceKey: string;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly quantityMilli: number;
  readonly unit: Unit;
  readonly originRegion: string;
  readonly originPlace: string | null;
  readonly location: string | null;
  readonly entry: LotEntry;
  /** For a first-station entry: the supplier outside the platform and the papers (customs, quarantine …). */
  readonly entryDetails: Readonly<Record<string, unknown>> | null;
  readonly eventId: string;
  readonly createdAt: number;
  /** Set when the coding was revoked as a mistake (the record stays; see services/corrections). */
  readonly revokedAt: number | null;
}

/** The trace key of a GS1-keyed lot: the Digital Link path (GS1 Digital Link URI Syntax §4: /01/{gtin}/10/{lot}). */
export function gtinTraceKey(gtin: string, lotCode: string): string {
  return `01/${gtin}/10/${encodeURIComponent(lotCode)}`;
}

export function platformTraceKey(code: string): string {
  return `t/${code}`;
}

/** The trace code as printed in the QR: the resolver base + the trace key. */
export function traceCodeUrl(lot: Pick<Lot, "traceKey">, resolverBase: string): string {
  return `${resolverBase}/${lot.traceKey}`;
}
