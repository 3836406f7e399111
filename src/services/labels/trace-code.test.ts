import { describe, expect, it } from "vitest";
import { resolveTraceCode } from "./trace-code.ts";

describe("resolveTraceCode", () => {
  it.each([
    [
      "https://id.gs1.org/01/09520123456788/10/ABC123?17=261231",
      "https://id.gs1.org/01/09520123456788/10/ABC123?17=261231",
      "(01)09520123456788(10)ABC123(17)261231",
    ],
    [
      "(01)09520123456788(17)261231(10)ABC123",
      "https://trace.test/01/09520123456788/10/ABC123?17=261231",
      "(01)09520123456788(17)261231(10)ABC123",
    ],
    [
      " https://trace.test/01/09520123456788/21/SN%2F1 ",
      "https://trace.test/01/09520123456788/21/SN%2F1",
      "(01)09520123456788(21)SN/1",
    ],
    ["https://trace.test/t/ABC123DEF456GHX5", "https://trace.test/t/ABC123DEF456GHX5", "ABC123DEF456GHX5"],
  ])("reads %s as QR text %s and human-readable %s", (input, uri, hri) => {
    const code = resolveTraceCode(input, "https://trace.test");
    expect(code.ok && { uri: code.value.uri, hri: code.value.hri }).toEqual({ uri, hri });
  });

  it.each([
    ["", "unrecognised-code"],
    ["urn:epc:id:sgtin:952012.345678.1", "unrecognised-code"],
    ["https://trace.test/t/abc123def456ghx5", "bad-platform-code"],
    ["https://trace.test/01/0952012345678", "value-too-short"],
    ["https://trace.test/01/09520123456789", "invalid-value"],
    ["(01)09520123456788(10)", "malformed"],
  ])("refuses %j with %s", (input, code) => {
    const result = resolveTraceCode(input);
    expect(result.ok ? "ok" : result.error.code).toBe(code);
  });
});
