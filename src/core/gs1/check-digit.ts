/**
 * The GS1 mod-10 check digit (GS1 General Specifications §7.9.1): weights 3,1,3,… from the rightmost digit
 * before the check digit, check = (10 − sum mod 10) mod 10. Used by GTIN, GLN, SSCC, GRAI, GDTI, GSRN, ….
 */
import { fail, firstNonDigit, type LintResult } from "./lint-result.ts";

/** Check digit for a string of digits (without its check digit); -1 if a character is not a digit. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    sum += d * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the correct check digit of the others. */
export function hasValidCheckDigit(digits: string): boolean {
  const n = digits.length;
  if (n < 2) return false;
  const last = digits.charCodeAt(n - 1) - 48;
  return last >= 0 && last <= 9 && gs1CheckDigit(digits.slice(0, n - 1)) === last;
}

/** Appends the check digit. */
export function withCheckDigit(digits: string): string {
  return digits + String(gs1CheckDigit(digits));
}

/** Linter "csum". */
export function lintCsum(data: string): LintResult {
  if (data.length === 0) return fail("too-short-for-check-digit", 0, 0);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  const n = data.length - 1;
  let sum = 0;
  for (let i = n - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (data.charCodeAt(i) - 48) * weight;
  return (10 - (sum % 10)) % 10 === data.charCodeAt(n) - 48 ? undefined : fail("incorrect-check-digit", n, 1);
}
