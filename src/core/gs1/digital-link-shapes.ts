/**
 * The Digital Link shapes the fast path reads (GS1 Digital Link URI Syntax 1.x §4.2-§4.3): the keys GTIN (01),
 * GLN (414) and SSCC (00) with their usual qualifiers (22, 10, 21 after a GTIN, in this order; 254 after a GLN),
 * and how their values are checked without the dictionary: keys are all digits with the GS1 mod-10 check digit
 * (GenSpecs §7.9.1), qualifiers 1 to 20 characters of CSET 82 (GenSpecs §7.11). All of it is checked against the
 * generated Syntax Dictionary when the module loads; the fast path stays off if the dictionary disagrees.
 */
import { aiEntry } from "./ai-dictionary.ts";
import { checkAssociations } from "./association-rules.ts";
import { CSET82_VALUE } from "./charsets.ts";
import { isValidQualifierSequence } from "./digital-link-path.ts";
import { uriUnescape } from "./percent-encoding.ts";

/**
 * AI segments as numbers: the digits plus 1000 × their count, so that "01" (2001) and "001" (3001) differ; -1
 * for anything else than 2 or 3 digits.
 */
export function aiNumber(uri: string, from: number, to: number): number {
  if (to - from < 2 || to - from > 3) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = uri.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return (to - from) * 1000 + v;
}

export const NOT_HANDLED = -1;

/**
 * Qualifiers as family × 4 + position in the key's sequence: 22, 10, 21 follow a GTIN in this order (family 1),
 * 254 follows a GLN (family 2). DL URI Syntax §4.3; the module checks these sequences against the dictionary.
 */
export function qualifierCode(ai: number): number {
  switch (ai) {
    case 2022:
      return 4;
    case 2010:
      return 5;
    case 2021:
      return 6;
    case 3254:
      return 8;
    default:
      return NOT_HANDLED;
  }
}

/** Keys and the family of qualifiers they take: GTIN (01), GLN (414); an SSCC (00) takes none. */
export function keyFamily(ai: number): number {
  return ai === 2001 ? 1 : ai === 3414 ? 2 : ai === 2000 ? 0 : NOT_HANDLED;
}

export const KEY_LENGTH = [18, 14, 13] as const;
export const KEY_AI = ["00", "01", "414"] as const;

export function qualifierAi(code: number): string {
  return code === 4 ? "22" : code === 5 ? "10" : code === 6 ? "21" : "254";
}

/** All digits, `length` of them, the last the GS1 mod-10 check digit of the others (GenSpecs §7.9.1). */
export function isKey(uri: string, from: number, to: number, length: number): boolean {
  if (to - from !== length) return false;
  let sum = 0;
  for (let i = to - 2, weight = 3; i >= from; i--, weight = 4 - weight) {
    const d = uri.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * weight;
  }
  const check = uri.charCodeAt(to - 1) - 48;
  return check >= 0 && check <= 9 && (10 - (sum % 10)) % 10 === check;
}

function isText(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (CSET82_VALUE[c] as number) < 0) return false;
  }
  return true;
}

/**
 * A qualifier value (X1-20, CSET 82, no linters), percent-decoded as in the path (DL URI Syntax §6) when the
 * path has a "%" at all; otherwise checked in place before it becomes a string.
 */
export function qualifierValue(uri: string, from: number, to: number, escaped: boolean): string | undefined {
  if (!escaped) return to - from <= 20 && isText(uri, from, to) ? uri.slice(from, to) : undefined;
  const value = uriUnescape(uri.slice(from, to), false);
  return value.length <= 20 && isText(value, 0, value.length) ? value : undefined;
}

/** The AIs that may follow each key in the path (any of its sequences): as attributes, left to the general parser. */
export const PATH_AIS: readonly ReadonlySet<string>[] = KEY_AI.map((ai) => new Set(aiEntry(ai)?.dlpkey?.flat()));

/**
 * The knowledge above, checked against the generated dictionary: key formats (N with csum and a GCP
 * position, which passes for digits when no GCP lookup is configured), qualifier formats (X1-20, no linters,
 * not keys), the qualifier sequences, and that the association rules accept every AI list of a path the fast
 * path can produce (attributes are checked against the rules on every call).
 */
function assumptionsHold(): boolean {
  const keyFormat = (ai: string, length: number, gcp: string) => {
    const e = aiEntry(ai);
    const c = e?.components[0];
    return (
      e?.components.length === 1 &&
      c?.cset === "N" &&
      c.min === length &&
      c.max === length &&
      c.linters.join() === `csum,${gcp}`
    );
  };
  const qualifierFormat = (ai: string) => {
    const e = aiEntry(ai);
    const c = e?.components[0];
    // Not keys themselves: the walk back from the end of the path stops at the first key it meets.
    const plain = e?.dlpkey === undefined;
    return plain && e?.components.length === 1 && c?.cset === "X" && c.min === 1 && c.max === 20 && !c.linters.length;
  };
  const lists = [["00"], ["414"], ["414", "254"], ["01"]];
  for (const q of [["22"], ["10"], ["21"], ["22", "10"], ["22", "21"], ["10", "21"], ["22", "10", "21"]]) {
    lists.push(["01", ...q]);
  }
  return (
    keyFormat("00", 18, "gcppos2") &&
    keyFormat("01", 14, "gcppos2") &&
    keyFormat("414", 13, "gcppos1") &&
    ["22", "10", "21", "254"].every(qualifierFormat) &&
    lists.every((ais) => {
      const elements = ais.map((ai) => ({ ai, value: "1" }));
      return isValidQualifierSequence(elements) && checkAssociations(elements) === undefined;
    })
  );
}

export const SHAPES_MATCH_DICTIONARY = assumptionsHold();
