import { createHash } from "node:crypto";
import { jsonEventToTree } from "./json-event-tree.ts";
import { combinedContext, jsonHashContext } from "./json-hash-context.ts";
import type { ContextLibrary, JsonLdContext } from "./jsonld-context.ts";
import { preHashFromTree } from "./pre-hash-string.ts";
import { xmlHashDocument } from "./xml-event-tree.ts";

/** Hash algorithms of the `ni:` URI (RFC 6920 §9.4 names); CBV 2.0 §8.9.2 requires sha-256 unless agreed otherwise. */
export type EventHashAlgorithm = "sha-256" | "sha-384" | "sha-512" | "sha3-256";

export interface EventHashOptions {
  /** The @context of the document the event came in; the event's own @context, if any, is applied after it. */
  readonly context?: JsonLdContext;
  /** Remote JSON-LD contexts by URL, as data (core never fetches them), e.g. the standard EPCIS 2.0 context. */
  readonly contexts?: ContextLibrary;
  /** Further top-level fields (expanded names, `{namespace}local`) to leave out, e.g. repository bookkeeping. */
  readonly ignoreFields?: readonly string[];
  readonly algorithm?: EventHashAlgorithm;
}

const nodeHashNames: Readonly<Record<EventHashAlgorithm, string>> = {
  "sha-256": "sha256",
  "sha-384": "sha384",
  "sha-512": "sha512",
  "sha3-256": "sha3-256",
};

/** The canonical pre-hash string of an EPCIS 2.0 JSON-LD event (CBV 2.0 §8.9.2 steps 1–3). */
export function eventPreHashString(event: Readonly<Record<string, unknown>>, opts: EventHashOptions = {}): string {
  const ctx = jsonHashContext(combinedContext(opts.context, event["@context"]), opts.contexts);
  return preHashFromTree(jsonEventToTree(event, ctx), opts.ignoreFields);
}

/** The event hash ID, `ni:///sha-256;<hex>?ver=CBV2.0` (CBV 2.0 §8.9.2 step 4, RFC 6920). */
export function eventHashId(event: Readonly<Record<string, unknown>>, opts: EventHashOptions = {}): string {
  return hashIdFromPreHash(eventPreHashString(event, opts), opts.algorithm);
}

export function hashIdFromPreHash(preHash: string, algorithm: EventHashAlgorithm = "sha-256"): string {
  const hex = createHash(nodeHashNames[algorithm]).update(preHash, "utf8").digest("hex");
  return `ni:///${algorithm};${hex}?ver=CBV2.0`;
}

/** Pre-hash strings of every event of an EPCIS XML document, in document order. */
export function xmlDocumentPreHashStrings(xml: string, opts: Pick<EventHashOptions, "ignoreFields"> = {}): string[] {
  const doc = xmlHashDocument(xml);
  const ignore = [...doc.ignoreFields, ...(opts.ignoreFields ?? [])];
  return doc.events.map((e) => preHashFromTree(e, ignore));
}

/** Event hash IDs of every event of an EPCIS XML document, in document order. */
export function xmlDocumentEventHashIds(xml: string, opts: Omit<EventHashOptions, "context" | "contexts"> = {}) {
  return xmlDocumentPreHashStrings(xml, opts).map((p) => hashIdFromPreHash(p, opts.algorithm));
}
