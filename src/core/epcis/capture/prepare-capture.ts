import type { FieldError } from "../../errors.ts";
import { flattenEpcisDocument } from "../epcis-document-events.ts";
import type { AnyEpcisDocument, JsonLdContextValue } from "../epcis-types.ts";
import { documentPreHashStrings } from "../hash/document-hash-ids.ts";
import { hashIdFromPreHash } from "../hash/event-hash-id.ts";
import { ContextMissingError } from "../hash/jsonld-context.ts";
import { EPCIS_CONTEXT_URL, standardContexts, standardContextUrls } from "../platform/platform-context.ts";
import { type EventIndex, indexEvent } from "./index-event.ts";

/**
 * A captured event ready to store: its id (the eventID it brought, else its event hash ID, CBV 2.0 §8.9.2), its
 * hash ID, the event as it will be read back, and its index. The stored event carries, as its own @context,
 * whatever the document's context added to the standard one (e.g. the prefixes of user extensions), so that it
 * keeps its meaning when it is later served inside another document (EPCIS 2.0 §8.2.4.1). `recordTime` is the
 * repository's to set (EPCIS 2.0 §7.4.1) and is dropped from what was sent.
 */
export interface PreparedEvent {
  readonly eventId: string;
  readonly hashId: string;
  readonly event: Readonly<Record<string, unknown>>;
  readonly index: EventIndex;
}

export type PrepareResult =
  | { readonly ok: true; readonly events: readonly PreparedEvent[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** `precomputedHashIds`: for XML captures, the hash IDs computed from the XML itself (same order as the events). */
export function prepareCapture(doc: AnyEpcisDocument, precomputedHashIds?: readonly string[]): PrepareResult {
  const flat = flattenEpcisDocument(doc);
  const docContext = contextItems(flat.context);
  const unknown = docContext.filter((c) => typeof c === "string" && !standardContextUrls.includes(c));
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: [
        {
          pointer: "/@context",
          detail: `remote context ${JSON.stringify(unknown[0])} is not known here; only the standard EPCIS 2.0 context is resolved (offline), declare other terms inline`,
        },
      ],
    };
  }
  let hashIds: readonly string[];
  try {
    hashIds =
      precomputedHashIds ??
      documentPreHashStrings(doc, { contexts: standardContexts }).map((p) => hashIdFromPreHash(p));
  } catch (e) {
    if (e instanceof ContextMissingError)
      return { ok: false, errors: [{ pointer: "/@context", detail: `remote context ${e.url} is not known here` }] };
    throw e;
  }
  const extras = docContext.filter((c) => typeof c !== "string");
  const docPrefixes = inlinePrefixes(extras);
  const events = flat.events.map((raw, i): PreparedEvent => {
    const { recordTime: _dropped, "@context": own, ...rest } = raw as Record<string, unknown>;
    const ownItems = own === undefined ? [] : contextItems(own as JsonLdContextValue);
    const context = [...extras, ...ownItems.filter((c) => !standardContextUrls.includes(c as string))];
    const hashId = hashIds[i] as string;
    const eventId = typeof rest.eventID === "string" && rest.eventID !== "" ? rest.eventID : hashId;
    const event = { ...(context.length > 0 ? { "@context": context } : {}), ...rest, eventID: eventId };
    const prefixes = ownItems.length > 0 ? new Map([...docPrefixes, ...inlinePrefixes(ownItems)]) : docPrefixes;
    return { eventId, hashId, event, index: indexEvent(event, prefixes) };
  });
  return { ok: true, events };
}

function contextItems(context: JsonLdContextValue | undefined | null): readonly unknown[] {
  if (context === undefined || context === null) return [];
  return Array.isArray(context) ? context : [context];
}

function inlinePrefixes(items: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
    for (const [k, v] of Object.entries(item)) if (typeof v === "string" && !k.startsWith("@")) out.set(k, v);
  }
  return out;
}

export { EPCIS_CONTEXT_URL };
