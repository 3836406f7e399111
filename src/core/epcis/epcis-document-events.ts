import type { AnyEpcisDocument, EpcisEvent, JsonLdContextValue } from "./epcis-types.ts";

/**
 * An EPCIS document taken apart into what a repository stores per event (EPCIS 2.0 §9.3): the events in document
 * order, the @context they were written under, and the document-level header fields kept for provenance.
 */
export interface FlattenedEpcisDocument {
  readonly kind: "EPCISDocument" | "EPCISQueryDocument";
  readonly context: JsonLdContextValue;
  readonly header: EpcisDocumentHeader;
  readonly events: readonly EpcisEvent[];
}

export interface EpcisDocumentHeader {
  readonly schemaVersion: string;
  readonly creationDate: string;
  readonly id?: string;
  readonly sender?: string;
  readonly receiver?: string;
  readonly instanceIdentifier?: string;
  readonly epcisHeader?: Readonly<Record<string, unknown>>;
  readonly queryName?: string;
  readonly subscriptionID?: string;
  /** Document-level members that are not EPCIS fields (user extensions such as `repository-x:ignoreFields`). */
  readonly extensions: Readonly<Record<string, unknown>>;
}

const documentFields = new Set([
  "@context",
  "type",
  "schemaVersion",
  "creationDate",
  "id",
  "sender",
  "receiver",
  "instanceIdentifier",
  "epcisHeader",
  "epcisBody",
]);

export function flattenEpcisDocument(doc: AnyEpcisDocument): FlattenedEpcisDocument {
  const body = doc.epcisBody as Readonly<Record<string, unknown>>;
  const query = body.queryResults as Readonly<Record<string, unknown>> | undefined;
  const events = query
    ? ((query.resultsBody as { eventList?: readonly EpcisEvent[] } | undefined)?.eventList ?? [])
    : "eventList" in body
      ? (body.eventList as readonly EpcisEvent[])
      : "event" in body
        ? [body.event as EpcisEvent]
        : [];
  const extensions = Object.fromEntries(Object.entries(doc).filter(([k]) => !documentFields.has(k)));
  const header: EpcisDocumentHeader = {
    schemaVersion: doc.schemaVersion,
    creationDate: doc.creationDate,
    ...pick(doc, ["id", "sender", "receiver", "instanceIdentifier", "epcisHeader"]),
    ...(query ? pick(query, ["queryName", "subscriptionID"]) : {}),
    extensions: query ? { ...extensions, ...queryExtensions(query) } : extensions,
  };
  return { kind: doc.type, context: doc["@context"], header, events };
}

function pick(obj: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));
}

function queryExtensions(query: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const standard = new Set(["queryName", "subscriptionID", "resultsBody"]);
  return Object.fromEntries(Object.entries(query).filter(([k]) => !standard.has(k)));
}
