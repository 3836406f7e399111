import { describe, expect, it } from "vitest";
import { checkCreditCode, creditCodeCheckCharacter, normaliseCreditCode } from "./credit-code.ts";

describe("GB 32100 credit code", () => {
  // The worked example of GB 32100-2015 Annex B.
  it.each(["91350100M000100Y43"])("accepts the standard's example %s", (code) => {
    expect(checkCreditCode(code)).toBeUndefined();
  });

  it.each([
    ["91350100M000100Y4", "length"],
    ["91350100M000100Y4I", "character"],
    ["91350100M000100Y44", "check"],
    ["91ABCDEFM000100Y43", "region"],
  ])("rejects %s as %s", (code, kind) => {
    expect(checkCreditCode(code)?.kind).toBe(kind);
  });

  it("names the expected check character", () => {
    expect(checkCreditCode("91350100M000100Y44")).toEqual({ kind: "check", expected: "3", actual: "4" });
  });

  it("computes check characters that validate", () => {
    for (const base of ["91350102MA2XYW001", "92350103L00000001", "12100000400000000"]) {
      const check = creditCodeCheckCharacter(base);
      expect(check).toBeDefined();
      expect(checkCreditCode(base + check)).toBeUndefined();
    }
  });

  it("normalises full-width and lower-case input", () => {
    expect(normaliseCreditCode("９１３５０１００m000100y43 ")).toBe("91350100M000100Y43");
  });
});
