/**
 * The path part of a GS1 Digital Link URI (DL URI Syntax §4.1-§4.3): an optional stem, then
 * /{primary key AI}/{value} and the key qualifiers in the order of one of the key's dlpkey sequences.
 */
import { aiEntry } from "./ai-dictionary.ts";

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

/**
 * Position of the "/" that opens the rightmost primary key in uri[from, to) (the path): walks (AI, value) pairs
 * back from the end while the AI is known, stopping at a key; -1 when there is none. The stem before it may
 * itself contain "/00/…" (DL URI Syntax §4.1, test A36 of the GS1 Syntax Engine).
 */
export function findPrimaryKey(uri: string, from: number, to: number, convenienceAlphas: boolean): number {
  let valueSlash = uri.lastIndexOf("/", to - 1);
  while (valueSlash > from) {
    const aiSlash = uri.lastIndexOf("/", valueSlash - 1);
    if (aiSlash < from) return -1;
    const entry = aiEntry(pathAi(uri.slice(aiSlash + 1, valueSlash), convenienceAlphas));
    if (!entry) return -1;
    if (entry.dlpkey !== undefined) return aiSlash;
    valueSlash = uri.lastIndexOf("/", aiSlash - 1);
  }
  return -1;
}

/** True when `qualifiers` appear, in order, within one of the key's alternative sequences. */
export function isValidQualifierSequence(key: string, qualifiers: readonly string[]): boolean {
  const alternatives = aiEntry(key)?.dlpkey ?? [];
  if (qualifiers.length === 0) return true;
  return alternatives.some((seq) => {
    let at = 0;
    for (const q of qualifiers) {
      const found = seq.indexOf(q, at);
      if (found < 0) return false;
      at = found + 1;
    }
    return true;
  });
}

/** True when `ai` could have been written as a qualifier next to those already in the path. */
export function belongsInPath(key: string, pathQualifiers: readonly string[], ai: string): boolean {
  const alternatives = aiEntry(key)?.dlpkey ?? [];
  return alternatives.some((seq) => seq.includes(ai) && pathQualifiers.every((q) => seq.includes(q)));
}
