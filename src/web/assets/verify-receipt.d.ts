/** Types of the browser module verify-receipt.js (plain JavaScript, served as is). */
export interface ReceiptCheck {
  readonly name: "claim" | "commitment" | "signature" | "inclusion";
  readonly ok: boolean;
  readonly detail?: string;
}
export function toHex(bytes: Uint8Array): string;
export function canonicalJson(value: unknown): string;
export function recordCommitment(kind: string, salt: Uint8Array, record: unknown): Promise<Uint8Array>;
export function parseReceipt(text: string): {
  claim: { kind: string; ref: string; salt: string; commitment: string } | null;
  index: number;
  proof: Uint8Array[];
  checkpoint: string;
};
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): Promise<boolean>;
export function verifyReceipt(input: {
  receipt: string;
  record: unknown;
  verifierKey: string;
  kind: string;
  ref: string;
}): Promise<{ ok: boolean; checks: ReceiptCheck[]; origin?: string; index?: number; treeSize?: number }>;
