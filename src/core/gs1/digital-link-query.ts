/**
 * The query of a GS1 Digital Link URI (DL URI Syntax 1.x §4.4, §6): "AI=value" data attributes, separated by
 * "&"; parameters whose name is not all digits ("utm_source=x", "singleton") are kept as written and ignored.
 * Names and values are read by position in the URI: only the values kept (and the ignored parameters) become
 * strings, and the arrays are made only when something goes in them.
 */
import { aiEntryAt, looksLikeAi } from "./ai-dictionary.ts";
import { type AiElement, NO_ELEMENTS } from "./ai-element.ts";
import type { DigitalLinkParseOptions } from "./digital-link.ts";
import { belongsInPath, padGtin } from "./digital-link-path.ts";
import { err, ok, type Result } from "./gs1-error.ts";
import { firstNonDigit } from "./lint-result.ts";
import { uriUnescape } from "./percent-encoding.ts";

export interface QueryParts {
  readonly attributes: readonly AiElement[];
  /** Query parameters that are not AIs, as written. */
  readonly ignoredParams: readonly string[];
}

export const NO_PARAMS: readonly string[] = Object.freeze([]);

/** The parts of a URI without a query (or with an empty one). */
export const NO_QUERY: Result<QueryParts> = Object.freeze({
  ok: true,
  value: Object.freeze({ attributes: NO_ELEMENTS, ignoredParams: NO_PARAMS }),
});

function contains(elements: readonly AiElement[], ai: string): boolean {
  for (const e of elements) if (e.ai === ai) return true;
  return false;
}

/** Attributes and ignored parameters of uri[from, end) (after "?", before any "#"); path[0] is the key. */
export function parseQuery(
  uri: string,
  from: number,
  end: number,
  path: readonly AiElement[],
  opts: DigitalLinkParseOptions,
): Result<QueryParts> {
  let attributes: AiElement[] | undefined;
  let ignoredParams: string[] | undefined;
  for (let at = from; at < end; ) {
    let amp = uri.indexOf("&", at);
    if (amp < 0 || amp > end) amp = end;
    const start = at;
    at = amp + 1;
    if (amp === start) continue;
    let eq = uri.indexOf("=", start);
    if (eq < 0 || eq > amp) eq = -1;
    const nameEnd = eq < 0 ? amp : eq;
    if (nameEnd === start || firstNonDigit(uri, start, nameEnd) >= 0) {
      ignoredParams ??= [];
      ignoredParams.push(uri.slice(start, amp));
      continue;
    }
    const entry = aiEntryAt(uri, start, nameEnd);
    const name = entry === undefined ? uri.slice(start, nameEnd) : entry.ai;
    if (!entry && !opts.permitUnknownAis) return err("dl-unknown-ai", `Unknown AI (${name}) in query parameters`);
    if (!entry && !(opts.unknownAisAsAttributes && looksLikeAi(name))) {
      return err("dl-not-attribute", `AI (${name}) is not a valid DL URI data attribute`, { ai: name });
    }
    if (eq < 0 || eq + 1 === amp) {
      return err("dl-empty-value", `AI (${name}) value query element is empty`, { ai: name });
    }
    if (contains(path, name) || (attributes !== undefined && contains(attributes, name))) {
      return err("dl-duplicate-ai", `AI (${name}) is duplicated`, { ai: name });
    }
    if (belongsInPath(path, name)) {
      return err("dl-qualifier-in-query", `AI (${name}) from query params should be in the path info`, { ai: name });
    }
    if (entry && !entry.dlAttr) {
      return err("dl-not-attribute", `AI (${name}) is not a valid DL URI data attribute`, { ai: name });
    }
    const raw = uri.slice(eq + 1, amp);
    const value = uriUnescape(raw, true);
    if (value !== raw && value.includes("\0")) {
      return err(
        "dl-null-character",
        `Decoded AI (${name}) value from DL query params contains illegal null character`,
        {
          ai: name,
        },
      );
    }
    attributes ??= [];
    attributes.push({ ai: name, value: padGtin(name, value, opts.zeroSuppressedGtin) });
  }
  if (attributes === undefined && ignoredParams === undefined) return NO_QUERY;
  return ok({ attributes: attributes ?? NO_ELEMENTS, ignoredParams: ignoredParams ?? NO_PARAMS });
}
