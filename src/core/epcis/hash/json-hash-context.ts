import type { JsonTreeContext } from "./json-event-tree.ts";
import { ActiveContext, type ContextLibrary, type JsonLdContext } from "./jsonld-context.ts";

/**
 * Builds (and remembers) the JSON-LD view an event is hashed under: the document's @context followed by the
 * event's own, against a library of remote contexts given as data. Compiling the standard EPCIS context is the
 * costly part of hashing a JSON event, so results are memoised per library object and context value.
 */
const memo = new WeakMap<ContextLibrary, Map<string, JsonTreeContext>>();
const byIdentity = new WeakMap<ContextLibrary, WeakMap<object, JsonTreeContext>>();
const noLibrary: ContextLibrary = Object.freeze({});

export function jsonHashContext(context: JsonLdContext | undefined, library: ContextLibrary = noLibrary) {
  if (typeof context !== "object" || context === null) return byValue(context, library);
  let known = byIdentity.get(library);
  if (!known) {
    known = new WeakMap();
    byIdentity.set(library, known);
  }
  const hit = known.get(context);
  if (hit) return hit;
  const built = byValue(context, library);
  known.set(context, built);
  return built;
}

function byValue(context: JsonLdContext | undefined, library: ContextLibrary): JsonTreeContext {
  const key = JSON.stringify(context ?? null);
  let byContext = memo.get(library);
  if (!byContext) {
    byContext = new Map();
    memo.set(library, byContext);
  }
  const known = byContext.get(key);
  if (known) return known;
  const built: JsonTreeContext = {
    active: ActiveContext.empty(library).extend(context ?? null),
    prefixes: inlinePrefixes(context),
  };
  byContext.set(key, built);
  return built;
}

/** Prefixes declared by the context objects written in the document (not by remote contexts). */
function inlinePrefixes(context: JsonLdContext | undefined): ReadonlyMap<string, string> {
  const prefixes = new Map<string, string>();
  const items = Array.isArray(context) ? context : [context];
  for (const item of items) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
    for (const [prefix, iri] of Object.entries(item)) if (typeof iri === "string") prefixes.set(prefix, iri);
  }
  return prefixes;
}

/** The document's context followed by the event's own @context, if it has one. */
export function combinedContext(documentContext: JsonLdContext | undefined, eventContext: unknown): JsonLdContext {
  if (eventContext === undefined || eventContext === null) return documentContext ?? null;
  const first = Array.isArray(documentContext) ? documentContext : documentContext == null ? [] : [documentContext];
  const second = Array.isArray(eventContext) ? eventContext : [eventContext];
  return [...first, ...second] as JsonLdContext;
}
