/**
 * Building GS1 Digital Link URIs (DL URI Syntax §4-§6) on any base URL: the primary key and its qualifiers in
 * the path, the other elements as query attributes. Attributes of predefined length come first, then the
 * variable-length ones, each group in input order (the canonical order of the GS1 Barcode Syntax Engine).
 */
import { aiEntry } from "./ai-dictionary.ts";
import type { AiElement } from "./ai-element.ts";
import { err, ok, type Result } from "./gs1-error.ts";
import { uriEscape } from "./percent-encoding.ts";

export interface DigitalLinkParts {
  readonly key: AiElement;
  readonly qualifiers: readonly AiElement[];
  readonly attributes: readonly AiElement[];
}

export interface DigitalLinkBuildOptions {
  /** Allow AIs missing from the dictionary as attributes (they cannot be checked to be DL attributes). */
  readonly unknownAisAsAttributes?: boolean;
}

function isFixedLength(ai: string): boolean {
  return aiEntry(ai)?.fnc1 === false;
}

/** Renders parts on `base` ("https://example.com", a trailing "/" is dropped). No validation. */
export function formatDigitalLink(base: string, parts: DigitalLinkParts): string {
  let uri = base.endsWith("/") ? base.slice(0, -1) : base;
  uri += `/${parts.key.ai}/${uriEscape(parts.key.value, false)}`;
  for (const q of parts.qualifiers) uri += `/${q.ai}/${uriEscape(q.value, false)}`;
  let sep = "?";
  for (const fixed of [true, false]) {
    for (const a of parts.attributes) {
      if (isFixedLength(a.ai) !== fixed) continue;
      uri += `${sep}${a.ai}=${uriEscape(a.value, true)}`;
      sep = "&";
    }
  }
  return uri;
}

/**
 * Chooses the parts for a list of elements: the first element that is a primary key, then the first of its
 * qualifier sequences that any element matches; everything else must be a DL data attribute. Exact repeats
 * are dropped (their agreement is the association rules' business).
 */
export function digitalLinkParts(
  elements: readonly AiElement[],
  opts: DigitalLinkBuildOptions = {},
): Result<DigitalLinkParts> {
  const key = elements.find((e) => aiEntry(e.ai)?.dlpkey !== undefined);
  if (!key) return err("dl-no-primary-key", "Cannot create a DL URI without a primary key AI");
  const sequences = aiEntry(key.ai)?.dlpkey ?? [];
  const present = (ai: string) => elements.some((e) => e.ai === ai);
  const sequence = sequences.find((seq) => seq.some(present)) ?? [];
  const qualifiers: AiElement[] = [];
  for (const ai of sequence) {
    const q = elements.find((e) => e.ai === ai);
    if (q) qualifiers.push(q);
  }
  const used = new Set([key.ai, ...qualifiers.map((q) => q.ai)]);
  const attributes: AiElement[] = [];
  for (const e of elements) {
    if (used.has(e.ai)) continue;
    const entry = aiEntry(e.ai);
    if (entry ? !entry.dlAttr : !opts.unknownAisAsAttributes) {
      return err("dl-not-attribute", `AI (${e.ai}) is not a valid DL URI data attribute`, { ai: e.ai });
    }
    used.add(e.ai);
    attributes.push(e);
  }
  return ok({ key, qualifiers, attributes });
}

/** Element strings → Digital Link URI on `base`. */
export function buildDigitalLink(
  base: string,
  elements: readonly AiElement[],
  opts: DigitalLinkBuildOptions = {},
): Result<string> {
  const parts = digitalLinkParts(elements, opts);
  return parts.ok ? ok(formatDigitalLink(base, parts.value)) : parts;
}
