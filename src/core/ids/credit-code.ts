/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registration authority (1), institution category (1), administrative region (6, GB/T 2260),
 * organisation code (9, GB 11714), check character (1). The check character is computed over the first 17
 * characters with weights 3^i mod 31 and the 31-character alphabet below (GB 32100-2015 §4.3, Annex B).
 */

/** The code's alphabet: digits and capitals without I, O, Z, S, V (GB 32100-2015 Table 1). */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALUE: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

export type CreditCodeProblem =
  | { readonly kind: "length"; readonly length: number }
  | { readonly kind: "character"; readonly position: number; readonly character: string }
  | { readonly kind: "region"; readonly region: string }
  | { readonly kind: "check"; readonly expected: string; readonly actual: string };

/** Computes the check character for the first 17 characters, or undefined if one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i] as string);
    if (v === undefined) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check];
}

/** Validates a credit code; returns undefined when valid, else the first problem found. Input is taken as is. */
export function checkCreditCode(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return { kind: "length", length: code.length };
  for (let i = 0; i < 18; i++) {
    const c = code[i] as string;
    if (!VALUE.has(c)) return { kind: "character", position: i + 1, character: c };
  }
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return { kind: "region", region };
  const expected = creditCodeCheckCharacter(code.slice(0, 17)) as string;
  const actual = code[17] as string;
  if (expected !== actual) return { kind: "check", expected, actual };
  return undefined;
}

/** Normalises what people type (full-width characters, spaces, lower case) before validation. */
export function normaliseCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toUpperCase();
}

export function describeCreditCodeProblem(p: CreditCodeProblem): string {
  switch (p.kind) {
    case "length":
      return `a credit code has 18 characters, this one has ${p.length}`;
    case "character":
      return `character ${p.position} ('${p.character}') is not allowed; use digits and capital letters except I, O, Z, S, V`;
    case "region":
      return `characters 3–8 must be the 6-digit region code, found '${p.region}'`;
    case "check":
      return `check character is '${p.actual}' but should be '${p.expected}'; a character was probably mistyped`;
  }
}
