/**
 * EPCIS 2.0 JSON-LD documents and events (EPCIS 2.0 §7 data definitions, §9.3 JSON/JSON-LD binding; field names as
 * in EPCIS-JSON-Schema.json). Read-only: events are evidence and are never edited in place. User extensions are
 * extra members named by a CURIE (`example:myField`), hence the index signatures.
 */
export type JsonLdContextValue = string | Readonly<Record<string, unknown>> | readonly JsonLdContextValue[];

export type EpcisEventType =
  | "ObjectEvent"
  | "AggregationEvent"
  | "TransactionEvent"
  | "TransformationEvent"
  | "AssociationEvent";

/** EPCIS 2.0 §7.3.2: what the event did to the objects' membership or existence. */
export type EpcisAction = "ADD" | "OBSERVE" | "DELETE";

/** EPCIS 2.0 §7.3.3.3 quantity element: a class of objects (lgtin, pattern, GTIN DL URI) and how much of it. */
export interface QuantityElement {
  readonly epcClass: string;
  readonly quantity?: number;
  /** UN/CEFACT Rec. 20 unit code, e.g. "KGM". */
  readonly uom?: string;
}

/** EPCIS 2.0 §7.3.5.4: a bizTransaction (type is a CBV BTT short name or URI). */
export interface BizTransaction {
  readonly type?: string;
  readonly bizTransaction: string;
}

/** EPCIS 2.0 §7.3.5.5 (CBV 2.0 §8.5 source/destination types). */
export interface SourceEntry {
  readonly type: string;
  readonly source: string;
}
export interface DestinationEntry {
  readonly type: string;
  readonly destination: string;
}

/** EPCIS 2.0 §7.3.5.4 readPoint / bizLocation (an SGLN or GLN DL URI, plus user extensions). */
export interface LocationRef {
  readonly id: string;
  readonly [extension: string]: unknown;
}

/** EPCIS 2.0 §7.3.5.3.2 persistent disposition: dispositions that stay until unset. */
export interface PersistentDisposition {
  readonly set?: readonly string[];
  readonly unset?: readonly string[];
}

/** EPCIS 2.0 §7.3.8 sensor data. */
export interface SensorMetadata {
  readonly time?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly deviceID?: string;
  readonly deviceMetadata?: string;
  readonly rawData?: string;
  readonly dataProcessingMethod?: string;
  readonly bizRules?: string;
  readonly [extension: string]: unknown;
}

export interface SensorReport {
  readonly type?: string;
  readonly exception?: string;
  readonly deviceID?: string;
  readonly deviceMetadata?: string;
  readonly rawData?: string;
  readonly dataProcessingMethod?: string;
  readonly time?: string;
  readonly microorganism?: string;
  readonly chemicalSubstance?: string;
  readonly value?: number;
  readonly component?: string;
  readonly stringValue?: string;
  readonly booleanValue?: boolean;
  readonly hexBinaryValue?: string;
  readonly uriValue?: string;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly meanValue?: number;
  readonly sDev?: number;
  readonly percRank?: number;
  readonly percValue?: number;
  readonly uom?: string;
  readonly coordinateReferenceSystem?: string;
  readonly [extension: string]: unknown;
}

export interface SensorElement {
  readonly sensorMetadata?: SensorMetadata;
  readonly sensorReport: readonly SensorReport[];
  readonly [extension: string]: unknown;
}

/** EPCIS 2.0 §7.4.1.4 error declaration (CBV 2.0 §8.8 error reasons). */
export interface ErrorDeclaration {
  readonly declarationTime: string;
  readonly reason?: string;
  readonly correctiveEventIDs?: readonly string[];
  readonly [extension: string]: unknown;
}

