/**
 * The platform's own trace numbers and party codes (printed as "/t/{CODE}" and "/p/{CODE}" on its resolver):
 * 16 to 20 characters of 0-9 A-Z whose last two are the GS1 alphanumeric check pair (GenSpecs §7.9.5, as for
 * AI 8013) over the rest, so that a mistyped or misread code is caught before any lookup.
 */
import { checkPair } from "./check-pair.ts";

export const PLATFORM_CODE_MIN = 16;
export const PLATFORM_CODE_MAX = 20;

function isUpperAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** True for a well-formed code whose check pair is right. */
export function verifyPlatformCode(code: string): boolean {
  if (code.length < PLATFORM_CODE_MIN || code.length > PLATFORM_CODE_MAX || !isUpperAlnum(code)) return false;
  return checkPair(code.slice(0, -2)) === code.slice(-2);
}

/** Appends the check pair to a 14-18 character body of 0-9 A-Z; undefined if the body is not one. */
export function closePlatformCode(body: string): string | undefined {
  if (body.length < PLATFORM_CODE_MIN - 2 || body.length > PLATFORM_CODE_MAX - 2 || !isUpperAlnum(body)) {
    return undefined;
  }
  return body + checkPair(body);
}
