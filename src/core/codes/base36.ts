/** Sequences inside codes are written in base 36 (0-9 A-Z), left-padded, to keep codes short and CSET 82-safe. */
export function toBase36(n: number, minLength: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a sequence number: ${n}`);
  return n.toString(36).toUpperCase().padStart(minLength, "0");
}

export function fromBase36(s: string): number | undefined {
  if (!/^[0-9A-Z]+$/.test(s)) return undefined;
  const n = Number.parseInt(s, 36);
  return Number.isSafeInteger(n) ? n : undefined;
}
