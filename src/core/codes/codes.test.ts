import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCset82, verifyPlatformCode } from "../gs1/index.ts";
import { chinaDate } from "./calendar-day.ts";
import { composeGtin14, gtinCapacity } from "./gtin-issuance.ts";
import { composeLotCode, isValidLotCode } from "./lot-code.ts";
import { composePartyCode, isPartyCode } from "./party-code.ts";
import { serialFromRandom } from "./serial-number.ts";
import { composeTraceNumber, describeTraceNumber, TRACE_SEQUENCE_MAX } from "./trace-number.ts";

describe("platform trace numbers", () => {
  it("carry region, issue date and sequence, closed by a valid check pair", () => {
    const code = composeTraceNumber({ regionCode: "350102", issuedOn: "2026-11-23", sequence: 1679615 });
    expect(code).toMatch(/^350102261123ZZZZ[0-9A-Z]{2}$/);
    expect(verifyPlatformCode(code)).toBe(true);
    expect(describeTraceNumber(code)).toEqual({ regionCode: "350102", issuedOn: "2026-11-23", sequence: 1679615 });
  });

  it("round-trip and stay 18-20 characters of CSET 82 for every sequence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TRACE_SEQUENCE_MAX }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (seq, d) => {
          const issuedOn = d.toISOString().slice(0, 10);
          const code = composeTraceNumber({ regionCode: "330106", issuedOn, sequence: seq });
          expect(code.length).toBeGreaterThanOrEqual(18);
          expect(code.length).toBeLessThanOrEqual(20);
          expect(isCset82(code)).toBe(true);
          expect(describeTraceNumber(code)).toEqual({ regionCode: "330106", issuedOn, sequence: seq });
        },
      ),
    );
  });

  it("catch a single mistyped character", () => {
    const code = composeTraceNumber({ regionCode: "350102", issuedOn: "2026-11-23", sequence: 7 });
    for (let i = 0; i < code.length; i++) {
      const typo = code.slice(0, i) + (code[i] === "7" ? "1" : "7") + code.slice(i + 1);
      expect(describeTraceNumber(typo), typo).toBeUndefined();
    }
  });

  it("refuse an exhausted sequence instead of colliding", () => {
    expect(() =>
      composeTraceNumber({ regionCode: "350102", issuedOn: "2026-11-23", sequence: TRACE_SEQUENCE_MAX + 1 }),
    ).toThrow(/exhausted/);
  });
});

describe("other issued codes", () => {
  it("party codes are 16 characters with a check pair", () => {
    const code = composePartyCode("350121", 1);
    expect(code).toHaveLength(16);
    expect(isPartyCode(code)).toBe(true);
  });

  it("lot codes keep to [0-9A-Z-]{1,20}", () => {
    expect(composeLotCode("2026-11-23", 1)).toBe("261123-001");
    expect(isValidLotCode("261123-001")).toBe(true);
    for (const bad of ["", "批号1", "A B", "a1", "X".repeat(21)]) expect(isValidLotCode(bad)).toBe(false);
  });

  it("GTINs from a company prefix have a valid check digit and respect capacity", () => {
    // Check digit by hand: 3·5 + 4 + 3·3 + 2 + 3·1 + 3·9 + 6 = 66 → 4.
    expect(composeGtin14("6901234", 5)).toBe("06901234000054");
    expect(gtinCapacity("6901234")).toBe(100000);
    expect(() => composeGtin14("6901234", 100000)).toThrow(/does not fit/);
  });

  it("serials are uniform over 0-9A-Z and skip biased bytes", () => {
    expect(serialFromRandom(Uint8Array.from([0, 35, 36, 252, 255, 71]), 4)).toBe("0Z0Z");
    expect(serialFromRandom(Uint8Array.from([1, 2]), 4)).toBeUndefined();
  });

  it("count days in China Standard Time", () => {
    expect(chinaDate(Date.UTC(2026, 10, 22, 16, 30))).toBe("2026-11-23");
    expect(chinaDate(Date.UTC(2026, 10, 22, 15, 59))).toBe("2026-11-22");
  });
});
