import { closePlatformCode, verifyPlatformCode } from "../gs1/index.ts";
import { toBase36 } from "./base36.ts";

/**
 * Platform party codes (主体码) for parties without a GLN — a farmer, a market stall — served at
 * https://{resolver}/p/{CODE}. Layout (16–20 characters of 0-9 A-Z): the GB/T 2260 region at registration (6),
 * a platform-wide sequence in base 36 (8–12), and the GS1 check pair (2, General Specifications §7.9.5).
 * A party with a GLN has the GS1 party code /414/{GLN} instead.
 */
export function composePartyCode(regionCode: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`region code must be 6 digits: ${regionCode}`);
  return closePlatformCode(`${regionCode}${toBase36(sequence, 8)}`) as string;
}

export function isPartyCode(code: string): boolean {
  return verifyPlatformCode(code) && /^\d{6}/.test(code);
}
