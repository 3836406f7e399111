import { closePlatformCode, verifyPlatformCode } from "../gs1/index.ts";
import { fromBase36, toBase36 } from "./base36.ts";
import { yymmdd } from "./calendar-day.ts";

/**
 * Platform trace numbers (平台追溯码) for goods with no GS1 key of their own — loose vegetables at a stall, a farm's
 * unbranded produce — served at https://{resolver}/t/{CODE}. Layout (18–20 characters of 0-9 A-Z):
 *
 *   RRRRRR   GB/T 2260 region of the issuing party
 *   YYMMDD   issue date (China Standard Time)
 *   SSSS…    sequence within (region, day), base 36, 4–6 characters (up to 2,176,782,335 a day per region)
 *   CC       GS1 check pair over the rest (General Specifications §7.9.5, the AI 8013 algorithm)
 *
 * The code stays inside CSET 82, so it is also a valid GS1 key value and a valid EPC for EPCIS.
 */
export const TRACE_SEQUENCE_MAX = 36 ** 6 - 1;

export interface TraceNumberParts {
  readonly regionCode: string;
  /** "YYYY-MM-DD" (20YY). */
  readonly issuedOn: string;
  readonly sequence: number;
}

export function composeTraceNumber(p: TraceNumberParts): string {
  if (!/^\d{6}$/.test(p.regionCode)) throw new RangeError(`region code must be 6 digits: ${p.regionCode}`);
  if (p.sequence > TRACE_SEQUENCE_MAX) throw new RangeError("sequence exhausted for this region and day");
  return closePlatformCode(`${p.regionCode}${yymmdd(p.issuedOn)}${toBase36(p.sequence, 4)}`) as string;
}

/** Reads a trace number back into its parts; undefined unless it is one (including its check pair). */
export function describeTraceNumber(code: string): TraceNumberParts | undefined {
  if (code.length < 18 || !verifyPlatformCode(code)) return undefined;
  const regionCode = code.slice(0, 6);
  const d = code.slice(6, 12);
  const sequence = fromBase36(code.slice(12, -2));
  const issuedOn = `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
  if (!/^\d{6}$/.test(regionCode) || !/^\d{6}$/.test(d) || sequence === undefined) return undefined;
  if (Number.isNaN(Date.parse(`${issuedOn}T00:00:00Z`))) return undefined;
  return { regionCode, issuedOn, sequence };
}
