import { gs1CheckDigit } from "../gs1/index.ts";

/**
 * GTINs issued from the operator's own GS1 company prefix (for products that have none): GTIN-13 = prefix + item
 * reference + check digit (General Specifications §3.3.2, §7.9.1), carried as a GTIN-14 with indicator 0 in AI 01.
 */
export function gtinCapacity(companyPrefix: string): number {
  if (!/^\d{6,12}$/.test(companyPrefix)) throw new RangeError("a GS1 company prefix has 6 to 12 digits");
  return 10 ** (12 - companyPrefix.length);
}

export function composeGtin14(companyPrefix: string, itemReference: number): string {
  const capacity = gtinCapacity(companyPrefix);
  if (!Number.isInteger(itemReference) || itemReference < 0 || itemReference >= capacity) {
    throw new RangeError(`item reference ${itemReference} does not fit prefix ${companyPrefix} (capacity ${capacity})`);
  }
  const body = `0${companyPrefix}${String(itemReference).padStart(12 - companyPrefix.length, "0")}`;
  return body + gs1CheckDigit(body);
}
