import { type BuiltEvent, epcisTime, finishEvent } from "./finish-event.ts";
import { type LotRef, offPlatformUri, type PartyRef, partyUri, quantityElement } from "./platform-identifiers.ts";

/**
 * The EPCIS 2.0 events of the platform's actions (glossary in DESIGN.md). Each is an ObjectEvent or
 * TransformationEvent with CBV 2.0 vocabulary (bare CBV terms, expanded by the standard context).
 */
interface Common {
  readonly base: string;
  readonly at: number;
  readonly recordedBy: PartyRef;
}
type Line = { readonly lot: LotRef; readonly quantityMilli: number };

const head = (type: string, c: Common) => ({
  type,
  eventTime: epcisTime(c.at),
  eventTimeZoneOffset: "+08:00",
});

export interface LotData extends LotRef {
  readonly lotCode: string;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly originRegion: string;
  readonly originPlace: string | null;
  readonly quantityMilli: number;
}

/** Instance/lot master data (EPCIS 2.0 §7.3.6 ILMD): lot number and expiry per CBV; the rest in our namespace. */
function ilmd(lot: LotData) {
  return {
    "cbvmda:lotNumber": lot.lotCode,
    ...(lot.expiryDate ? { "cbvmda:itemExpirationDate": lot.expiryDate } : {}),
    "sy:productionDate": lot.productionDate,
    "sy:originRegion": lot.originRegion,
    ...(lot.originPlace ? { "sy:originPlace": lot.originPlace } : {}),
  };
}

/** Coding (赋码): the lot comes into being — ObjectEvent ADD, commissioning, active (CBV 2.0 §7.1, §7.2). */
export function commissioningEvent(c: Common & { lot: LotData }): BuiltEvent {
  return finishEvent({
    ...head("ObjectEvent", c),
    epcList: [],
    quantityList: [quantityElement(c.lot, c.lot.quantityMilli, c.base)],
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    readPoint: { id: partyUri(c.recordedBy, c.base) },
    ilmd: ilmd(c.lot),
  });
}

/** Processing (加工): inputs consumed, output lot made — TransformationEvent, bizStep commissioning (EPCIS 2.0 §7.4.6). */
export function transformationEvent(c: Common & { lot: LotData; inputs: readonly Line[] }): BuiltEvent {
  return finishEvent({
    ...head("TransformationEvent", c),
    inputQuantityList: c.inputs.map((i) => quantityElement(i.lot, i.quantityMilli, c.base)),
    outputQuantityList: [quantityElement(c.lot, c.lot.quantityMilli, c.base)],
    bizStep: "commissioning",
    disposition: "active",
    readPoint: { id: partyUri(c.recordedBy, c.base) },
    ilmd: ilmd(c.lot),
  });
}

export type Destination =
  | { readonly party: PartyRef }
  | { readonly offPlatform: { name: string; creditCode: string | null } }
  | { readonly consumers: true };

/**
 * Shipping (出库): OBSERVE, shipping, in_transit; the trace voucher is the despatch advice (bizTransaction type
 * desadv, CBV 2.0 §7.3); owning and possessing party pass from source to destination (CBV 2.0 §7.4).
 * Handing goods to consumers is a sale: retail_selling, retail_sold.
 */
export function shippingEvent(c: Common & { voucherUrl: string; to: Destination; lines: readonly Line[] }): BuiltEvent {
  const from = partyUri(c.recordedBy, c.base);
  const quantityList = c.lines.map((l) => quantityElement(l.lot, l.quantityMilli, c.base));
  if ("consumers" in c.to) {
    return finishEvent({
      ...head("ObjectEvent", c),
      epcList: [],
      quantityList,
      action: "OBSERVE",
      bizStep: "retail_selling",
      disposition: "retail_sold",
      readPoint: { id: from },
    });
  }
  const to = "party" in c.to ? partyUri(c.to.party, c.base) : offPlatformUri(c.to.offPlatform, c.base);
  return finishEvent({
    ...head("ObjectEvent", c),
    epcList: [],
    quantityList,
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "in_transit",
    readPoint: { id: from },
    bizTransactionList: [{ type: "desadv", bizTransaction: c.voucherUrl }],
    sourceList: [
      { type: "owning_party", source: from },
      { type: "possessing_party", source: from },
    ],
    destinationList: [
      { type: "owning_party", destination: to },
      { type: "possessing_party", destination: to },
    ],
  });
}

