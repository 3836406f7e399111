/**
 * The result of parsing or checking untrusted input. Ledger code never throws on attacker-supplied bytes
 * (STYLE: parsers return a Result); it reports a stable code and a human detail instead.
 */
export type LedgerErrorCode =
  /** Bytes or text that do not follow the format (signed note, checkpoint, tile path, bundle, …). */
  | "malformed"
  /** A value is well formed but out of range (tree size, index, width, threshold, …). */
  | "out-of-range"
  /** A hash is not 32 bytes (RFC 9162 §2.1: SHA-256 everywhere). */
  | "bad-hash-length"
  /** An inclusion or consistency proof does not verify (RFC 9162 §2.1.3.2, §2.1.4.2). */
  | "proof-mismatch"
  /** A signature from a known key does not verify (C2SP signed-note: SHOULD reject the whole note). */
  | "invalid-signature"
  /** No signature from a known key verified (C2SP signed-note: MUST reject the note). */
  | "no-verifiable-signature"
  /** A key string is malformed, has an unknown algorithm, or its key ID does not match. */
  | "bad-key"
  /** The checkpoint origin is not the one expected. */
  | "wrong-origin"
  /** A witness policy quorum is not met (C2SP tlog-policy). */
  | "quorum-not-met"
  /** A NodeReader returned something other than one 32-byte hash per requested node. */
  | "reader-mismatch";

export interface LedgerError {
  readonly code: LedgerErrorCode;
  readonly detail: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LedgerError };

/** Outcome of a check that produces no value. */
export type Check = { readonly ok: true } | { readonly ok: false; readonly error: LedgerError };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export const passed: Check = Object.freeze({ ok: true });

export function fail(code: LedgerErrorCode, detail: string): { readonly ok: false; readonly error: LedgerError } {
  return { ok: false, error: { code, detail } };
}
