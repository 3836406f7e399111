import { flattenEpcisDocument } from "../epcis-document-events.ts";
import type { AnyEpcisDocument } from "../epcis-types.ts";
import { type EventHashOptions, eventPreHashString, hashIdFromPreHash } from "./event-hash-id.ts";
import { expandName } from "./json-event-tree.ts";
import { jsonHashContext } from "./json-hash-context.ts";

export type DocumentHashOptions = Omit<EventHashOptions, "context">;

/**
 * Pre-hash strings of every event of an EPCIS 2.0 JSON-LD document, in document order, each under the document's
 * @context. A document-level `…:ignoreFields` list (a repository convention used by the reference test vectors)
 * names further top-level fields to leave out.
 */
export function documentPreHashStrings(doc: AnyEpcisDocument, opts: DocumentHashOptions = {}): string[] {
  const flat = flattenEpcisDocument(doc);
  const { prefixes } = jsonHashContext(flat.context, opts.contexts);
  const listed = Object.entries(flat.header.extensions)
    .filter(([key]) => key === "ignoreFields" || key.endsWith(":ignoreFields"))
    .flatMap(([, names]) => (Array.isArray(names) ? names : [names]))
    .filter((name): name is string => typeof name === "string")
    .map((name) => expandName(name, prefixes));
  const ignoreFields = [...listed, ...(opts.ignoreFields ?? [])];
  return flat.events.map((event) => eventPreHashString(event, { ...opts, context: flat.context, ignoreFields }));
}

export function documentEventHashIds(doc: AnyEpcisDocument, opts: DocumentHashOptions = {}): string[] {
  return documentPreHashStrings(doc, opts).map((p) => hashIdFromPreHash(p, opts.algorithm));
}
