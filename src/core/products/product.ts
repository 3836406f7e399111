import type { Unit } from "../units.ts";

/** A product of a party (产品): what its lots are lots of. */
export interface ProductDraft {
  readonly name: string;
  readonly spec: string | null;
  readonly unit: Unit;
  readonly categoryCode: string;
  readonly shelfLifeDays: number | null;
  /** GTIN-14 when it has one: its lots are then /01/{GTIN}/10/{lot}; without, lots get platform trace numbers. */
  readonly gtin: string | null;
  readonly description: string | null;
}

export interface Product extends ProductDraft {
  readonly id: string;
  readonly partyId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
}
