import { describe, expect, it } from "vitest";
import type { AppError } from "../../core/errors.ts";
import type { LabelData } from "./label-data.ts";
import { resolveLabel } from "./resolve-label.ts";

const opts = { digitalLinkBase: "https://trace.test", referenceYear: 2026 };
const at = "/labels/0";

describe("resolveLabel", () => {
  it("takes lot and dates from the trace code when the caller gives none", () => {
    const label = resolveLabel(
      { traceCode: "(01)09520123456788(11)260115(15)260700(10)L1", productName: " 大米 " },
      at,
      opts,
    );
    expect(label).toMatchObject({
      productName: "大米",
      lot: "L1",
      productionDate: "2026-01-15",
      expiryDate: "2026-07-31",
      spec: undefined,
    });
  });

  it("prefers the expiration date (17) to best before (15)", () => {
    const label = resolveLabel(
      { traceCode: "(01)09520123456788(15)260601(17)260701(10)L1", productName: "大米" },
      at,
      opts,
    );
    expect(label.expiryDate).toBe("2026-07-01");
  });

  it.each<[Partial<LabelData>, string, RegExp]>([
    [{ productName: "  " }, "/labels/0/productName", /empty/],
    [{ traceCode: "https://trace.test/01/09520123456788/21/1" }, "/labels/0/lot", /required/],
    [{ lot: "L2" }, "/labels/0/lot", /differs from 'L1'/],
    [{ expiryDate: "2026-12-01" }, "/labels/0/expiryDate", /differs from '2026-12-31'/],
    [{ productionDate: "15/01/2026" }, "/labels/0/productionDate", /YYYY-MM-DD/],
    [{ traceCode: "(01)09520123456788(10)L1" }, "/labels/0/expiryDate", /required/],
  ])("refuses %j at %s", (override, pointer, detail) => {
    const data = { traceCode: "(01)09520123456788(10)L1(17)261231", productName: "大米", ...override };
    let error: AppError | undefined;
    try {
      resolveLabel(data, at, opts);
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.pointer).toBe(pointer);
    expect(error?.message).toMatch(detail);
  });
});
