import { describe, expect, it } from "vitest";
import { vectorsOfKind } from "../../../test/conformance/gs1-engine-vectors.ts";
import { processScanData } from "./scan-data.ts";
import { type GeneratedSymbology, generateScanData } from "./scan-data-generate.ts";

describe("scanner data in (scan_process vectors)", () => {
  const vectors = vectorsOfKind("scan_process");
  it.each(vectors.map((v) => [v.src, v] as const))("%s", (_src, v) => {
    const got = processScanData(v.input);
    expect(got.ok).toBe(v.shouldSucceed);
    if (got.ok) {
      expect(got.value.symbology).toBe(v.expectSym);
      expect(got.value.dataStr).toBe(v.expectDataStr);
    }
  });
});

describe("scanner data out (scan_generate vectors)", () => {
  const vectors = vectorsOfKind("scan_generate");
  it.each(vectors.map((v) => [v.src, v] as const))("%s", (_src, v) => {
    const got = v.sym === "NONE" ? undefined : generateScanData(v.sym as GeneratedSymbology, v.input);
    if (v.expect === null) expect(got?.ok ?? false).toBe(false);
    else expect(got).toEqual({ ok: true, value: v.expect });
  });
});
