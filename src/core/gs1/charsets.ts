/**
 * The character sets of GS1 element strings (GS1 General Specifications §7.11, Figures 7.11-1 to 7.11-3) as
 * 128-entry lookup tables, and the linters that check them (csetnumeric, cset82, cset39, cset64).
 */
import { fail, firstNonDigit, type LintResult } from "./lint-result.ts";

/** CSET 82 in the order GenSpecs §7.9.5 gives it; the index is the value used by the check-pair algorithm. */
export const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
/** CSET 39: upper-case letters, digits and # - / (GenSpecs Fig. 7.11-2). */
export const CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** CSET 64: the RFC 4648 §5 base64url alphabet (GenSpecs Fig. 7.11-3); "=" may only pad the end. */
export const CSET64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function table(chars: string): Int8Array {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = i;
  return t;
}

/** CSET 82 value of each ASCII code, -1 when not in the set. */
export const CSET82_VALUE: Int8Array = table(CSET82);
const CSET39_VALUE = table(CSET39);
const CSET64_VALUE = table(CSET64);

/** Index of the first character outside the set, or -1. */
function firstOutside(t: Int8Array, data: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = data.charCodeAt(i);
    if (c >= 128 || (t[c] as number) < 0) return i;
  }
  return -1;
}

export function isCset82(data: string): boolean {
  return firstOutside(CSET82_VALUE, data, 0, data.length) < 0;
}

export function lintCsetNumeric(data: string): LintResult {
  const i = firstNonDigit(data);
  return i < 0 ? undefined : fail("non-digit-character", i, 1);
}

export function lintCset82(data: string): LintResult {
  const i = firstOutside(CSET82_VALUE, data, 0, data.length);
  return i < 0 ? undefined : fail("invalid-cset82-character", i, 1);
}

export function lintCset39(data: string): LintResult {
  const i = firstOutside(CSET39_VALUE, data, 0, data.length);
  return i < 0 ? undefined : fail("invalid-cset39-character", i, 1);
}

/** Padding rule of the reference linter: at most two "=" and the padded length a multiple of three. */
export function lintCset64(data: string): LintResult {
  let end = data.length;
  while (end > 0 && data.charCodeAt(end - 1) === 61) end--;
  const i = firstOutside(CSET64_VALUE, data, 0, end);
  if (i >= 0) return fail("invalid-cset64-character", i, 1);
  const pads = data.length - end;
  if (pads > 0 && (pads > 2 || data.length % 3 !== 0)) return fail("invalid-cset64-padding", end, pads);
  return undefined;
}
