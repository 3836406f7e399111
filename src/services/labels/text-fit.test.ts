import { describe, expect, it } from "vitest";
import { fitLine, MM_PER_PT, textWidthMm, wrapLines } from "./text-fit.ts";

describe("text fitting", () => {
  it("measures CJK at one em and ASCII from the font's widths", () => {
    expect(textWidthMm("大米", 10, "regular")).toBeCloseTo(2 * 10 * MM_PER_PT);
    expect(textWidthMm("0", 10, "regular")).toBeCloseTo(0.555 * 10 * MM_PER_PT);
    expect(textWidthMm("0", 10, "bold")).toBeGreaterThan(textWidthMm("0", 10, "regular"));
  });

  it.each([
    ["五常有机大米", 30, "五常有机大米"],
    ["五常有机大米稻花香二号精选", 20, "五常有机…"],
    ["Organic rice", 100, "Organic rice"],
  ])("fits %s into %d mm as %s", (text, mm, expected) => {
    const line = fitLine(text, mm, 10, "regular");
    expect(line).toBe(expected);
    expect(textWidthMm(line, 10, "regular")).toBeLessThanOrEqual(mm);
  });

  // 10 pt is 3.53 mm a character: five fit in 20 mm, four and the ellipsis when the text goes on.
  it("wraps Chinese anywhere and Latin at spaces, truncating the last line", () => {
    expect(wrapLines("五常有机大米稻花香二号精选特级", 20, 10, "bold", 2)).toEqual(["五常有机大", "米稻花香…"]);
    expect(wrapLines("Organic Wuchang rice, premium grade", 40, 10, "bold", 2)).toEqual([
      "Organic Wuchang rice,",
      "premium grade",
    ]);
    expect(wrapLines("Organic Wuchang rice, premium grade", 30, 10, "bold", 2)).toEqual(["Organic", "Wuchang rice,…"]);
    expect(wrapLines("短名", 20, 10, "bold", 2)).toEqual(["短名"]);
  });
});
