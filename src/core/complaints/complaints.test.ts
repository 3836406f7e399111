import { describe, expect, it } from "vitest";
import type { AppError } from "../errors.ts";
import { validateComplaint } from "./complaint.ts";
import { checkFormSubmission, FormTokenIssuer, issueFormToken, WindowLimiter } from "./spam-guard.ts";

const secret = new Uint8Array(32).fill(1);

describe("complaint form checks", () => {
  const t0 = 1_800_000_000_000;
  const token = issueFormToken(secret, t0);
  it.each([
    [token, "", t0 + 5_000, "ok"],
    [token, undefined, t0 + 5_000, "ok"],
    [token, "x", t0 + 5_000, "honeypot"],
    [token, "", t0 + 1_000, "too-fast"],
    [token, "", t0 + 3 * 3600_000, "expired"],
    [issueFormToken(new Uint8Array(32), t0), "", t0 + 5_000, "bad-token"],
    [`${t0 - 60_000}.${token.split(".")[1]}`, "", t0 + 5_000, "bad-token"],
    ["", "", t0, "bad-token"],
  ] as const)("%s / honeypot %s → %s", (tok, hp, now, expected) => {
    expect(checkFormSubmission(secret, tok, hp, now)).toBe(expected);
  });

  it("issues one token a second that the check accepts, and a new one the next second", () => {
    const issuer = new FormTokenIssuer(secret);
    const a = issuer.at(t0 + 250);
    expect(issuer.at(t0 + 999)).toBe(a);
    expect(issuer.bytesAt(t0 + 999).toString()).toBe(a);
    expect(issuer.at(t0 + 1_000)).not.toBe(a);
    expect(checkFormSubmission(secret, a, "", t0 + 250 + 5_000)).toBe("ok");
    // Rounding down shortens the minimal fill time by under a second, never more.
    expect(checkFormSubmission(secret, a, "", t0 + 250 + 2_000)).toBe("too-fast");
  });

  it("limits each key within its window", () => {
    const l = new WindowLimiter(2, 1000);
    expect([l.allow("a", 0), l.allow("a", 10), l.allow("a", 20), l.allow("b", 20), l.allow("a", 1000)]).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
  });

  it("validates the complaint and points at each bad field", () => {
    expect(
      validateComplaint({
        code: " x ",
        category: "quality",
        description: "  包装破损有异味，已变质  ",
        contactPhone: "0591-87000000",
      }),
    ).toEqual({
      code: "x",
      category: "quality",
      description: "包装破损有异味，已变质",
      contactName: null,
      contactPhone: "0591-87000000",
      lang: "zh-CN",
    });
    try {
      validateComplaint({ code: "x", category: "nope", description: "短", contactPhone: "123" });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).errors.map((x) => x.pointer)).toEqual([
        "/body/category",
        "/body/description",
        "/body/contactPhone",
      ]);
    }
  });
});