/** Scan-to-receive (入库确认): OBSERVE, receiving, in_progress, at the buyer, naming the same voucher. */
export function receivingEvent(
  c: Common & { voucherUrl: string; shipper: PartyRef; lines: readonly Line[] },
): BuiltEvent {
  const at = partyUri(c.recordedBy, c.base);
  return finishEvent({
    ...head("ObjectEvent", c),
    epcList: [],
    quantityList: c.lines.map((l) => quantityElement(l.lot, l.quantityMilli, c.base)),
    action: "OBSERVE",
    bizStep: "receiving",
    disposition: "in_progress",
    readPoint: { id: at },
    bizLocation: { id: at },
    bizTransactionList: [{ type: "desadv", bizTransaction: c.voucherUrl }],
    sourceList: [{ type: "owning_party", source: partyUri(c.shipper, c.base) }],
    destinationList: [{ type: "owning_party", destination: at }],
  });
}

/**
 * Rejection (拒收): the buyer refuses the goods and they go back to the shipper — OBSERVE, bizStep shipping from
 * the buyer back to the shipper with disposition returned ("sent back to the shipper", CBV 2.0 §7.2), naming the
 * same voucher; the reason travels in our namespace.
 */
export function rejectionEvent(
  c: Common & { voucherUrl: string; shipper: PartyRef; reason: string; lines: readonly Line[] },
): BuiltEvent {
  const buyer = partyUri(c.recordedBy, c.base);
  const seller = partyUri(c.shipper, c.base);
  return finishEvent({
    ...head("ObjectEvent", c),
    epcList: [],
    quantityList: c.lines.map((l) => quantityElement(l.lot, l.quantityMilli, c.base)),
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "returned",
    readPoint: { id: buyer },
    bizTransactionList: [{ type: "desadv", bizTransaction: c.voucherUrl }],
    sourceList: [{ type: "possessing_party", source: buyer }],
    destinationList: [{ type: "owning_party", destination: seller }],
    "sy:rejectionReason": c.reason,
  });
}

/**
 * The end of a lot's chain at a holder (CBV 2.0 §7.1/§7.2): a retail sale is retail_selling/retail_sold; kitchen
 * use serves the food out in portions — dispensing/dispensed (decommissioning is about identifiers, not food); a
 * loss is found by counting and its cause is rarely known — stock_taking/unknown; a destruction ends the objects'
 * existence — action DELETE, destroying/destroyed.
 */
export function endOfChainEvent(
  c: Common & { kind: "retail_sale" | "kitchen_use" | "loss" | "destruction"; line: Line; reason: string | null },
): BuiltEvent {
  const steps = {
    retail_sale: ["retail_selling", "retail_sold"],
    kitchen_use: ["dispensing", "dispensed"],
    loss: ["stock_taking", "unknown"],
    destruction: ["destroying", "destroyed"],
  } as const;
  const [bizStep, disposition] = steps[c.kind];
  return finishEvent({
    ...head("ObjectEvent", c),
    epcList: [],
    quantityList: [quantityElement(c.line.lot, c.line.quantityMilli, c.base)],
    action: c.kind === "destruction" ? "DELETE" : "OBSERVE",
    bizStep,
    disposition,
    readPoint: { id: partyUri(c.recordedBy, c.base) },
    ...(c.reason ? { "sy:reason": c.reason } : {}),
  });
}

/**
 * First-station report (首站报备): goods from outside the platform enter at their first holder — ObjectEvent ADD
 * (the lot comes into being on the platform; EPCIS 2.0 §7.4.2 allows ILMD only with ADD), bizStep receiving,
 * source = the outside supplier (owning party), with the country of origin in CBV master data and the import
 * papers (customs declaration, entry inspection-and-quarantine certificate) in our namespace.
 */
export function firstStationEvent(
  c: Common & {
    lot: LotData;
    supplier: { name: string; creditCode: string | null };
    countryOfOrigin: string | null;
    documents: Readonly<Record<string, string>>;
  },
): BuiltEvent {
  const at = partyUri(c.recordedBy, c.base);
  return finishEvent({
    ...head("ObjectEvent", c),
    epcList: [],
    quantityList: [quantityElement(c.lot, c.lot.quantityMilli, c.base)],
    action: "ADD",
    bizStep: "receiving",
    disposition: "in_progress",
    readPoint: { id: at },
    bizLocation: { id: at },
    sourceList: [{ type: "owning_party", source: offPlatformUri(c.supplier, c.base) }],
    destinationList: [{ type: "owning_party", destination: at }],
    ilmd: {
      ...ilmd(c.lot),
      ...(c.countryOfOrigin ? { "cbvmda:countryOfOrigin": c.countryOfOrigin } : {}),
      ...Object.fromEntries(Object.entries(c.documents).map(([k, v]) => [`sy:${k}`, v])),
    },
  });
}
