/**
 * The canonical property order of the event hash algorithm (CBV 2.0 §8.9.2, "canonical property order"), as the
 * reference implementation (github.com/RalphTro/epcis-event-hash-generator) applies it. A field with a nested order
 * has its children written in that order; fields outside the order are written after it, sorted (see
 * pre-hash-string.ts). bizTransactionList, sourceList and destinationList are deliberately absent here: the
 * reference writes them among the sorted trailing fields, and the test vectors pin that.
 */
export interface PropertyOrderEntry {
  readonly name: string;
  readonly children?: PropertyOrder;
}
export type PropertyOrder = readonly PropertyOrderEntry[];

const leaves = (...names: readonly string[]): PropertyOrder => names.map((name) => ({ name }));

const quantityElement: PropertyOrder = [{ name: "quantityElement", children: leaves("epcClass", "quantity", "uom") }];
const epcs: PropertyOrder = leaves("epc");

const sensorMetadata = leaves(
  "time",
  "startTime",
  "endTime",
  "deviceID",
  "deviceMetadata",
  "rawData",
  "dataProcessingMethod",
  "bizRules",
);

const sensorReport = leaves(
  "type",
  "exception",
  "deviceID",
  "deviceMetadata",
  "rawData",
  "dataProcessingMethod",
  "time",
  "microorganism",
  "chemicalSubstance",
  "value",
  "component",
  "stringValue",
  "booleanValue",
  "hexBinaryValue",
  "uriValue",
  "minValue",
  "maxValue",
  "meanValue",
  "sDev",
  "percRank",
  "percValue",
  "uom",
  "coordinateReferenceSystem",
);

export const eventPropertyOrder: PropertyOrder = [
  { name: "eventTime" },
  { name: "eventTimeZoneOffset" },
  { name: "certificationInfo" },
  { name: "parentID" },
  { name: "epcList", children: epcs },
  { name: "inputEPCList", children: epcs },
  { name: "childEPCs", children: epcs },
  { name: "quantityList", children: quantityElement },
  { name: "childQuantityList", children: quantityElement },
  { name: "inputQuantityList", children: quantityElement },
  { name: "outputEPCList", children: epcs },
  { name: "outputQuantityList", children: quantityElement },
  { name: "action" },
  { name: "transformationID" },
  { name: "bizStep" },
  { name: "disposition" },
  { name: "persistentDisposition", children: leaves("set", "unset") },
  { name: "readPoint", children: leaves("id") },
  { name: "bizLocation", children: leaves("id") },
  {
    name: "sensorElementList",
    children: [
      {
        name: "sensorElement",
        children: [
          { name: "sensorMetadata", children: sensorMetadata },
          { name: "sensorReport", children: sensorReport },
        ],
      },
    ],
  },
];

/**
 * Top-level fields never hashed: the event's own identity and capture bookkeeping, and the error declaration, which
 * is added to an event later and must not change its hash ID (CBV 2.0 §8.9.2). `type` is the event type, written
 * first as `eventType=`.
 */
export const fieldsNeverHashed: readonly string[] = ["recordTime", "eventID", "type", "errorDeclaration"];
