/**
 * Numbers in the pre-hash string are written without a leading "+", leading zeros or trailing zeros, and whole
 * numbers without a fraction (CBV 2.0 §8.9.2: `quantity=452` for `452.0`). Any text that parses as a number is
 * rewritten so, as in the reference implementation (Python `float()`, then `int` or `repr`): e.g. `+012.50` → `12.5`,
 * `1_000` → `1000`, `0.00001` → `1e-05`.
 */
const pythonFloat = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/** The canonical text of a number, or undefined when `text` is not a finite number. */
export function canonicalHashNumber(text: string): string | undefined {
  if (!pythonFloat.test(text)) return undefined;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isFinite(value)) return undefined;
  if (Number.isInteger(value)) return BigInt(value).toString();
  return pythonFloatRepr(value);
}

/** Python's `repr(float)`: shortest round-trip digits, positional for 1e-4 <= |x| < 1e16, else `d.ddde±XX`. */
function pythonFloatRepr(value: number): string {
  const [mantissa = "", exp = "0"] = value.toExponential().split("e");
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  // JavaScript writes numbers in this range positionally too, with the same shortest round-trip digits.
  return String(value);
}
