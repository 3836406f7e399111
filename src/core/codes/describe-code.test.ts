import { describe, expect, it } from "vitest";
import { describeCode } from "./describe-code.ts";
import { composeTraceNumber } from "./trace-number.ts";

const opts = { resolverBase: "https://trace.example.cn" };

describe("describing a code in every form", () => {
  it.each([
    "(01)09520123456788(10)ABC123",
    "0109520123456788\u001d10ABC123",
    "]d20109520123456788\u001d10ABC123",
    "HTTPS://ID.GS1.ORG/01/09520123456788/10/ABC123",
  ])("reads %j as GTIN + lot with its Digital Link and EPC class", (text) => {
    const d = describeCode(text, opts);
    expect(d).toMatchObject({
      valid: true,
      elementString: "(01)09520123456788(10)ABC123",
      digitalLink: "https://trace.example.cn/01/09520123456788/10/ABC123",
      epc: "urn:epc:class:lgtin:9520123.045678.ABC123",
    });
  });

  it("recognises the platform's own trace numbers and says what they carry", () => {
    const code = composeTraceNumber({ regionCode: "350102", issuedOn: "2026-11-23", sequence: 42 });
    expect(describeCode(`https://trace.example.cn/t/${code}`, opts)).toEqual({
      valid: true,
      kind: "platformTrace",
      platformCode: { code, regionCode: "350102", issuedOn: "2026-11-23" },
      url: `https://trace.example.cn/t/${code}`,
    });
    const typo = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
    expect(describeCode(`https://trace.example.cn/t/${typo}`, opts)).toMatchObject({
      valid: false,
      error: { code: "check-pair" },
    });
  });

  it("recognises its own codes on a resolver with a port, as in development", () => {
    const code = composeTraceNumber({ regionCode: "350102", issuedOn: "2026-11-23", sequence: 1 });
    expect(describeCode(`http://localhost:8080/t/${code}`, { resolverBase: "http://localhost:8080" })).toMatchObject({
      kind: "platformTrace",
    });
  });

  it("says the lot is missing for a bare EAN-13", () => {
    expect(describeCode("9520123456788", opts)).toMatchObject({
      valid: true,
      kind: "gtinOnly",
      note: expect.stringMatching(/lot/),
    });
  });

  it("names the AI and position of a wrong check digit", () => {
    const d = describeCode("(01)09520123456789(10)ABC", opts);
    expect(d.valid).toBe(false);
    if (!d.valid) expect(d.error).toMatchObject({ ai: "01" });
  });
});
