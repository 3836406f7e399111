import { describe, expect, it } from "vitest";
import { gs1DateToIso, isIsoDate } from "./gs1-date.ts";

describe("GS1 dates", () => {
  it.each([
    ["261231", 2026, "2026-12-31"],
    ["260200", 2026, "2026-02-28"],
    ["240200", 2026, "2024-02-29"],
    ["761231", 2026, "2076-12-31"],
    ["771231", 2026, "1977-12-31"],
    ["010101", 2099, "2101-01-01"],
    ["261331", 2026, undefined],
    ["260230", 2026, undefined],
    ["26123", 2026, undefined],
  ])("%s (in %d) is %s", (yymmdd, year, iso) => {
    expect(gs1DateToIso(yymmdd, year)).toBe(iso);
  });

  it.each([
    ["2026-01-31", true],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["2026-1-31", false],
    ["2026-13-01", false],
  ])("%s is a date: %s", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});
