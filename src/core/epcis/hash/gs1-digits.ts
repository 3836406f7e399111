/**
 * Small GS1 helpers the EPC → Digital Link conversion needs. Kept inside the EPCIS module on purpose (a full GS1
 * module lives in src/core/gs1/); merge them when that module settles.
 */

/** GS1 mod-10 check digit (GS1 General Specifications §7.9.1) of the digits before it. */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digits.charCodeAt(i) - 48) * weight;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The digits followed by their check digit. */
export function withCheckDigit(digits: string): string {
  return digits + gs1CheckDigit(digits);
}

/**
 * Percent-encodes the characters a GS1 Digital Link path segment may not carry raw (GS1 Digital Link 1.2 Table 7-1)
 * and that an EPC URI leaves unescaped: `! ( ) * + , :`. Escapes already present in the EPC URI are kept as written.
 */
export function digitalLinkEscape(value: string): string {
  return value.replace(/[!()*+,:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
