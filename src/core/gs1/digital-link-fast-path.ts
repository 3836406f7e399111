/**
 * Fast path for the Digital Link URIs the platform meets almost always (GS1 Digital Link URI Syntax 1.x §4.1-
 * §4.4): "http(s)://host[/stem]/01/{GTIN}[/22/x][/10/x][/21/x]", "/414/{GLN}[/254/x]" or "/00/{SSCC}", then an
 * optional query. The path is read in one pass with charCodeAt and its values are checked in place (see
 * digital-link-shapes.ts); the query in one more (digital-link-fast-query.ts).
 * It answers only when the URI is valid, otherwise returns undefined and the general parser decides: it never
 * words an error, so the errors cannot differ between the two, and a property test holds its results to the
 * general parser's. No option can change the result for a URI it accepts (it accepts only what the strictest
 * options accept, e.g. no unknown AIs, 14-digit GTINs only), except a GCP lookup, which the caller routes
 * around it.
 */
import { type AiElement, NO_ELEMENTS } from "./ai-element.ts";
import type { DigitalLink } from "./digital-link.ts";
import { readCommonQuery } from "./digital-link-fast-query.ts";
import { NO_PARAMS } from "./digital-link-query.ts";
import {
  aiNumber,
  isKey,
  KEY_AI,
  KEY_LENGTH,
  keyFamily,
  NOT_HANDLED,
  PATH_AIS,
  qualifierAi,
  qualifierCode,
  qualifierValue,
  SHAPES_MATCH_DICTIONARY,
} from "./digital-link-shapes.ts";
import { ok, type Result } from "./gs1-error.ts";
import { charsExcept, HOST_CHAR, URI_CHAR } from "./uri-syntax.ts";

/** URI characters that keep the fast path in the path ("?" ends it, "#" is left to the general parser). */
const PATH_CHAR = charsExcept(URI_CHAR, "?#");

/**
 * Positions of the "/" of the path, the last 16 of them (a ring; the walk reads at most the last 8): index 0
 * is the "/" that ends the host. Filled by scanPath and read right after it; parsing is synchronous, so one
 * buffer serves every call without allocating.
 */
const SLASHES = new Int32Array(16);
let slashCount = 0;
/** Whether the path scanned last has a "%" (only then are its values decoded). */
let percent = false;

/** Position of "/" that ends the host, or -1 (no path, empty host, a character the host may not have). */
function hostEnd(uri: string, scheme: number): number {
  for (let i = scheme; i < uri.length; i++) {
    const c = uri.charCodeAt(i);
    if (c === 47 /* / */) return i === scheme ? -1 : i;
    if (c >= 128 || HOST_CHAR[c] !== 1) return -1;
  }
  return -1;
}

/**
 * Checks the characters of the path, noting its slashes; returns the position of "?" (or the end), -1 for a
 * character the fast path leaves alone.
 */
function scanPath(uri: string, slash: number): number {
  const n = uri.length;
  SLASHES[0] = slash;
  let count = 1;
  let escaped = false;
  let i = slash + 1;
  for (; i < n; i++) {
    const c = uri.charCodeAt(i);
    if (c >= 128 || PATH_CHAR[c] !== 1) {
      if (c === 63 /* ? */) break;
      return -1;
    }
    if (c === 47 /* / */) SLASHES[count++ & 15] = i;
    else if (c === 37 /* % */) escaped = true;
  }
  percent = escaped;
  slashCount = count;
  return i;
}

function slashAt(index: number): number {
  return SLASHES[index & 15] as number;
}

/** http:// or https:// in lower case (the upper-case forms are left to the general parser): its length, or 0. */
function lowerSchemeLength(uri: string): number {
  if (uri.length < 8 || uri.charCodeAt(0) !== 104 || uri.charCodeAt(1) !== 116 || uri.charCodeAt(2) !== 116) return 0;
  if (uri.charCodeAt(3) !== 112) return 0;
  const s = uri.charCodeAt(4) === 115 /* s */ ? 5 : 4;
  return uri.charCodeAt(s) === 58 && uri.charCodeAt(s + 1) === 47 && uri.charCodeAt(s + 2) === 47 ? s + 3 : 0;
}

