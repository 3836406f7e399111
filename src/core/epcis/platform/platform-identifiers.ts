import { fromMilli } from "../../quantity.ts";
import type { Unit } from "../../units.ts";

/**
 * How platform things are named in EPCIS events. We use GS1 Digital Link URIs on the platform's resolver rather
 * than EPC URNs: EPCIS 2.0 §8.2.3 allows Digital Link URIs wherever an EPC is expected, they resolve to our
 * public pages, and — unlike urn:epc:class:lgtin / urn:epc:id:pgln — they need no guess of the GS1 company
 * prefix length, which a GTIN or GLN does not reveal. The event hash ID canonicalises both forms alike
 * (CBV 2.0 §8.9.2), so a partner sending URNs for the same lot still matches.
 */
export interface PartyRef {
  readonly gln: string | null;
  readonly partyCode: string | null;
}

export interface LotRef {
  /** "01/{gtin}/10/{lot}" or "t/{code}". */
  readonly traceKey: string;
  readonly unit: Unit;
}

export function partyUri(party: PartyRef, base: string): string {
  return party.gln ? `${base}/414/${party.gln}` : `${base}/p/${party.partyCode}`;
}

export function lotClassUri(lot: Pick<LotRef, "traceKey">, base: string): string {
  return `${base}/${lot.traceKey}`;
}

/** A buyer outside the platform: by its credit code when known (stable), else by name. */
export function offPlatformUri(buyer: { name: string; creditCode: string | null }, base: string): string {
  return buyer.creditCode
    ? `${base}/uscc/${buyer.creditCode}`
    : `${base}/offplatform/${encodeURIComponent(buyer.name)}`;
}

/** UN/ECE Recommendation 20 codes for measures (EPCIS 2.0 §7.3.3.3 `uom`); pack counts carry no uom. */
const uomOf: Partial<Record<Unit, string>> = { kg: "KGM", g: "GRM", t: "TNE", L: "LTR", mL: "MLT" };

/**
 * A quantity element. EPCIS 2.0 §7.3.3.3: without `uom` the quantity counts instances of the class, which is
 * what a number of boxes or pieces is.
 */
export function quantityElement(lot: LotRef, quantityMilli: number, base: string) {
  const uom = uomOf[lot.unit];
  return { epcClass: lotClassUri(lot, base), quantity: fromMilli(quantityMilli), ...(uom ? { uom } : {}) };
}
