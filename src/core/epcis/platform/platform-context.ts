import type { ContextLibrary, JsonLdContext } from "../hash/jsonld-context.ts";
import { standardContextDocument } from "./standard-context.generated.ts";

/** The standard context every EPCIS 2.0 document names (EPCIS 2.0 §8.2.4.1). */
export const EPCIS_CONTEXT_URL = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/**
 * Our extension namespace for what CBV 2.0 master data has no term for (production date, GB/T 2260 origin,
 * the reason of a rejection). EPCIS 2.0 §7.2.7: user extensions are namespaced properties.
 */
export const SUYUAN_NS = "urn:suyuan:epcis:";

/** The @context of every document the platform writes: the standard one plus our namespace. */
export const platformContext: JsonLdContext = [EPCIS_CONTEXT_URL, { sy: SUYUAN_NS }];

/**
 * The addresses the standard context is published at. The draft address on gs1.github.io serves the same
 * context (one numeric type differs, which no hash or query depends on), so it resolves to the same copy:
 * contexts are never fetched from the network.
 */
export const EPCIS_DRAFT_CONTEXT_URL = "https://gs1.github.io/EPCIS/epcis-context.jsonld";
export const standardContextUrls: readonly unknown[] = [EPCIS_CONTEXT_URL, EPCIS_DRAFT_CONTEXT_URL];

export const standardContexts: ContextLibrary = {
  [EPCIS_CONTEXT_URL]: standardContextDocument,
  [EPCIS_DRAFT_CONTEXT_URL]: standardContextDocument,
};
