/**
 * Parser for GS1 Digital Link URIs, uncompressed (GS1 Digital Link URI Syntax 1.x, §4-§6): any domain, an
 * optional stem, the primary key and its qualifiers in the path, data attributes as "AI=value" in the query;
 * other query parameters are passed through as ignored, the fragment is dropped. The result is validated as
 * element strings (values, then the association rules of the whole set unless turned off).
 * Valid URIs of the everyday shapes are answered by a fast path (digital-link-fast-path.ts) that gives the
 * very same results; everything else, errors included, by the general parser below.
 */
import { aiEntry } from "./ai-dictionary.ts";
import { type AiElement, NO_ELEMENTS } from "./ai-element.ts";
import { checkAiValue, checkUnknownAiValue } from "./ai-value.ts";
import { checkAssociations } from "./association-rules.ts";
import { parseCommonDigitalLink } from "./digital-link-fast-path.ts";
import { findPrimaryKey, isValidQualifierSequence, padGtin, pathAi, pathEntry } from "./digital-link-path.ts";
import { NO_QUERY, parseQuery } from "./digital-link-query.ts";
import type { ElementParseOptions } from "./element-string.ts";
import { err, ok, type Result } from "./gs1-error.ts";
import { uriUnescape } from "./percent-encoding.ts";
import { allIn, HOST_CHAR, schemeLength, URI_CHAR } from "./uri-syntax.ts";

export { schemeLength };

export interface DigitalLink {
  /** Scheme, host and any stem path before the primary key, e.g. "https://example.com/stem". */
  readonly stem: string;
  readonly key: AiElement;
  readonly qualifiers: readonly AiElement[];
  readonly attributes: readonly AiElement[];
  /** Key, qualifiers, then attributes: the element strings the URI carries. */
  readonly elements: readonly AiElement[];
  /** Query parameters that are not AIs ("singleton", "utm_source=x"), as written. */
  readonly ignoredParams: readonly string[];
}

export interface DigitalLinkParseOptions extends ElementParseOptions {
  /** Accept "Http://", "hTTps://" (scanners and people do this); the syntax allows only all-lower or all-upper. */
  readonly anySchemeCase?: boolean;
  /** DL URI Syntax 1.1 §4.5 convenience alphas ("/gtin/…"). */
  readonly convenienceAlphas?: boolean;
  /** Accept GTIN-8/12/13 in AI 01 and pad them to 14 digits (GenSpecs §4.4 allows it for display only). */
  readonly zeroSuppressedGtin?: boolean;
  /** With permitUnknownAis: accept unknown AIs in the query although they cannot be known to be attributes. */
  readonly unknownAisAsAttributes?: boolean;
}

const NO_OPTIONS: DigitalLinkParseOptions = Object.freeze({});

/** Decoded value of a path segment; a "%00" escape cannot stand for a character of an AI value. */
function pathValue(uri: string, from: number, to: number): string | undefined {
  const raw = uri.slice(from, to);
  const value = uriUnescape(raw, false);
  return value !== raw && value.includes("\0") ? undefined : value;
}

export function parseDigitalLink(uri: string, opts: DigitalLinkParseOptions = NO_OPTIONS): Result<DigitalLink> {
  // The common shapes first; a configured GCP lookup is consulted by the linters, so those go the general way.
  if (opts.lint?.gcpLookup === undefined) {
    const common = parseCommonDigitalLink(uri);
    if (common !== undefined) return common;
  }
  return parseAnyDigitalLink(uri, opts);
}

/** The general parser, for every URI and option (exported for the test that holds the fast path to it). */
export function parseAnyDigitalLink(uri: string, opts: DigitalLinkParseOptions): Result<DigitalLink> {
  const scheme = schemeLength(uri, opts.anySchemeCase === true);
  if (scheme === 0) return err("dl-scheme", "Scheme must be http:// or HTTP:// or https:// or HTTPS://");
  const slash = uri.indexOf("/", scheme);
  if (slash <= scheme) return err("dl-no-path", "URI must contain a domain and path info");
  if (!allIn(HOST_CHAR, uri, scheme, slash)) {
    return err("dl-illegal-domain", "Domain contains illegal characters", { position: scheme });
  }
  if (!allIn(URI_CHAR, uri, slash, uri.length)) return err("dl-illegal-character", "URI contains illegal characters");

  const hash = uri.indexOf("#", slash);
  const end = hash < 0 ? uri.length : hash;
  const q = uri.indexOf("?", slash);
  const pathEnd = q < 0 || q > end ? end : q;
  const alphas = opts.convenienceAlphas === true;
  const k = findPrimaryKey(uri, slash, pathEnd, alphas);
  if (k < 0) return err("dl-no-key", "No GS1 DL keys found in path info");

  const path: AiElement[] = [];
  for (let at = k; at < pathEnd; ) {
    const mid = uri.indexOf("/", at + 1);
    const next = uri.indexOf("/", mid + 1);
    const stop = next < 0 || next > pathEnd ? pathEnd : next;
    // findPrimaryKey has walked these very segments, so every AI from the key on is known (entry is defined).
    const entry = pathEntry(uri, at + 1, mid, alphas);
    const ai = entry !== undefined ? entry.ai : pathAi(uri.slice(at + 1, mid), alphas);
    if (stop === mid + 1) return err("dl-empty-value", `AI (${ai}) value path element is empty`, { ai });
    const value = pathValue(uri, mid + 1, stop);
    if (value === undefined) {
      return err("dl-null-character", `Decoded AI (${ai}) from DL path info contains illegal null character`, { ai });
    }
    path.push({ ai, value: padGtin(ai, value, opts.zeroSuppressedGtin) });
    at = stop;
  }
  if (!isValidQualifierSequence(path)) {
    return err("dl-key-qualifier-sequence", "The AIs in the path are not a valid key-qualifier sequence for the key");
  }
  const query = q >= 0 && q < end ? parseQuery(uri, q + 1, end, path, opts) : NO_QUERY;
  if (!query.ok) return query;
  const { attributes, ignoredParams } = query.value;

  const elements = attributes.length === 0 ? path : path.slice();
  for (let i = 0; i < attributes.length; i++) elements.push(attributes[i] as AiElement);
  for (const e of elements) {
    const entry = aiEntry(e.ai);
    const problem = entry ? checkAiValue(entry, e.value, opts.lint) : checkUnknownAiValue(e.ai, e.value);
    if (problem) return { ok: false, error: problem };
  }
  if (opts.associations !== false) {
    const problem = checkAssociations(elements);
    if (problem) return { ok: false, error: problem };
  }
  const key = path[0] as AiElement;
  const qualifiers = path.length === 1 ? NO_ELEMENTS : path.slice(1);
  return ok({ stem: uri.slice(0, k), key, qualifiers, attributes, elements, ignoredParams });
}
