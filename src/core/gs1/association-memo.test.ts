import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllAssociations, checkAssociations } from "./association-rules.ts";

const element = fc.record({
  ai: fc.constantFrom(
    "00",
    "01",
    "02",
    "10",
    "17",
    "21",
    "235",
    "253",
    "255",
    "3103",
    "3102",
    "37",
    "414",
    "254",
    "8030",
  ),
  value: fc.constantFrom("1", "2", "9520123456788", "95201234567881234"),
});

const values = fc.array(fc.constantFrom("1", "2", "9520123456788", "95201234567881234"), {
  minLength: 5,
  maxLength: 5,
});

describe("association rules memo", () => {
  it("answers as the full rules do, remembered or not, whatever the values (property)", () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }), values, (elements, others) => {
        const full = checkAllAssociations(elements);
        expect(checkAssociations(elements)).toStrictEqual(full);
        expect(checkAssociations(elements)).toStrictEqual(full);
        // The same AIs with other values: what the memo keeps must not depend on them (repeats, 8030).
        const twin = elements.map((e, i) => ({ ai: e.ai, value: others[i] as string }));
        expect(checkAssociations(twin)).toStrictEqual(checkAllAssociations(twin));
      }),
      { numRuns: 3000 },
    );
  });
});
