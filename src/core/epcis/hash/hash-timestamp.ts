/**
 * Timestamps in the pre-hash string are written in UTC with exactly three fractional digits, e.g.
 * `2020-03-04T10:00:30.000Z` (CBV 2.0 §8.9.2). Extra digits are rounded to the millisecond the way the reference
 * implementation does: first cut to microseconds, then round half to even (Python's `round(µs, -3)`); unlike the
 * reference, a carry into the next second is carried instead of failing.
 */
const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** The normalised form, or undefined when `text` is not an ISO 8601 date-time (the caller then keeps it as is). */
export function normaliseHashTimestamp(text: string): string | undefined {
  const m = isoDateTime.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, offH, offM] = m;
  const micros = Number((frac ?? "").padEnd(6, "0").slice(0, 6));
  const millis = roundHalfEven(micros / 1000);
  const offsetMinutes = sign ? (sign === "-" ? -1 : 1) * (Number(offH) * 60 + Number(offM ?? "0")) : 0;
  // Date.UTC takes care of day, month and year carries when the offset or the rounding crosses a boundary.
  const epochMs =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? "0"), millis) -
    offsetMinutes * 60_000;
  if (Number.isNaN(epochMs)) return undefined;
  const date = new Date(epochMs);
  // Date.UTC maps years 0–99 to 1900–1999; set the full year explicitly.
  if (Number(y) < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return date.toISOString();
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
