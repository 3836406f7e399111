import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatBracketed } from "./ai-element.ts";
import { checkPair } from "./check-pair.ts";
import { closePlatformCode, verifyPlatformCode } from "./platform-code.ts";
import { normaliseScan } from "./scan-input.ts";

const opts = { resolverHosts: ["trace.example.gov.cn"] };
const code = closePlatformCode("SY2026A0000001") as string;

function summary(text: string): string {
  const r = normaliseScan(text, opts);
  if (!r.ok) return `error:${r.error.code}`;
  const v = r.value;
  switch (v.kind) {
    case "digitalLink":
    case "elementString":
      return `${v.kind}:${formatBracketed(v.elements)}`;
    case "platformTrace":
    case "platformParty":
      return `${v.kind}:${v.code}:${v.checkPairValid}`;
    case "gtinOnly":
      return `gtinOnly:${v.gtin}`;
    case "foreign":
      return `foreign:${v.url}`;
  }
}

describe("normaliseScan", () => {
  it.each([
    ["https://id.gs1.org/01/09520123456788/10/ABC123", "digitalLink:(01)09520123456788(10)ABC123"],
    ["HTTPS://Brand.Example.COM/01/09520123456788/10/L1?17=261231", "digitalLink:(01)09520123456788(10)L1(17)261231"],
    ["hTTp://x.cn/01/09520123456788/10/L1", "digitalLink:(01)09520123456788(10)L1"],
    [`https://trace.example.gov.cn/t/${code}`, `platformTrace:${code}:true`],
    [`HTTPS://TRACE.EXAMPLE.GOV.CN:443/p/${code.toLowerCase()}?x=1`, `platformParty:${code}:true`],
    ["https://trace.example.gov.cn/t/SY2026A0000001ZZ", "platformTrace:SY2026A0000001ZZ:false"],
    ["]Q1https://id.gs1.org/01/09520123456788/10/ABC123", "digitalLink:(01)09520123456788(10)ABC123"],
    ["]d20109520123456788\u001d10ABC123\u001d17261231", "elementString:(01)09520123456788(10)ABC123(17)261231"],
    ["]C1010952012345678810ABC123\r\n", "elementString:(01)09520123456788(10)ABC123"],
    ["]e0010952012345678810ABC123", "elementString:(01)09520123456788(10)ABC123"],
    ["]Q3010952012345678810ABC123", "elementString:(01)09520123456788(10)ABC123"],
    ["]E09520123456788", "gtinOnly:09520123456788"],
    ["010952012345678810LOT7\u001d17261231", "elementString:(01)09520123456788(10)LOT7(17)261231"],
    [" (01)09520123456788(10)ABC123 ", "elementString:(01)09520123456788(10)ABC123"],
    ["9520123456788", "gtinOnly:09520123456788"],
    ["02345673", "gtinOnly:00000002345673"],
    ["9520123456789", "error:invalid-value"],
    ["https://weixin.qq.com/r/abc", "foreign:https://weixin.qq.com/r/abc"],
    ["weixin://dl/business/?t=abc", "foreign:weixin://dl/business/?t=abc"],
    ["https://id.gs1.org/01/09520123456789/10/X", "error:invalid-value"],
    ["hello", "error:scan-unrecognised"],
    ["]X", "error:scan-no-symbology"],
  ])("%j", (text, expected) => {
    expect(summary(text)).toBe(expected);
  });

  it("never throws (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `]Q3${s}`),
        ),
        (s) => {
          expect(typeof normaliseScan(s, opts).ok).toBe("boolean");
        },
      ),
    );
  });
});

describe("platform codes (AI 8013 check pair)", () => {
  it("closes and verifies", () => {
    expect(code).toHaveLength(16);
    expect(verifyPlatformCode(code)).toBe(true);
    expect(verifyPlatformCode(`${code.slice(0, -1)}${code.endsWith("2") ? "3" : "2"}`)).toBe(false);
    expect(verifyPlatformCode("SHORT")).toBe(false);
  });

  it("catches any single substitution (property)", () => {
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const body = fc.stringMatching(/^[0-9A-Z]{14,18}$/);
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (b, at, by) => {
        const good = `${b}${checkPair(b)}`;
        expect(verifyPlatformCode(good)).toBe(true);
        const i = at % b.length;
        const replacement = alphabet[(alphabet.indexOf(b[i] as string) + 1 + (by % 35)) % 36] as string;
        const bad = `${b.slice(0, i)}${replacement}${b.slice(i + 1)}${checkPair(b)}`;
        expect(verifyPlatformCode(bad)).toBe(false);
      }),
    );
  });
});
