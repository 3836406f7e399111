/** Types of the browser receipt verifier (verify-receipt.js, plain JavaScript served as is). */
export interface ReceiptResult {
  readonly ok: boolean;
  /** Why the receipt is not valid. */
  readonly error?: string;
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
): Promise<ReceiptResult>;
export function parsePolicy(text: string): Promise<unknown>;
