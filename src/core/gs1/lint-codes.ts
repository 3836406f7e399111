/**
 * Linters that check a component against a code list or a small set of permitted values
 * (GS1 General Specifications §3 AI definitions; reference linters lint_iso*.c, lint_yesno.c, lint_winding.c, …).
 */
import { ISO3166_ALPHA2, ISO3166_NUMERIC, ISO4217_NUMERIC, PACKAGE_TYPES } from "./code-lists.ts";
import { fail, firstNonDigit, type LintResult } from "./lint-result.ts";

const whole = (error: string, data: string) => fail(error, 0, data.length);

export const lintIso3166 = (d: string): LintResult => (ISO3166_NUMERIC.has(d) ? undefined : whole("not-iso3166", d));
export const lintIso3166999 = (d: string): LintResult =>
  d === "999" || ISO3166_NUMERIC.has(d) ? undefined : whole("not-iso3166-or-999", d);
export const lintIso3166Alpha2 = (d: string): LintResult =>
  ISO3166_ALPHA2.has(d) ? undefined : whole("not-iso3166-alpha2", d);
export const lintIso4217 = (d: string): LintResult => (ISO4217_NUMERIC.has(d) ? undefined : whole("not-iso4217", d));
export const lintPackageType = (d: string): LintResult =>
  PACKAGE_TYPES.has(d) ? undefined : whole("invalid-package-type", d);

/** ISO/IEC 5218 biological sex: 0 not known, 1 male, 2 female, 9 not applicable (AI 7252). */
export const lintIso5218 = (d: string): LintResult =>
  d === "0" || d === "1" || d === "2" || d === "9" ? undefined : whole("invalid-biological-sex-code", d);

export const lintYesNo = (d: string): LintResult => (d === "0" || d === "1" ? undefined : whole("not-zero-or-one", d));

/** Winding direction of AI 8001: 0 face out, 1 face in, 9 undefined (GenSpecs §3.9.1). */
export const lintWinding = (d: string): LintResult =>
  d === "0" || d === "1" || d === "9" ? undefined : whole("invalid-winding-direction", d);

/** AIDC media type of AI 7241: 01-10 assigned, 80-99 company internal (GenSpecs §3.8.36). */
export function lintMediaType(d: string): LintResult {
  if (d.length !== 2 || firstNonDigit(d) >= 0) return whole("invalid-media-type", d);
  const n = Number(d);
  return (n >= 1 && n <= 10) || n >= 80 ? undefined : whole("invalid-media-type", d);
}

/** Importer index of AI 7040: one character of 0-9 A-Z a-z - _ (GenSpecs §3.8.28). */
export function lintImporterIdx(d: string): LintResult {
  if (d.length !== 1) return whole("importer-idx-must-be-one-character", d);
  const c = d.charCodeAt(0);
  const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95; /* - _ */
  return ok ? undefined : fail("invalid-import-idx-character", 0, 1);
}

export function lintZero(d: string): LintResult {
  if (d.length === 0) return whole("not-zero", d);
  for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) !== 48) return whole("not-zero", d);
  return undefined;
}

export function lintNonZero(d: string): LintResult {
  const bad = firstNonDigit(d);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) !== 48) return undefined;
  return whole("illegal-zero-value", d);
}

export function lintNoZeroPrefix(d: string): LintResult {
  const bad = firstNonDigit(d);
  if (bad >= 0) return fail("non-digit-character", bad, 1);
  return d.charCodeAt(0) === 48 ? fail("illegal-zero-prefix", 0, 1) : undefined;
}

export function lintHyphen(d: string): LintResult {
  if (d.length === 0) return whole("not-hyphen", d);
  for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) !== 45) return whole("not-hyphen", d);
  return undefined;
}

export const lintHasNonDigit = (d: string): LintResult =>
  d.length > 0 && firstNonDigit(d) >= 0 ? undefined : whole("requires-non-digit-character", d);
