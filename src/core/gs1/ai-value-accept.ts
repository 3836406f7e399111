/**
 * Quick acceptance of the value formats that make up most of the dictionary and nearly all real data: digits
 * (with the GS1 mod-10 check digit and a GCP position for keys, GenSpecs §7.9.1) and CSET 82 text (GenSpecs
 * §7.11), each one component without other linters. One loop over the value, no calls. It only ever says
 * "valid"; anything else (a failure, or a format it does not know) goes to the full check, which words the
 * error, so the two cannot disagree on one. The formats are decided once per AI from the Syntax Dictionary.
 */
import type { AiEntry } from "./ai-entry.ts";
import { CSET82_VALUE } from "./charsets.ts";
import type { LintContext } from "./lint-result.ts";

const OTHER = 0;
const DIGITS = 1;
const TEXT = 2;
/** YYMMDD (linters yymmd0, yymmdd) of AIs 11-17 and others: GenSpecs §7.12. */
const DATE = 3;

/** Days in each month, February of a leap year; two-digit years are leap when divisible by 4 (lint-dates.ts). */
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export interface Acceptance {
  readonly kind: number;
  readonly min: number;
  readonly max: number;
  /** The last digit is a GS1 check digit ("csum"). */
  readonly checkDigit: boolean;
  /** A GCP position linter ("gcppos1/2"): passes for all digits once it is long enough, unless a lookup is set. */
  readonly gcp: boolean;
  /** DATE: day 00 (the last day of the month) is allowed ("yymmd0"). */
  readonly dayZero: boolean;
}

/** Shortest GCP the gcppos linters accept after the position (lint-misc.ts, GenSpecs §1.4.3), plus position 2. */
const GCP_ROOM = 5;

export function acceptanceFor(entry: AiEntry): Acceptance {
  const c = entry.components[0];
  const linters = c?.linters.join() ?? "";
  const base = { kind: OTHER, min: 0, max: 0, checkDigit: false, gcp: false, dayZero: false };
  if (entry.components.length !== 1 || c === undefined || c.optional) return base;
  if (c.cset === "X" && linters === "") return { ...base, kind: TEXT, min: c.min, max: c.max };
  if (c.cset !== "N") return base;
  if (linters === "") return { ...base, kind: DIGITS, min: c.min, max: c.max };
  if ((linters === "yymmd0" || linters === "yymmdd") && c.min === 6 && c.max === 6) {
    return { ...base, kind: DATE, min: 6, max: 6, dayZero: linters === "yymmd0" };
  }
  const gcp = linters === "csum,gcppos1" || linters === "csum,gcppos2";
  // Fixed length, and room for the GCP after either position: then digits alone satisfy gcppos.
  if (!gcp || c.min !== c.max || c.min < GCP_ROOM) return base;
  return { ...base, kind: DIGITS, min: c.min, max: c.max, checkDigit: true, gcp: true };
}

function digit(value: string, i: number): number {
  const d = value.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -100;
}

/** YYMMDD with a real month and day (a non-digit makes the numbers negative). */
function isDate(value: string, dayZero: boolean): boolean {
  const year = digit(value, 0) * 10 + digit(value, 1);
  const month = digit(value, 2) * 10 + digit(value, 3);
  const day = digit(value, 4) * 10 + digit(value, 5);
  if (year < 0 || month < 1 || month > 12 || day < (dayZero ? 0 : 1)) return false;
  return day <= (month === 2 && year % 4 !== 0 ? 28 : (DAYS_IN_MONTH[month] as number));
}

/** True only when the value is certainly valid for the AI (the full check would find nothing). */
export function accepts(a: Acceptance, value: string, ctx: LintContext | undefined): boolean {
  const n = value.length;
  if (a.kind === OTHER || n < a.min || n > a.max) return false;
  if (a.kind === TEXT) {
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 128 || (CSET82_VALUE[c] as number) < 0) return false;
    }
    return true;
  }
  if (a.kind === DATE) return isDate(value, a.dayZero);
  if (a.gcp && ctx?.gcpLookup !== undefined) return false;
  let sum = 0;
  let weight = n % 2 === 0 ? 3 : 1; // weight 3 falls on the digit just left of the check digit
  for (let i = 0; i < n; i++, weight = 4 - weight) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * weight;
  }
  // With the check digit weighted 1 the sum of a valid key is a multiple of 10 (GenSpecs §7.9.1).
  return !a.checkDigit || sum % 10 === 0;
}