/** Qualifier element: the AI segment between the slashes at index and index + 1, the value up to the next. */
function qualifierAt(uri: string, index: number, pathEnd: number): AiElement | undefined {
  const aiSlash = slashAt(index);
  const valueSlash = slashAt(index + 1);
  const stop = index + 2 < slashCount ? slashAt(index + 2) : pathEnd;
  const value = qualifierValue(uri, valueSlash + 1, stop, percent);
  return value === undefined
    ? undefined
    : { ai: qualifierAi(qualifierCode(aiNumber(uri, aiSlash + 1, valueSlash))), value };
}

export function parseCommonDigitalLink(uri: string): Result<DigitalLink> | undefined {
  if (!SHAPES_MATCH_DICTIONARY) return undefined;
  const scheme = lowerSchemeLength(uri);
  if (scheme === 0) return undefined;
  const slash = hostEnd(uri, scheme);
  if (slash < 0) return undefined;
  const pathEnd = scanPath(uri, slash);
  if (pathEnd < 0) return undefined;

  // Walk (AI, value) pairs back from the end of the path to the key, as the general parser finds the rightmost
  // key; the qualifiers met on the way must come in the order of the key's sequence, each at most once.
  let last = 16;
  let end = pathEnd;
  let j = slashCount - 1;
  let family: number;
  for (; ; j -= 2) {
    if (j < 1 || slashAt(j) + 1 === end) return undefined;
    const ai = aiNumber(uri, slashAt(j - 1) + 1, slashAt(j));
    family = keyFamily(ai);
    if (family !== NOT_HANDLED) break;
    const code = qualifierCode(ai);
    if (code === NOT_HANDLED || code >= last || (last < 16 && code >> 2 !== last >> 2)) return undefined;
    last = code;
    end = slashAt(j - 1);
  }
  if (last < 16 && last >> 2 !== family) return undefined;
  if (!isKey(uri, slashAt(j) + 1, end, KEY_LENGTH[family] as number)) return undefined;
  const keySlash = slashAt(j - 1);
  const key: AiElement = { ai: KEY_AI[family] as string, value: uri.slice(slashAt(j) + 1, end) };

  // At most three qualifiers: arrays are made at their final size.
  let path: AiElement[];
  let qualifiers: readonly AiElement[] = NO_ELEMENTS;
  const count = (slashCount - j - 1) >> 1;
  if (count === 0) path = [key];
  else {
    const q1 = qualifierAt(uri, j + 1, pathEnd);
    const q2 = count > 1 ? qualifierAt(uri, j + 3, pathEnd) : q1;
    const q3 = count > 2 ? qualifierAt(uri, j + 5, pathEnd) : q1;
    if (q1 === undefined || q2 === undefined || q3 === undefined) return undefined;
    qualifiers = count === 1 ? [q1] : count === 2 ? [q1, q2] : [q1, q2, q3];
    path = count === 1 ? [key, q1] : count === 2 ? [key, q1, q2] : [key, q1, q2, q3];
  }
  let attributes: readonly AiElement[] = NO_ELEMENTS;
  let ignoredParams: readonly string[] = NO_PARAMS;
  let elements: readonly AiElement[] = path;
  if (pathEnd < uri.length) {
    const query = readCommonQuery(uri, pathEnd + 1, path, PATH_AIS[family] as ReadonlySet<string>);
    if (query === undefined) return undefined;
    ({ attributes, ignoredParams, elements } = query);
  }
  return ok({
    stem: uri.slice(0, keySlash),
    key,
    qualifiers,
    attributes,
    elements,
    ignoredParams,
  });
}
