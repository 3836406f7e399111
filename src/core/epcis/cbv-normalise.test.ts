import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HASH_DIR } from "../../../test/conformance/epcis-hash-vectors.ts";
import { cbvShortName, isCbvValue, normaliseCbvValue, parseCbvValue } from "./cbv-normalise.ts";
import { type CbvVocabularyKind, cbvVocabularies } from "./cbv-vocabulary.ts";

describe("CBV vocabulary", () => {
  it.each([
    ["bizStep", "shipping"],
    ["bizStep", "https://ref.gs1.org/cbv/BizStep-shipping"],
    ["bizStep", "urn:epcglobal:cbv:bizstep:shipping"],
    ["bizStep", "cbv:BizStep-shipping"],
  ] as const)("reads %s %s", (kind, value) => {
    expect(parseCbvValue(kind, value)).toEqual({
      kind,
      shortName: "shipping",
      webUri: "https://ref.gs1.org/cbv/BizStep-shipping",
      urn: "urn:epcglobal:cbv:bizstep:shipping",
    });
  });

  it.each([
    ["disposition", "urn:epcglobal:cbv:disp:in_transit", "https://ref.gs1.org/cbv/Disp-in_transit"],
    ["bizTransactionType", "po", "https://ref.gs1.org/cbv/BTT-po"],
    ["sourceDestType", "urn:epcglobal:cbv:sdt:owning_party", "https://ref.gs1.org/cbv/SDT-owning_party"],
    ["errorReason", "incorrect_data", "https://ref.gs1.org/cbv/ER-incorrect_data"],
    [
      "bizStep",
      "http://epcis.example.com/user/vocab/bizstep/exampling",
      "http://epcis.example.com/user/vocab/bizstep/exampling",
    ],
    ["bizStep", "urn:epcglobal:cbv:bizstep:flying", "urn:epcglobal:cbv:bizstep:flying"],
  ] as const)("normalises %s %s", (kind, value, expected) => {
    expect(normaliseCbvValue(kind, value)).toBe(expected);
  });

  it("gives short names back and leaves private values alone", () => {
    expect(cbvShortName("disposition", "https://ref.gs1.org/cbv/Disp-recalled")).toBe("recalled");
    expect(cbvShortName("bizStep", "https://example.com/bizstep/x")).toBe("https://example.com/bizstep/x");
    expect(isCbvValue("bizStep", "recalled")).toBe(false);
    expect(isCbvValue("disposition", "recalled")).toBe(true);
  });

  // The lists agree with the EPCIS 2.0.0 JSON-LD context, which maps each short name to its web URI.
  it("matches the terms of the standard JSON-LD context", () => {
    const file = join(HASH_DIR, "contexts", "ref.gs1.org_standards_epcis_2.0.0_epcis-context.jsonld");
    const ctx = (JSON.parse(readFileSync(file, "utf8")) as { "@context": unknown })["@context"];
    // The term names of the scoped context found by following `path` (each step into a term's "@context").
    const terms = (...path: string[]): string[] => {
      let scope: unknown = ctx;
      for (const key of path) scope = (scope as Record<string, Record<string, unknown>>)[key]?.["@context"];
      return (Array.isArray(scope) ? scope : [scope]).flatMap((c: Record<string, unknown>) =>
        Object.entries(c)
          .filter(([k, v]) => !k.startsWith("@") && typeof v === "string")
          .map(([k]) => k),
      );
    };
    const fromContext: Record<CbvVocabularyKind, string[]> = {
      bizStep: terms("bizStep"),
      disposition: terms("disposition"),
      bizTransactionType: terms("bizTransactionList", "type"),
      sourceDestType: terms("sourceList", "type"),
      errorReason: terms("errorDeclaration", "reason"),
    };
    for (const [kind, names] of Object.entries(fromContext)) {
      expect([...cbvVocabularies[kind as CbvVocabularyKind].shortNames].sort()).toEqual([...names].sort());
    }
  });
});
