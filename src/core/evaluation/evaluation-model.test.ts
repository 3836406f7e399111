import { describe, expect, it } from "vitest";
import { codingRate, rankBonus, rankByCoded, scanningRate, weightedC } from "./evaluation-model.ts";

describe("the Zhejiang 2024 evaluation model", () => {
  it("computes the coding rate with β = 1 inside and 2 outside the district", () => {
    // 200 coded; 4 first-coded downstream although the district's upstream should have; 2 + 1 reported uncoded upstream.
    const i = { N: 200, a: 4, cInside: 2, cOutside: 1, f: 2 };
    expect(weightedC(i)).toBe(4);
    expect(codingRate(i)).toBe(102);
    expect(codingRate({ ...i, cInside: 0, cOutside: 0, f: 0 })).toBe(98);
    expect(codingRate({ ...i, N: 0 })).toBeNull();
  });

  it("computes the scanning rate from late confirmations and rejections", () => {
    expect(scanningRate({ N: 300, a: 6, c: 3, f: 1 })).toBe(98);
    expect(scanningRate({ N: 3, a: 1, c: 0, f: 0 })).toBe(66.67);
    expect(scanningRate({ N: 0, a: 0, c: 0, f: 0 })).toBeNull();
  });

  it("ranks districts by coded batches, ties sharing a rank, for the +2/+1 bonus", () => {
    const ranks = rankByCoded(
      new Map([
        ["350102", 50],
        ["350103", 80],
        ["350104", 50],
        ["350105", 10],
        ["350111", 0],
      ]),
    );
    expect(Object.fromEntries(ranks)).toEqual({ "350103": 1, "350102": 2, "350104": 2, "350105": 4 });
    expect([1, 10, 11, 20, 21].map(rankBonus)).toEqual([2, 2, 1, 1, 0]);
  });
});
