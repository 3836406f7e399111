/**
 * The path part of a GS1 Digital Link URI (DL URI Syntax §4.1-§4.3): an optional stem, then
 * /{primary key AI}/{value} and the key qualifiers in the order of one of the key's dlpkey sequences.
 */
import { aiEntry, aiEntryAt } from "./ai-dictionary.ts";
import type { AiElement } from "./ai-element.ts";
import type { AiEntry } from "./ai-entry.ts";
import { lastSlash } from "./uri-syntax.ts";

const NO_SEQUENCES: readonly (readonly string[])[] = Object.freeze([]);

/**
 * Convenience alphas of DL URI Syntax 1.1 §4.5 (deprecated by 1.2 but still met in printed codes): accepted in
 * the path on request, never produced.
 */
export const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  sscc: "00",
  gtin: "01",
  lot: "10",
  ser: "21",
  cpv: "22",
  gdti: "253",
  glnx: "254",
  gcn: "255",
  ginc: "401",
  gsin: "402",
  gln: "414",
  party: "417",
  grai: "8003",
  giai: "8004",
  itip: "8006",
  cpid: "8010",
  cpsn: "8011",
  gmn: "8013",
  gsrnp: "8017",
  gsrn: "8018",
  srin: "8019",
};

export function pathAi(segment: string, convenienceAlphas: boolean): string {
  return convenienceAlphas ? (CONVENIENCE_ALPHAS[segment] ?? segment) : segment;
}

/** The entry of the AI segment uri[from, to) (digits read in place; a convenience alpha only on request). */
export function pathEntry(uri: string, from: number, to: number, convenienceAlphas: boolean): AiEntry | undefined {
  const entry = aiEntryAt(uri, from, to);
  if (entry !== undefined || !convenienceAlphas) return entry;
  const segment = uri.slice(from, to);
  return Object.hasOwn(CONVENIENCE_ALPHAS, segment) ? aiEntry(CONVENIENCE_ALPHAS[segment] as string) : undefined;
}

/**
 * Position of the "/" that opens the rightmost primary key in uri[from, to) (the path): walks (AI, value) pairs
 * back from the end while the AI is known, stopping at a key; -1 when there is none. The stem before it may
 * itself contain "/00/…" (DL URI Syntax §4.1, test A36 of the GS1 Syntax Engine).
 */
export function findPrimaryKey(uri: string, from: number, to: number, convenienceAlphas: boolean): number {
  let valueSlash = lastSlash(uri, to - 1);
  while (valueSlash > from) {
    const aiSlash = lastSlash(uri, valueSlash - 1);
    if (aiSlash < from) return -1;
    const entry = pathEntry(uri, aiSlash + 1, valueSlash, convenienceAlphas);
    if (!entry) return -1;
    if (entry.dlpkey !== undefined) return aiSlash;
    valueSlash = lastSlash(uri, aiSlash - 1);
  }
  return -1;
}

/** True when path[1..] (the qualifiers) appear, in order, within one of the key's (path[0]) sequences. */
export function isValidQualifierSequence(path: readonly AiElement[]): boolean {
  if (path.length <= 1) return true;
  const alternatives = aiEntry((path[0] as AiElement).ai)?.dlpkey ?? NO_SEQUENCES;
  for (const seq of alternatives) if (isSubsequence(path, seq)) return true;
  return false;
}

function isSubsequence(path: readonly AiElement[], seq: readonly string[]): boolean {
  let at = 0;
  for (let i = 1; i < path.length; i++) {
    const found = seq.indexOf((path[i] as AiElement).ai, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

/** True when `ai` could have been written as a qualifier next to those already in the path (path[0] is the key). */
export function belongsInPath(path: readonly AiElement[], ai: string): boolean {
  const alternatives = aiEntry((path[0] as AiElement).ai)?.dlpkey ?? NO_SEQUENCES;
  for (const seq of alternatives) {
    if (!seq.includes(ai)) continue;
    let all = true;
    for (let i = 1; i < path.length && all; i++) all = seq.includes((path[i] as AiElement).ai);
    if (all) return true;
  }
  return false;
}

/**
 * AI 01 as written in a URI, padded to 14 digits when the caller accepts zero-suppressed GTIN-8/12/13 (GenSpecs
 * §4.4 allows them for display only; some printed codes carry them anyway).
 */
export function padGtin(ai: string, value: string, zeroSuppressed: boolean | undefined): string {
  const n = value.length;
  return ai === "01" && zeroSuppressed === true && (n === 8 || n === 12 || n === 13) ? value.padStart(14, "0") : value;
}
