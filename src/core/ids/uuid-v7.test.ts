import { describe, expect, it } from "vitest";
import { uuidV7Generator } from "./uuid-v7.ts";

const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("UUIDv7 (RFC 9562 §5.7)", () => {
  it("carries version 7, variant 10 and the creation millisecond", () => {
    const id = uuidV7Generator(() => 0x0190_1234_5678)();
    expect(id).toMatch(shape);
    expect(id.replace(/-/g, "").slice(0, 12)).toBe("019012345678");
  });

  it("sorts by creation even for thousands of ids in one millisecond, and never repeats", () => {
    const next = uuidV7Generator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(shape);
    // 10,000 ids overflow the 12-bit counter: the timestamp moved on instead of wrapping.
    expect(ids.at(-1)?.replace(/-/g, "").slice(0, 12)).not.toBe(ids[0]?.replace(/-/g, "").slice(0, 12));
  });

  it("does not go backwards when the clock does", () => {
    let t = 2_000_000_000_000;
    const next = uuidV7Generator(() => t);
    const a = next();
    t -= 5_000;
    const b = next();
    expect(b > a).toBe(true);
  });
});
