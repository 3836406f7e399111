/**
 * Structural linters: GS1 Company Prefix position (gcppos1/2), percent-encoding (pcenc), IBAN (ISO 13616),
 * latitude/longitude (AI 4309), piece of total (8006/8026) and position in sequence (7258).
 */
import { ISO3166_ALPHA2 } from "./code-lists.ts";
import { digitsValue, fail, firstNonDigit, type LintContext, type LintResult } from "./lint-result.ts";

/** Shortest GS1 Company Prefix that the reference linter accepts (GenSpecs §1.4.3: GCPs are 4 to 12 digits). */
const GCP_MIN_LENGTH = 4;

/** The GCP starts at `pos` (0 for most keys, 1 after a GTIN's indicator digit); its first digits must be digits. */
function lintGcpAt(data: string, pos: number, ctx?: LintContext): LintResult {
  if (data.length - pos < GCP_MIN_LENGTH) {
    // The reference linter marks the whole component when nothing follows the GCP position.
    return data.length <= pos
      ? fail("too-short-for-gcp", 0, data.length)
      : fail("too-short-for-gcp", pos, data.length - pos);
  }
  const bad = firstNonDigit(data, pos, pos + GCP_MIN_LENGTH);
  if (bad >= 0) return fail("invalid-gcp-prefix", bad, 1);
  const verdict = ctx?.gcpLookup?.(data.slice(pos));
  if (verdict === "invalid") return fail("invalid-gcp-prefix", pos, data.length - pos);
  if (verdict === "offline") return fail("gcp-datasource-offline", pos, data.length - pos);
  return undefined;
}

export const lintGcpPos1 = (data: string, ctx?: LintContext): LintResult => lintGcpAt(data, 0, ctx);
export const lintGcpPos2 = (data: string, ctx?: LintContext): LintResult => lintGcpAt(data, 1, ctx);

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Percent-encoded text (AIs 4300-4320, 7253-7259): every "%" starts a "%hh" sequence. */
export function lintPcenc(data: string): LintResult {
  for (let i = data.indexOf("%"); i >= 0; i = data.indexOf("%", i + 1)) {
    if (!isHex(data.charCodeAt(i + 1)) || !isHex(data.charCodeAt(i + 2))) {
      return fail("invalid-percent-sequence", i, Math.min(3, data.length - i));
    }
    i += 2;
  }
  return undefined;
}

/**
 * IBAN (ISO 13616-1): 2-letter country, 2 check digits, BBAN; mod 97 of the rearranged number is 1.
 * Lengths run from 15 (Norway, the shortest in the IBAN registry) to 34 characters; the country is checked
 * as soon as it is there, as the reference linter does.
 */
export function lintIban(data: string): LintResult {
  const n = data.length;
  if (n < 2) return fail("iban-too-short", 0, n);
  if (!ISO3166_ALPHA2.has(data.slice(0, 2))) return fail("illegal-iban-country-code", 0, 2);
  if (n < 15) return fail("iban-too-short", 0, n);
  if (n > 34) return fail("iban-too-long", 0, n);
  for (let i = 2; i < n; i++) {
    const c = data.charCodeAt(i);
    const ok = i < 4 ? c >= 48 && c <= 57 : (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    if (!ok) return fail("invalid-iban-character", i, 1);
  }
  let rem = 0;
  for (let k = 0; k < n; k++) {
    const c = data.charCodeAt((k + 4) % n);
    rem = c <= 57 ? (rem * 10 + (c - 48)) % 97 : (rem * 100 + (c - 55)) % 97;
  }
  return rem === 1 ? undefined : fail("incorrect-iban-checksum", 2, 2);
}

function lintCoordinate(data: string, name: "latitude" | "longitude", max: number): LintResult {
  if (data.length !== 10) return fail(`${name}-invalid-length`, 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  return digitsValue(data, 0, 10) > max ? fail(`invalid-${name}`, 0, 10) : undefined;
}

/** AI 4309: latitude + 90 and longitude + 180 in units of 10^-7 degrees (GenSpecs §3.7.12). */
export const lintLatitude = (data: string): LintResult => lintCoordinate(data, "latitude", 1_800_000_000);
export const lintLongitude = (data: string): LintResult => lintCoordinate(data, "longitude", 3_600_000_000);

/** Piece number and total, each half of the component (AIs 8006, 8026; GenSpecs §3.9.6). */
export function lintPieceOfTotal(data: string): LintResult {
  const n = data.length;
  if (n === 0 || n % 2 !== 0) return fail("invalid-length-for-piece-of-total", 0, n);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  const half = n / 2;
  const piece = digitsValue(data, 0, half);
  const total = digitsValue(data, half, half);
  if (piece === 0) return fail("zero-piece-number", 0, half);
  if (total === 0) return fail("zero-total-pieces", half, half);
  return piece > total ? fail("piece-number-exceeds-total", 0, n) : undefined;
}

/** "<pos>/<end>" without zero prefixes, pos ≤ end (AI 7258 birth sequence). */
export function lintPosInSeqSlash(data: string): LintResult {
  const slash = data.indexOf("/");
  const n = data.length;
  if (slash <= 0 || slash === n - 1 || data.indexOf("/", slash + 1) >= 0) {
    return fail("position-in-sequence-malformed", 0, n);
  }
  if (firstNonDigit(data, 0, slash) >= 0 || firstNonDigit(data, slash + 1) >= 0) {
    return fail("position-in-sequence-malformed", 0, n);
  }
  if (data.charCodeAt(0) === 48) return fail("illegal-zero-prefix", 0, slash);
  if (data.charCodeAt(slash + 1) === 48) return fail("illegal-zero-prefix", slash + 1, n - slash - 1);
  return digitsValue(data, 0, slash) > digitsValue(data, slash + 1, n - slash - 1)
    ? fail("position-exceeds-end", 0, n)
    : undefined;
}
