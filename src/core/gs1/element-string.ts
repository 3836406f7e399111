/**
 * Parsing of element strings in bracketed form (GS1 General Specifications §4.15, with "\(" for a literal
 * parenthesis) and raw form ("^" = FNC1, §7.8.5: predefined-length AIs need no separator), then validation of
 * every value against the Syntax Dictionary and of the association rules over the whole set.
 * Linear scans only: no regular expressions, no exceptions.
 */
import { aiAt, aiEntry, aiEntryAt, looksLikeAi } from "./ai-dictionary.ts";
import type { AiElement } from "./ai-element.ts";
import type { AiEntry } from "./ai-entry.ts";
import { checkAiValue, checkUnknownAiValue } from "./ai-value.ts";
import { checkAssociations } from "./association-rules.ts";
import { err, type Gs1Error, ok, type Result } from "./gs1-error.ts";
import type { LintContext } from "./lint-result.ts";

/** Most AIs one message may carry (the limit of the GS1 Barcode Syntax Engine). */
export const MAX_AIS = 64;

export interface ElementParseOptions {
  /** Check req/ex/repeat rules over the whole set (default true). Off to look at fragments of a message. */
  readonly associations?: boolean;
  /** Accept AIs missing from the dictionary (bracketed form only; CSET 82, up to 90 characters). */
  readonly permitUnknownAis?: boolean;
  readonly lint?: LintContext;
}

function checkValue(
  ai: string,
  value: string,
  at: number,
  opts: ElementParseOptions,
  entry: AiEntry | undefined = aiEntry(ai),
): Gs1Error | undefined {
  const problem = entry ? checkAiValue(entry, value, opts.lint) : checkUnknownAiValue(ai, value);
  return problem ? { ...problem, position: at + (problem.valueOffset ?? 0) } : undefined;
}

function finish(elements: AiElement[], opts: ElementParseOptions): Result<readonly AiElement[]> {
  if (opts.associations === false) return ok(elements);
  const problem = checkAssociations(elements);
  return problem ? { ok: false, error: problem } : ok(elements);
}

/** "(01)09520123456788(10)ABC123" → elements. */
export function parseBracketed(text: string, opts: ElementParseOptions = {}): Result<readonly AiElement[]> {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) !== 40 /* ( */) return err("malformed", "Failed to parse AI data", { position: 0 });
  const elements: AiElement[] = [];
  let pos = 0;
  while (pos < n) {
    const close = text.indexOf(")", pos + 1);
    if (close < 0) return err("malformed", "Failed to parse AI data", { position: pos });
    // The AI is read in place; only an AI the dictionary does not know becomes a string of its own.
    const entry = aiEntryAt(text, pos + 1, close);
    const ai = entry !== undefined ? entry.ai : text.slice(pos + 1, close);
    if (!entry && !(opts.permitUnknownAis && looksLikeAi(ai))) {
      return err("unknown-ai", `Unrecognised AI: ${ai}`, { ai, position: pos + 1 });
    }
    const start = close + 1;
    let at = text.indexOf("(", start);
    if (at < 0) at = n;
    let value = text.slice(start, at);
    // "\(" is a literal parenthesis inside the value (bracketed form escaping of the Syntax Engine).
    while (at < n && value.endsWith("\\")) {
      const next = text.indexOf("(", at + 1);
      const stop = next < 0 ? n : next;
      value = value.slice(0, -1) + text.slice(at, stop);
      at = stop;
    }
    if (value.length === 0 && at >= n) return err("malformed", "Failed to parse AI data", { ai, position: start });
    if (value.includes("^")) {
      return err("illegal-fnc1-character", `AI (${ai}) contains illegal ^ character`, {
        ai,
        position: start + value.indexOf("^"),
      });
    }
    const problem = checkValue(ai, value, start, opts, entry);
    if (problem) return { ok: false, error: problem };
    if (elements.length === MAX_AIS) return err("too-many-ais", "Too many AIs", { position: pos });
    elements.push({ ai, value });
    pos = at;
  }
  return finish(elements, opts);
}

const FNC1 = 94; /* ^ */
const GS = 29;

/** "^0109520123456788" + "10ABC123" → elements. "^" (or GS) separates variable-length values. */
export function parseRaw(data: string, opts: ElementParseOptions = {}): Result<readonly AiElement[]> {
  const n = data.length;
  if (n === 0 || data.charCodeAt(0) !== FNC1) return err("missing-fnc1", "Missing FNC1 in first position");
  if (n === 1) return err("empty-data", "The AI data is empty");
  const elements: AiElement[] = [];
  let pos = 1;
  while (pos < n) {
    const entry = aiAt(data, pos);
    if (!entry) {
      return err("unknown-ai", `No known AI is a prefix of: ${data.slice(pos, pos + 4)}...`, { position: pos });
    }
    const start = pos + entry.ai.length;
    let end = start;
    const limit = entry.fnc1 ? n : Math.min(n, start + entry.maxLength);
    while (end < limit && data.charCodeAt(end) !== FNC1 && data.charCodeAt(end) !== GS) end++;
    const value = data.slice(start, end);
    const problem = checkValue(entry.ai, value, start, opts, entry);
    if (problem) return { ok: false, error: problem };
    if (elements.length === MAX_AIS) return err("too-many-ais", "Too many AIs", { position: pos });
    elements.push({ ai: entry.ai, value });
    pos = end;
    if (pos < n && (data.charCodeAt(pos) === FNC1 || data.charCodeAt(pos) === GS)) pos++;
  }
  return finish(elements, opts);
}

/** Validates elements built elsewhere (e.g. from a Digital Link): every value, then the association rules. */
export function validateElements(
  elements: readonly AiElement[],
  opts: ElementParseOptions = {},
): Result<readonly AiElement[]> {
  for (const e of elements) {
    if (!aiEntry(e.ai) && !(opts.permitUnknownAis && looksLikeAi(e.ai))) {
      return err("unknown-ai", `Unrecognised AI: ${e.ai}`, { ai: e.ai });
    }
    const problem = checkValue(e.ai, e.value, 0, opts);
    if (problem) return { ok: false, error: { ...problem, position: undefined } };
  }
  return finish([...elements], opts);
}
