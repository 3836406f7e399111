/**
 * Errors of the GS1 core as values. Parse functions return a Result and never throw on bad input; the `code` is
 * stable (safe to map to the platform's error registry and to translate), the message is for people.
 */
export type Gs1ErrorCode =
  // element strings (GenSpecs §7.8) and AI values (Syntax Dictionary)
  | "empty-data"
  | "missing-fnc1"
  | "malformed"
  | "unknown-ai"
  | "value-empty"
  | "value-too-short"
  | "value-too-long"
  | "illegal-fnc1-character"
  | "invalid-value"
  | "too-many-ais"
  // association rules over the whole set (Syntax Dictionary req/ex, GenSpecs §4.13)
  | "repeated-ai-mismatch"
  | "exclusive-ais"
  | "required-ai-missing"
  | "digsig-needs-serial"
  // GS1 Digital Link URI syntax
  | "dl-scheme"
  | "dl-no-path"
  | "dl-illegal-domain"
  | "dl-illegal-character"
  | "dl-no-key"
  | "dl-key-qualifier-sequence"
  | "dl-empty-value"
  | "dl-null-character"
  | "dl-unknown-ai"
  | "dl-qualifier-in-query"
  | "dl-duplicate-ai"
  | "dl-not-attribute"
  | "dl-no-primary-key"
  // EPC URIs (TDS 2.x §6, §7)
  | "epc-malformed"
  | "epc-unsupported-scheme"
  | "epc-no-mapping"
  // scanner data (symbology identifiers, ISO/IEC 15424)
  | "scan-no-symbology"
  | "scan-unsupported-symbology"
  | "scan-primary-invalid"
  | "scan-illegal-character"
  | "scan-not-gs1"
  | "scan-unrecognised";

export interface Gs1Error {
  readonly code: Gs1ErrorCode;
  readonly message: string;
  /** The AI at fault, when there is one. */
  readonly ai?: string | undefined;
  /** Character position at fault in the input text (0-based), when known. */
  readonly position?: number | undefined;
  /** Offset and length of the faulty span within the AI's value (as the reference linters highlight it). */
  readonly valueOffset?: number | undefined;
  readonly length?: number | undefined;
  /** The linter error for "invalid-value", e.g. "incorrect-check-digit". */
  readonly linterError?: string | undefined;
}

export type Result<T, E = Gs1Error> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err(
  code: Gs1ErrorCode,
  message: string,
  details: Omit<Gs1Error, "code" | "message"> = {},
): { readonly ok: false; readonly error: Gs1Error } {
  return { ok: false, error: { code, message, ...details } };
}
