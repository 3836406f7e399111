/** Types of the browser receipt verifier (verify-receipt.js, plain JavaScript served as is). */
export interface ReceiptCheck {
  readonly name: "claim" | "commitment" | "signature" | "witnesses" | "inclusion";
  readonly ok: boolean;
  readonly detail?: string;
}

export interface ReceiptResult {
  readonly ok: boolean;
  /** Why the receipt is not valid: the first failed check's detail. */
  readonly error?: string;
  readonly checks: readonly ReceiptCheck[];
  readonly kind?: string;
  readonly ref?: string;
  readonly origin?: string;
  readonly index?: number;
  readonly size?: number;
  readonly leafHash?: string;
  readonly rootHash?: string;
  /** Cosigning witnesses by policy name, with their cosignature timestamps in seconds. */
  readonly witnesses?: readonly { readonly name: string; readonly timestamp: number }[];
  readonly recordChecked?: boolean;
}

export function verifyReceipt(
  receipt: string | Uint8Array,
  policyText: string,
  record?: unknown,
  expected?: { readonly kind: string; readonly ref: string },
): Promise<ReceiptResult>;
export function parsePolicy(text: string): Promise<unknown>;
export function toHex(bytes: Uint8Array): string;
export function canonicalJson(value: unknown): string;
export function recordCommitment(kind: string, salt: Uint8Array, record: unknown): Promise<Uint8Array>;
