/**
 * A trace code that cannot be printed, as a value: the GS1 core's own errors (Gs1Error) plus the few this
 * service adds. `codeError` is the one place such a problem becomes the AppError the interfaces render.
 */
import { AppError } from "../../core/errors.ts";
import type { Gs1ErrorCode } from "../../core/gs1/index.ts";

export type CodeProblemCode =
  | Gs1ErrorCode
  /** Neither a Digital Link URI, a bracketed element string nor a platform trace URL. */
  | "unrecognised-code"
  /** A platform trace URL whose code fails its check pair. */
  | "bad-platform-code"
  /** GS1 DataMatrix and GS1-128 carry element strings; a platform trace number has none. */
  | "not-gs1-data"
  /** The data does not fit the symbology (bwip-js refused it). */
  | "symbol-not-encodable";

export interface CodeProblem {
  readonly code: CodeProblemCode;
  readonly message: string;
  readonly ai?: string | undefined;
}

/**
 * The problem as an AppError at `pointer`. "validation-failed" until the registry has "invalid-trace-code";
 * `reason` keeps the GS1 error code so that clients can tell the problems apart meanwhile.
 */
export function codeError(problem: CodeProblem, pointer: string): AppError {
  const extra: Record<string, unknown> = { reason: problem.code };
  if (problem.ai) extra.ai = problem.ai;
  return new AppError("validation-failed", problem.message, { pointer, extra });
}
