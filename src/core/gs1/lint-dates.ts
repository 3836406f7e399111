/**
 * Date and time linters (GS1 General Specifications §7.12: dates YYMMDD where DD = 00 means the last day of the
 * month for AIs 11-17, full-year dates YYYYMMDD, times HH, MM, SS and HHMI).
 */
import { digitsValue, fail, firstNonDigit, type LintResult } from "./lint-result.ts";

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(month: number, leap: boolean): number {
  return month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month] as number);
}

/**
 * Shared body of the four date linters. Two-digit years are leap when divisible by four: §7.12 maps YY into a
 * window around the current year that never reaches a century year which is not a leap year before 2100.
 */
function lintDate(data: string, yearDigits: 2 | 4, allowDayZero: boolean): LintResult {
  const size = yearDigits + 4;
  if (data.length < size) return fail("date-too-short", 0, data.length);
  if (data.length > size) return fail("date-too-long", 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  const year = digitsValue(data, 0, yearDigits);
  const month = digitsValue(data, yearDigits, 2);
  const day = digitsValue(data, yearDigits + 2, 2);
  if (month < 1 || month > 12) return fail("illegal-month", yearDigits, 2);
  const leap = yearDigits === 2 ? year % 4 === 0 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if ((day === 0 && !allowDayZero) || day > daysInMonth(month, leap)) return fail("illegal-day", yearDigits + 2, 2);
  return undefined;
}

export const lintYymmd0 = (data: string): LintResult => lintDate(data, 2, true);
export const lintYymmdd = (data: string): LintResult => lintDate(data, 2, false);
export const lintYyyymmd0 = (data: string): LintResult => lintDate(data, 4, true);
export const lintYyyymmdd = (data: string): LintResult => lintDate(data, 4, false);

/** True when a YYMMDD date is valid (DD = 00 allowed, §7.12). */
export function isValidYymmd0(data: string): boolean {
  return lintYymmd0(data) === undefined;
}

function lintTwoDigits(data: string, name: "hour" | "minute" | "second", max: number): LintResult {
  if (data.length < 2) return fail(`${name}-too-short`, 0, data.length);
  if (data.length > 2) return fail(`${name}-too-long`, 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  return digitsValue(data, 0, 2) > max ? fail(`illegal-${name}`, 0, 2) : undefined;
}

export const lintHh = (data: string): LintResult => lintTwoDigits(data, "hour", 23);
export const lintMi = (data: string): LintResult => lintTwoDigits(data, "minute", 59);
export const lintSs = (data: string): LintResult => lintTwoDigits(data, "second", 59);

export function lintHhmi(data: string): LintResult {
  if (data.length < 4) return fail("hour-with-minute-too-short", 0, data.length);
  if (data.length > 4) return fail("hour-with-minute-too-long", 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  if (digitsValue(data, 0, 2) > 23) return fail("illegal-hour", 0, 2);
  return digitsValue(data, 2, 2) > 59 ? fail("illegal-minute", 2, 2) : undefined;
}