/** EPCIS 2.0 §7.4.1 fields common to every event type. */
export interface EpcisEventBase {
  readonly "@context"?: JsonLdContextValue;
  readonly type: EpcisEventType;
  readonly eventID?: string;
  readonly eventTime: string;
  readonly eventTimeZoneOffset: string;
  readonly recordTime?: string;
  readonly certificationInfo?: string | readonly string[];
  readonly errorDeclaration?: ErrorDeclaration;
  readonly bizStep?: string;
  readonly disposition?: string;
  readonly readPoint?: LocationRef;
  readonly bizLocation?: LocationRef;
  readonly bizTransactionList?: readonly BizTransaction[];
  readonly sourceList?: readonly SourceEntry[];
  readonly destinationList?: readonly DestinationEntry[];
  readonly sensorElementList?: readonly SensorElement[];
  readonly persistentDisposition?: PersistentDisposition;
  /** Instance/lot master data (EPCIS 2.0 §7.3.6), e.g. `cbvmda:itemExpirationDate`. */
  readonly ilmd?: Readonly<Record<string, unknown>>;
  readonly [extension: string]: unknown;
}

export interface ObjectEvent extends EpcisEventBase {
  readonly type: "ObjectEvent";
  readonly action: EpcisAction;
  readonly epcList?: readonly string[];
  readonly quantityList?: readonly QuantityElement[];
}

export interface AggregationEvent extends EpcisEventBase {
  readonly type: "AggregationEvent";
  readonly action: EpcisAction;
  readonly parentID?: string;
  readonly childEPCs?: readonly string[];
  readonly childQuantityList?: readonly QuantityElement[];
}

export interface TransactionEvent extends EpcisEventBase {
  readonly type: "TransactionEvent";
  readonly action: EpcisAction;
  readonly parentID?: string;
  readonly epcList?: readonly string[];
  readonly quantityList?: readonly QuantityElement[];
}

export interface TransformationEvent extends EpcisEventBase {
  readonly type: "TransformationEvent";
  readonly transformationID?: string;
  readonly inputEPCList?: readonly string[];
  readonly inputQuantityList?: readonly QuantityElement[];
  readonly outputEPCList?: readonly string[];
  readonly outputQuantityList?: readonly QuantityElement[];
}

export interface AssociationEvent extends EpcisEventBase {
  readonly type: "AssociationEvent";
  readonly action: EpcisAction;
  readonly parentID?: string;
  readonly childEPCs?: readonly string[];
  readonly childQuantityList?: readonly QuantityElement[];
}

export type EpcisEvent = ObjectEvent | AggregationEvent | TransactionEvent | TransformationEvent | AssociationEvent;

/** EPCIS 2.0 §9.3 EPCISDocument (capture) and EPCISQueryDocument (query results). */
export interface EpcisDocument {
  readonly "@context": JsonLdContextValue;
  readonly type: "EPCISDocument";
  readonly schemaVersion: string;
  readonly creationDate: string;
  readonly id?: string;
  readonly sender?: string;
  readonly receiver?: string;
  readonly instanceIdentifier?: string;
  readonly epcisHeader?: Readonly<Record<string, unknown>>;
  readonly epcisBody: { readonly eventList: readonly EpcisEvent[] } | { readonly event: EpcisEvent };
  readonly [extension: string]: unknown;
}

export interface EpcisQueryDocument {
  readonly "@context": JsonLdContextValue;
  readonly type: "EPCISQueryDocument";
  readonly schemaVersion: string;
  readonly creationDate: string;
  readonly epcisHeader?: Readonly<Record<string, unknown>>;
  readonly epcisBody: {
    readonly queryResults: {
      readonly queryName: string;
      readonly subscriptionID?: string;
      readonly resultsBody: { readonly eventList: readonly EpcisEvent[] };
      readonly [extension: string]: unknown;
    };
  };
  readonly [extension: string]: unknown;
}

export type AnyEpcisDocument = EpcisDocument | EpcisQueryDocument;

export const epcisEventTypes: readonly EpcisEventType[] = [
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
];
