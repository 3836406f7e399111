/**
 * The query as the Digital Link fast path reads it (DL URI Syntax 1.x §4.4, §6): one pass that checks the
 * characters, reads each AI name as a number while scanning its digits, and makes strings only of the values
 * kept and the ignored parameters. Like the fast path it only accepts: a data attribute is taken when it is
 * a known DL attribute, not a path AI or a repeat, with a valid value, and the whole set meets the association
 * rules; anything else returns undefined and the general parser reads the URI (and words the error).
 */
import { aiEntryAt } from "./ai-dictionary.ts";
import { type AiElement, NO_ELEMENTS } from "./ai-element.ts";
import { checkAiValue } from "./ai-value.ts";
import { checkAssociations } from "./association-rules.ts";
import { NO_PARAMS, type QueryParts } from "./digital-link-query.ts";
import { uriUnescape } from "./percent-encoding.ts";
import { charsExcept, URI_CHAR } from "./uri-syntax.ts";

/** Query characters the fast path reads ("#" starts a fragment: the general parser drops it). */
const QUERY_CHAR = charsExcept(URI_CHAR, "#");

const AMP = 38;
const EQUALS = 61;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function contains(elements: readonly AiElement[], ai: string): boolean {
  for (let i = 0; i < elements.length; i++) if ((elements[i] as AiElement).ai === ai) return true;
  return false;
}

/** Whether the parameter scanned last by paramEnd has a "%" or "+" (only then is its value decoded). */
let escaped = false;

/** End of the parameter starting at `from` ("&" or the end), or -1 for a character left to the general parser. */
function paramEnd(uri: string, from: number): number {
  const n = uri.length;
  let seen = false;
  for (let i = from; i < n; i++) {
    const c = uri.charCodeAt(i);
    if (c === AMP) {
      escaped = seen;
      return i;
    }
    if (c >= 128 || QUERY_CHAR[c] !== 1) return -1;
    if (c === 37 /* % */ || c === 43 /* + */) seen = true;
  }
  escaped = seen;
  return n;
}

export interface CommonQuery extends QueryParts {
  /** The path elements, then the attributes. */
  readonly elements: readonly AiElement[];
}

/**
 * The query uri[from, end of uri) after `path` (key first), or undefined (see above). `pathAis` are the AIs of
 * the key's qualifier sequences: as attributes they are left to the general parser, which words why not.
 */
export function readCommonQuery(
  uri: string,
  from: number,
  path: readonly AiElement[],
  pathAis: ReadonlySet<string>,
): CommonQuery | undefined {
  const n = uri.length;
  let attributes: AiElement[] | undefined;
  let ignoredParams: string[] | undefined;
  for (let at = from; at < n; ) {
    let i = at;
    while (i < n && isDigit(uri.charCodeAt(i))) i++;
    const c = i < n ? uri.charCodeAt(i) : AMP;
    if (i === at || (c !== EQUALS && c !== AMP)) {
      // Not named by digits alone: a parameter that is kept as written and ignored.
      const end = paramEnd(uri, i);
      if (end < 0) return undefined;
      if (end > at) {
        ignoredParams ??= [];
        ignoredParams.push(uri.slice(at, end));
      }
      at = end + 1;
      continue;
    }
    const entry = c === EQUALS ? aiEntryAt(uri, at, i) : undefined;
    const end = paramEnd(uri, i + 1);
    if (entry === undefined || !entry.dlAttr || end <= i + 1) return undefined;
    const ai = entry.ai;
    if (contains(path, ai) || (attributes !== undefined && contains(attributes, ai)) || pathAis.has(ai)) {
      return undefined;
    }
    const raw = uri.slice(i + 1, end);
    const value = escaped ? uriUnescape(raw, true) : raw;
    if (checkAiValue(entry, value) !== undefined) return undefined;
    attributes ??= [];
    attributes.push({ ai, value });
    at = end + 1;
  }
  if (attributes === undefined) {
    return { attributes: NO_ELEMENTS, ignoredParams: ignoredParams ?? NO_PARAMS, elements: path };
  }
  const elements = path.slice();
  for (let i = 0; i < attributes.length; i++) elements.push(attributes[i] as AiElement);
  if (checkAssociations(elements) !== undefined) return undefined;
  return { attributes, ignoredParams: ignoredParams ?? NO_PARAMS, elements };
}
