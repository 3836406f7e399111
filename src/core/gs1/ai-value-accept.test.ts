import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AI_TABLE } from "./ai-table.generated.ts";
import { checkAiValue, checkAiValueFully } from "./ai-value.ts";
import type { LintContext } from "./lint-result.ts";

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** Digits with a correct GS1 check digit at the end (GenSpecs §7.9.1). */
const keyed = (n: number) =>
  digits(n - 1, n - 1).map((d) => {
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum += Number(d[d.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
    return d + String((10 - (sum % 10)) % 10);
  });

/** One AI per value format of the dictionary, so that rare formats (yymmdd, N13+N..12) are drawn as often. */
const REPRESENTATIVES = [...new Map(AI_TABLE.map((e) => [JSON.stringify(e.components), e])).values()];

const day = fc.constantFrom(0, 1, 28, 29, 30, 31, 32);
const month = fc.constantFrom(0, 1, 2, 4, 12, 13);
const two = (n: number) => String(n).padStart(2, "0");
const date = fc
  .tuple(fc.constantFrom("00", "23", "24", "99", "2a"), month, day)
  .map(([y, m, d]) => `${y}${two(m)}${two(d)}`);

/** Values near each AI's format: its lengths and one either side, dates, check digits, CSET 82 and strays. */
const aiAndValue = fc.constantFrom(...REPRESENTATIVES).chain((entry) => {
  const min = Math.max(0, entry.minLength - 1);
  const max = entry.maxLength + 1;
  const value = fc.oneof(
    digits(min, max),
    keyed(Math.max(1, entry.minLength)),
    keyed(Math.max(1, entry.maxLength)),
    { weight: 3, arbitrary: date },
    fc.string({ unit: fc.constantFrom(..."AZaz09!%&-/_~ \u0000é"), minLength: min, maxLength: max }),
  );
  return fc.tuple(fc.constant(entry), value);
});

const LOOKUPS: readonly (LintContext | undefined)[] = [undefined, {}, { gcpLookup: () => "invalid" }];

describe("quick acceptance of AI values", () => {
  it("agrees with the full check on values near every AI's format (property)", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(aiAndValue, ([entry, value]) => {
        for (const ctx of LOOKUPS)
          expect(checkAiValue(entry, value, ctx)).toStrictEqual(checkAiValueFully(entry, value, ctx));
      }),
      { numRuns: 10_000 },
    );
  });
});
