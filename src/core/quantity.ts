/**
 * Quantities are kept as integers of thousandths of their unit ("milli"), so that conservation checks across
 * ship, receive and reject are exact: 0.1 kg + 0.2 kg is 300 milli-kg, never 0.30000000000000004.
 */
export const MILLI = 1000;

/** Converts a decimal quantity (at most 3 decimals, > 0) to milli-units; undefined when it is not one. */
export function toMilli(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const milli = Math.round(value * MILLI);
  if (Math.abs(milli - value * MILLI) > 1e-6 || !Number.isSafeInteger(milli)) return undefined;
  return milli;
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}
