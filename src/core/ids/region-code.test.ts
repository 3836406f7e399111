import { describe, expect, it } from "vitest";
import { buildRegionDirectory, isWithinRegion, regionLevel, regionPrefix } from "./region-code.ts";

describe("GB/T 2260 region codes", () => {
  it.each([
    ["350000", "province", "35"],
    ["350100", "prefecture", "3501"],
    ["350102", "county", "350102"],
  ])("%s is a %s with prefix %s", (code, level, prefix) => {
    expect(regionLevel(code)).toBe(level);
    expect(regionPrefix(code)).toBe(prefix);
  });

  it.each([
    ["350000", "350102", true],
    ["350100", "350102", true],
    ["350100", "350203", false],
    ["350102", "350102", true],
    ["350102", "350103", false],
    ["330000", "350102", false],
  ])("scope %s contains %s: %s", (scope, code, expected) => {
    expect(isWithinRegion(scope, code)).toBe(expected);
  });

  it("builds a directory with paths", () => {
    const dir = buildRegionDirectory([
      { code: "350000", name: "福建省" },
      { code: "350100", name: "福州市" },
      { code: "350102", name: "鼓楼区" },
      { code: "bad", name: "ignored" },
    ]);
    expect(dir.size).toBe(3);
    expect(dir.path("350102").map((r) => r.name)).toEqual(["福建省", "福州市", "鼓楼区"]);
    expect(dir.get("350103")).toBeUndefined();
  });
});
