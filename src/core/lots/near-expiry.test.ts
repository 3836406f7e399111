import { describe, expect, it } from "vitest";
import { isExpired } from "./expiry.ts";
import {
  expiryStatus,
  type NearExpiryRule,
  parseCategoryRules,
  parseNearExpiryRule,
  policyHorizonDays,
  ruleFor,
  ruleKey,
  warningDays,
} from "./near-expiry.ts";

const table: NearExpiryRule = { kind: "table" };

describe("near-expiry rules", () => {
  it.each([
    ["days:7", { kind: "days", days: 7 }],
    ["fraction:0.2", { kind: "fraction", fraction: 0.2 }],
    [" TABLE ", { kind: "table" }],
    ["days:-1", undefined],
    ["fraction:0", undefined],
    ["fraction:1.5", undefined],
    ["weeks:2", undefined],
  ])("reads %s", (text, rule) => {
    expect(parseNearExpiryRule(text)).toEqual(rule);
  });

  it("reads category rules and names the bad entry", () => {
    expect(parseCategoryRules("dairy=days:3, meat=fraction:0.3")).toEqual({
      dairy: { kind: "days", days: 3 },
      meat: { kind: "fraction", fraction: 0.3 },
    });
    expect(parseCategoryRules("dairy=days:3,meat")).toContain("'meat'");
  });

  it.each([
    [730, 45],
    [365, 45],
    [364, 20],
    [180, 20],
    [90, 15],
    [30, 10],
    [16, 5],
    [7, 2],
  ])("grades a shelf life of %d days to a %d-day window (商务部 2012)", (shelf, days) => {
    expect(warningDays(table, shelf)).toBe(days);
  });

  it("gives a category its own rule, else its parent's, else the platform's", () => {
    const policy = { default: table, byCategory: { dairy: { kind: "days", days: 3 } as const } };
    expect(ruleKey(ruleFor(policy, "dairy/liquid-milk", "dairy"))).toBe("days:3");
    expect(ruleKey(ruleFor(policy, "meat/pork", "meat"))).toBe("table");
    expect(policyHorizonDays(policy)).toBe(45);
    expect(policyHorizonDays({ default: { kind: "fraction", fraction: 0.1 }, byCategory: {} })).toBe(110);
  });
});

describe("a lot's expiry status", () => {
  // Milk: 7 days of shelf life from 11-01, good through 11-07.
  const milk = { productionDate: "2026-11-01", expiryDate: "2026-11-07" };
  it.each([
    ["2026-11-04", "ok", 3],
    ["2026-11-06", "near-expiry", 1],
    ["2026-11-07", "near-expiry", 0],
    ["2026-11-08", "expired", -1],
  ])("on %s it is %s with %d days left (table: 2-day window)", (today, status, left) => {
    expect(expiryStatus(milk, today, table)).toEqual({ status, daysLeft: left });
    expect(isExpired(milk.expiryDate, today)).toBe(status === "expired");
  });

  it("uses the fraction of shelf life left", () => {
    const rice = { productionDate: "2026-01-01", expiryDate: "2026-12-31" }; // 365 days
    const rule = { kind: "fraction", fraction: 0.1 } as const; // the last 37 days
    expect(expiryStatus(rice, "2026-11-24", rule).status).toBe("ok");
    expect(expiryStatus(rice, "2026-11-25", rule).status).toBe("near-expiry");
  });

  it("never warns about a lot without an expiry date", () => {
    expect(expiryStatus({ productionDate: "2026-01-01", expiryDate: null }, "2030-01-01", table)).toEqual({
      status: "ok",
      daysLeft: null,
    });
  });
});
