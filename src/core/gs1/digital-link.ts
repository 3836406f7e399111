/**
 * Parser for GS1 Digital Link URIs, uncompressed (GS1 Digital Link URI Syntax 1.x, §4-§6): any domain, an
 * optional stem, the primary key and its qualifiers in the path, data attributes as "AI=value" in the query;
 * other query parameters are passed through as ignored, the fragment is dropped. The result is validated as
 * element strings (values, then the association rules of the whole set unless turned off).
 */
import { aiEntry, looksLikeAi } from "./ai-dictionary.ts";
import type { AiElement } from "./ai-element.ts";
import { checkAiValue, checkUnknownAiValue } from "./ai-value.ts";
import { checkAssociations } from "./association-rules.ts";
import { belongsInPath, findPrimaryKey, isValidQualifierSequence, pathAi } from "./digital-link-path.ts";
import type { ElementParseOptions } from "./element-string.ts";
import { err, ok, type Result } from "./gs1-error.ts";
import { firstNonDigit } from "./lint-result.ts";
import { uriUnescape } from "./percent-encoding.ts";

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

/** Characters allowed in a URI (RFC 3986 §2): unreserved, reserved and "%". */
const URI_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
})();

/** Host characters the GS1 parser accepts: registered names, IPv4, bracketed IPv6 (no zone ids), ports. */
const HOST_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:[]") t[c.charCodeAt(0)] = 1;
  return t;
})();

function allIn(table: Uint8Array, s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || table[c] !== 1) return false;
  }
  return true;
}

/** Length of the scheme and "://" (7 or 8), or 0 when it is not http(s). */
export function schemeLength(uri: string, anyCase: boolean): number {
  const head = uri.slice(0, 8);
  if (head.startsWith("https://") || head.startsWith("HTTPS://")) return 8;
  if (head.startsWith("http://") || head.startsWith("HTTP://")) return 7;
  if (!anyCase) return 0;
  const lower = head.toLowerCase();
  return lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : 0;
}

function gtin14(ai: string, value: string, opts: DigitalLinkParseOptions): string {
  const n = value.length;
  return ai === "01" && opts.zeroSuppressedGtin && (n === 8 || n === 12 || n === 13) ? value.padStart(14, "0") : value;
}

function contains(elements: readonly AiElement[], ai: string): boolean {
  for (const e of elements) if (e.ai === ai) return true;
  return false;
}

export function parseDigitalLink(uri: string, opts: DigitalLinkParseOptions = {}): Result<DigitalLink> {
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
    const ai = pathAi(uri.slice(at + 1, mid), alphas);
    if (stop === mid + 1) return err("dl-empty-value", `AI (${ai}) value path element is empty`, { ai });
    const value = uriUnescape(uri.slice(mid + 1, stop), false);
    if (value.includes("\0")) {
      return err("dl-null-character", `Decoded AI (${ai}) from DL path info contains illegal null character`, { ai });
    }
    path.push({ ai, value: gtin14(ai, value, opts) });
    at = stop;
  }
  const key = path[0] as AiElement;
  const qualifiers = path.slice(1);
  const qualifierAis = qualifiers.map((e) => e.ai);
  if (!isValidQualifierSequence(key.ai, qualifierAis)) {
    return err("dl-key-qualifier-sequence", "The AIs in the path are not a valid key-qualifier sequence for the key");
  }

  const attributes: AiElement[] = [];
  const ignoredParams: string[] = [];
  if (q >= 0 && q < end) {
    for (let from = q + 1; from < end; ) {
      let amp = uri.indexOf("&", from);
      if (amp < 0 || amp > end) amp = end;
      const param = uri.slice(from, amp);
      from = amp + 1;
      if (param === "") continue;
      const eq = param.indexOf("=");
      const name = eq < 0 ? param : param.slice(0, eq);
      if (name.length === 0 || firstNonDigit(name) >= 0) {
        ignoredParams.push(param);
        continue;
      }
      const entry = aiEntry(name);
      if (!entry && !opts.permitUnknownAis) return err("dl-unknown-ai", `Unknown AI (${name}) in query parameters`);
      if (!entry && !(opts.unknownAisAsAttributes && looksLikeAi(name))) {
        return err("dl-not-attribute", `AI (${name}) is not a valid DL URI data attribute`, { ai: name });
      }
      const raw = eq < 0 ? "" : param.slice(eq + 1);
      if (raw === "") return err("dl-empty-value", `AI (${name}) value query element is empty`, { ai: name });
      if (contains(path, name) || contains(attributes, name)) {
        return err("dl-duplicate-ai", `AI (${name}) is duplicated`, { ai: name });
      }
      if (belongsInPath(key.ai, qualifierAis, name)) {
        return err("dl-qualifier-in-query", `AI (${name}) from query params should be in the path info`, { ai: name });
      }
      if (entry && !entry.dlAttr) {
        return err("dl-not-attribute", `AI (${name}) is not a valid DL URI data attribute`, { ai: name });
      }
      const value = uriUnescape(raw, true);
      if (value.includes("\0")) {
        return err(
          "dl-null-character",
          `Decoded AI (${name}) value from DL query params contains illegal null character`,
          {
            ai: name,
          },
        );
      }
      attributes.push({ ai: name, value: gtin14(name, value, opts) });
    }
  }

  const elements = attributes.length === 0 ? path : path.concat(attributes);
  for (const e of elements) {
    const entry = aiEntry(e.ai);
    const problem = entry ? checkAiValue(entry, e.value, opts.lint) : checkUnknownAiValue(e.ai, e.value);
    if (problem) return { ok: false, error: problem };
  }
  if (opts.associations !== false) {
    const problem = checkAssociations(elements);
    if (problem) return { ok: false, error: problem };
  }
  return ok({ stem: uri.slice(0, k), key, qualifiers, attributes, elements, ignoredParams });
}
