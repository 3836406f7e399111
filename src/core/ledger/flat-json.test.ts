import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalFlatJson } from "./flat-json.ts";

const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("a", "\u0000", '"', "\\", "\u2028", "\u{1F600}", "é", "\n", "\u007f") }),
);
const key = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("a", "b", "A", "é", "\u{1F600}", "\uFB33", "10", "1"),
);

describe("canonical JSON of a flat record (RFC 8785)", () => {
  it("is the generic implementation's text for every flat record of JSON primitives", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 24 }), (record) => {
        expect(canonicalFlatJson(record)).toBe(canonicalize(record));
      }),
      { numRuns: 2_000 },
    );
  });

  it("is the same for every key order of one shape", () => {
    const a = canonicalFlatJson({ b: 1, a: "x", c: null });
    expect(canonicalFlatJson({ c: null, a: "x", b: 1 })).toBe(a);
    expect(a).toBe('{"a":"x","b":1,"c":null}');
  });

  it.each([
    ["a nested object", { a: { b: 1 } }],
    ["an array", [1, 2]],
    ["a lone surrogate", { a: "\uD800" }],
    ["a lone surrogate key", { "\uDC00": 1 }],
    ["NaN", { a: Number.NaN }],
    ["Infinity", { a: Number.POSITIVE_INFINITY }],
    ["undefined", { a: undefined }],
    ["a bigint", { a: 1n }],
    ["bytes", { a: new Uint8Array(2) }],
    ["a Date (toJSON)", new Date(0)],
    ["a string", "x"],
  ])("leaves %s to the generic path", (_, record) => {
    expect(canonicalFlatJson(record)).toBeUndefined();
  });
});
