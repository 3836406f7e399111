/**
 * The CBV 2.0 standard vocabularies EPCIS events use (CBV 2.0 §7.1 business steps, §7.2 dispositions, §7.3
 * business transaction types, §7.4 source/destination types, §7.5 error reasons), with the two URI forms of each
 * value: the CBV 2.0 web URI `https://ref.gs1.org/cbv/BizStep-shipping` and the CBV 1.x URN
 * `urn:epcglobal:cbv:bizstep:shipping` (still valid in EPCIS 2.0 XML, CBV 2.0 §6.4). The short name is what the
 * EPCIS 2.0 JSON-LD context maps (`"bizStep": "shipping"`). Lists as in the EPCIS 2.0.0 JSON-LD context.
 */
export const cbvBizSteps = [
  "accepting",
  "arriving",
  "assembling",
  "collecting",
  "commissioning",
  "consigning",
  "creating_class_instance",
  "cycle_counting",
  "decommissioning",
  "departing",
  "destroying",
  "disassembling",
  "dispensing",
  "encoding",
  "entering_exiting",
  "holding",
  "inspecting",
  "installing",
  "killing",
  "loading",
  "other",
  "packing",
  "picking",
  "receiving",
  "removing",
  "repackaging",
  "repairing",
  "replacing",
  "reserving",
  "retail_selling",
  "sampling",
  "sensor_reporting",
  "shipping",
  "staging_outbound",
  "stock_taking",
  "stocking",
  "storing",
  "transporting",
  "unloading",
  "unpacking",
  "void_shipping",
] as const;

export const cbvDispositions = [
  "active",
  "available",
  "completeness_verified",
  "completeness_inferred",
  "conformant",
  "container_closed",
  "container_open",
  "damaged",
  "destroyed",
  "dispensed",
  "disposed",
  "encoded",
  "expired",
  "in_progress",
  "in_transit",
  "inactive",
  "mismatch_instance",
  "mismatch_class",
  "mismatch_quantity",
  "needs_replacement",
  "no_pedigree_match",
  "non_conformant",
  "non_sellable_other",
  "partially_dispensed",
  "recalled",
  "reserved",
  "retail_sold",
  "returned",
  "sellable_accessible",
  "sellable_not_accessible",
  "stolen",
  "unavailable",
  "unknown",
] as const;

export const cbvBizTransactionTypes = [
  "bol",
  "cert",
  "desadv",
  "inv",
  "pedigree",
  "po",
  "poc",
  "prodorder",
  "recadv",
  "rma",
  "testprd",
  "testres",
  "upevt",
] as const;

export const cbvSourceDestTypes = ["owning_party", "possessing_party", "location"] as const;

export const cbvErrorReasons = ["did_not_occur", "incorrect_data"] as const;

export type CbvBizStep = (typeof cbvBizSteps)[number];
export type CbvDisposition = (typeof cbvDispositions)[number];
export type CbvBizTransactionType = (typeof cbvBizTransactionTypes)[number];
export type CbvSourceDestType = (typeof cbvSourceDestTypes)[number];
export type CbvErrorReason = (typeof cbvErrorReasons)[number];

export type CbvVocabularyKind = "bizStep" | "disposition" | "bizTransactionType" | "sourceDestType" | "errorReason";

export interface CbvVocabulary {
  readonly kind: CbvVocabularyKind;
  /** CBV 2.0 web URI prefix, e.g. `https://ref.gs1.org/cbv/BizStep-`. */
  readonly webPrefix: string;
  /** CBV 1.x URN prefix, e.g. `urn:epcglobal:cbv:bizstep:`. */
  readonly urnPrefix: string;
  readonly shortNames: readonly string[];
}

const vocabulary = (kind: CbvVocabularyKind, web: string, urn: string, shortNames: readonly string[]): CbvVocabulary =>
  Object.freeze({
    kind,
    webPrefix: `https://ref.gs1.org/cbv/${web}-`,
    urnPrefix: `urn:epcglobal:cbv:${urn}:`,
    shortNames,
  });

export const cbvVocabularies: Readonly<Record<CbvVocabularyKind, CbvVocabulary>> = Object.freeze({
  bizStep: vocabulary("bizStep", "BizStep", "bizstep", cbvBizSteps),
  disposition: vocabulary("disposition", "Disp", "disp", cbvDispositions),
  bizTransactionType: vocabulary("bizTransactionType", "BTT", "btt", cbvBizTransactionTypes),
  sourceDestType: vocabulary("sourceDestType", "SDT", "sdt", cbvSourceDestTypes),
  errorReason: vocabulary("errorReason", "ER", "er", cbvErrorReasons),
});
