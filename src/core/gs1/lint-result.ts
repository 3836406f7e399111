/**
 * Result of a GS1 Barcode Syntax Test ("linter"). Error names follow the reference linters' enum
 * (gs1_lint_err_t, e.g. GS1_LINTER_INCORRECT_CHECK_DIGIT), written in kebab case ("incorrect-check-digit").
 * `offset`/`length` mark the span of the component at fault, as the reference linters highlight it.
 */
export interface LintFailure {
  readonly error: string;
  readonly offset: number;
  readonly length: number;
}

/** undefined means the component passed. */
export type LintResult = LintFailure | undefined;

/**
 * Optional check of a GS1 Company Prefix against an authoritative source (e.g. a GEPIR mirror). The reference
 * linters call such a hook when one is configured; "offline" reports that the source could not be asked.
 * It receives the data from the start of the company prefix to the end of the field.
 */
export type GcpLookup = (gcpData: string) => "valid" | "invalid" | "offline";

export interface LintContext {
  readonly gcpLookup?: GcpLookup | undefined;
}

export type Linter = (data: string, ctx?: LintContext) => LintResult;

export function fail(error: string, offset: number, length: number): LintFailure {
  return { error, offset, length };
}

/** Index of the first character that is not an ASCII digit, or -1. */
export function firstNonDigit(data: string, from = 0, to = data.length): number {
  for (let i = from; i < to; i++) {
    const c = data.charCodeAt(i);
    if (c < 48 || c > 57) return i;
  }
  return -1;
}

/** Value of `length` digits from `at` (callers check digits first). */
export function digitsValue(data: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + (data.charCodeAt(i) - 48);
  return n;
}
