/**
 * The alphanumeric check character pair (GS1 General Specifications §7.9.5), used by AI 8013 (GMN) and 8014,
 * and by this platform to close its own trace numbers. Each CSET 82 character's value (its index in CSET 82) is
 * weighted by successive primes from the right (2, 3, 5, …); the sum mod 1021 is written as two characters of
 * the 32-character set below (sum div 32, sum mod 32).
 */
import { CSET82_VALUE } from "./charsets.ts";
import { fail, type LintResult } from "./lint-result.ts";

/** The check characters' alphabet (GenSpecs Fig. 7.9.5-1): digits 2-9 and capitals without I and O. */
export const CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** Longest data (without the pair) the reference implementation weights: one prime per position. */
export const CHECK_PAIR_MAX_DATA = 97;

const PRIMES: Int32Array = (() => {
  const out = new Int32Array(CHECK_PAIR_MAX_DATA);
  let n = 0;
  for (let c = 2; n < out.length; c++) {
    let prime = true;
    for (let d = 2; d * d <= c; d++) {
      if (c % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) out[n++] = c;
  }
  return out;
})();

/** Check pair for `data` (CSET 82, at most 97 characters); undefined if a character is outside CSET 82. */
export function checkPair(data: string): string | undefined {
  const n = data.length;
  if (n > CHECK_PAIR_MAX_DATA) return undefined;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = data.charCodeAt(n - 1 - i);
    const v = c < 128 ? (CSET82_VALUE[c] as number) : -1;
    if (v < 0) return undefined;
    sum += v * (PRIMES[i] as number);
  }
  sum %= 1021;
  return (CSET32[sum >> 5] as string) + (CSET32[sum & 31] as string);
}

/** True when the last two characters are the check pair of the rest. */
export function hasValidCheckPair(value: string): boolean {
  return value.length >= 2 && checkPair(value.slice(0, -2)) === value.slice(-2);
}

/** Linter "csumalpha". */
export function lintCsumAlpha(data: string): LintResult {
  const n = data.length;
  if (n < 2) return fail("too-short-for-check-pair", 0, n);
  if (n - 2 > CHECK_PAIR_MAX_DATA) return fail("too-long-for-check-pair-implementation", 0, n);
  for (let i = 0; i < n - 2; i++) {
    const c = data.charCodeAt(i);
    if (c >= 128 || (CSET82_VALUE[c] as number) < 0) return fail("invalid-cset82-character", i, 1);
  }
  return checkPair(data.slice(0, n - 2)) === data.slice(n - 2) ? undefined : fail("incorrect-check-pair", n - 2, 2);
}
