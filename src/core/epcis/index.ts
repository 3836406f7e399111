/**
 * EPCIS 2.0 / CBV 2.0 core: the document model, document flattening, the CBV vocabularies and the event hash ID
 * (CBV 2.0 §8.9.2). Pure: no I/O; remote JSON-LD contexts come in as data.
 */

export { type CbvTerm, cbvShortName, isCbvValue, normaliseCbvValue, parseCbvValue } from "./cbv-normalise.ts";
export * from "./cbv-vocabulary.ts";
export {
  type EpcisDocumentHeader,
  type FlattenedEpcisDocument,
  flattenEpcisDocument,
} from "./epcis-document-events.ts";
export type * from "./epcis-types.ts";
export { epcisEventTypes } from "./epcis-types.ts";
export { type DocumentHashOptions, documentEventHashIds, documentPreHashStrings } from "./hash/document-hash-ids.ts";
export { canonicalGs1Uri } from "./hash/epc-canonical.ts";
export {
  type EventHashAlgorithm,
  type EventHashOptions,
  eventHashId,
  eventPreHashString,
  hashIdFromPreHash,
  xmlDocumentEventHashIds,
  xmlDocumentPreHashStrings,
} from "./hash/event-hash-id.ts";
export { type ContextLibrary, ContextMissingError, type JsonLdContext } from "./hash/jsonld-context.ts";
export { XmlSyntaxError } from "./hash/xml-parser.ts";
