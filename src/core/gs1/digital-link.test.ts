import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EngineVector, parseOptions, vectorsOfKind } from "../../../test/conformance/gs1-engine-vectors.ts";
import { formatBracketed, formatRaw } from "./ai-element.ts";
import { parseDigitalLink } from "./digital-link.ts";
import { buildDigitalLink, formatDigitalLink } from "./digital-link-build.ts";
import { parseBracketed, parseRaw } from "./element-string.ts";
import { uriEscape, uriUnescape } from "./percent-encoding.ts";

const CANONICAL = "https://id.gs1.org";

function dlOptions(v: EngineVector, unit: boolean) {
  return {
    ...parseOptions(v, unit),
    convenienceAlphas: v.opts?.permitConvenienceAlphas === true,
    zeroSuppressedGtin: v.opts?.permitZeroSuppressedGTINinDLuris === true,
    unknownAisAsAttributes: v.opts?.validateUnknownAInotDLattr === false,
  };
}

describe("Digital Link → element strings (dl_to_ai vectors)", () => {
  const vectors = vectorsOfKind("dl_to_ai");
  it(`passes all ${vectors.length}`, () => {
    const failures: string[] = [];
    for (const v of vectors) {
      const got = parseDigitalLink(v.input, dlOptions(v, true));
      const label = `${v.src} ${v.input}`;
      if (got.ok !== v.shouldSucceed)
        failures.push(`${label}: expected ${v.unitErr ?? "ok"}, got ${JSON.stringify(got)}`);
      else if (got.ok && formatRaw(got.value.elements) !== v.expect) {
        failures.push(`${label}: expected ${v.expect}, got ${formatRaw(got.value.elements)}`);
      }
      // Full validation (association rules on) against the engine's public API, where it read the URI as a DL.
      const api = v.api;
      if (!api || (api.ok && api.aiDataStr == null)) continue;
      // Documented skip: with convenience alphas the engine's public API returns garbled AIs ("(0112)…",
      // "AI (21A)"), an upstream bug not asserted by its tests; the unit expectations above are checked.
      if (v.opts?.permitConvenienceAlphas) continue;
      const full = parseDigitalLink(v.input, dlOptions(v, false));
      if (full.ok !== api.ok) failures.push(`${label}: api expected ${api.err ?? "ok"}, got ${JSON.stringify(full)}`);
      else if (full.ok) {
        if (formatBracketed(full.value.elements) !== api.aiDataStr) failures.push(`${label}: aiDataStr`);
        const canonical = formatDigitalLink(CANONICAL, full.value);
        if (api.dlUri && canonical !== api.dlUri) failures.push(`${label}: dlUri ${canonical} != ${api.dlUri}`);
      }
    }
    console.log(`dl_to_ai: ${vectors.length} vectors, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});

describe("element strings → Digital Link", () => {
  it("passes the ai_to_dl vectors", () => {
    const vectors = vectorsOfKind("ai_to_dl");
    const failures: string[] = [];
    for (const v of vectors) {
      const parsed = parseBracketed(v.input, parseOptions(v, true));
      const built = parsed.ok
        ? buildDigitalLink(v.stem ?? CANONICAL, parsed.value, {
            unknownAisAsAttributes: v.opts?.validateUnknownAInotDLattr === false,
          })
        : parsed;
      if (built.ok !== v.shouldSucceed || (built.ok && built.value !== v.expect)) {
        failures.push(`${v.src} ${v.input}: expected ${v.expect ?? v.unitErr}, got ${JSON.stringify(built)}`);
      }
    }
    console.log(`ai_to_dl: ${vectors.length} vectors, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });

  it("agrees with the engine's canonical URI for parsed element strings", () => {
    const vectors = [...vectorsOfKind("bracketed_to_raw"), ...vectorsOfKind("raw_process")];
    const failures: string[] = [];
    let checked = 0;
    for (const v of vectors) {
      const api = v.api;
      if (!api?.ok || (!api.dlUri && !api.dlUriErr) || !api.aiDataStr) continue;
      const parsed = v.input.startsWith("(") ? parseBracketed(v.input) : parseRaw(v.input);
      if (!parsed.ok) continue;
      checked++;
      const built = buildDigitalLink(CANONICAL, parsed.value);
      if (built.ok !== Boolean(api.dlUri) || (built.ok && built.value !== api.dlUri)) {
        failures.push(`${v.src} ${v.input}: expected ${api.dlUri ?? api.dlUriErr}, got ${JSON.stringify(built)}`);
      }
    }
    console.log(`canonical DL from element strings: ${checked} checked, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});

describe("percent-encoding (uri_escape / uri_unescape vectors)", () => {
  it.each([...vectorsOfKind("uri_escape"), ...vectorsOfKind("uri_unescape")].map((v) => [v.kind, v.input, v] as const))(
    "%s %j",
    (kind, input, v) => {
      const fn = kind === "uri_escape" ? uriEscape : uriUnescape;
      if (v.expectPath !== undefined) expect(fn(input, false)).toBe(v.expectPath);
      if (v.expectQuery !== undefined) expect(fn(input, true)).toBe(v.expectQuery);
    },
  );
});

describe("Digital Link behaviour", () => {
  it("keeps non-GS1 query parameters as ignored", () => {
    const r = parseDigitalLink("https://example.com/01/09520123456788/10/ABC?utm_source=x&17=261231&flag");
    expect(r.ok && r.value.ignoredParams).toEqual(["utm_source=x", "flag"]);
    expect(r.ok && formatBracketed(r.value.elements)).toBe("(01)09520123456788(10)ABC(17)261231");
  });

  it.each([
    ["wrong order", "https://e.com/01/09520123456788/21/S/10/L", "dl-key-qualifier-sequence"],
    ["duplicate", "https://e.com/01/09520123456788/10/L?10=L", "dl-duplicate-ai"],
    ["qualifier without key", "https://e.com/10/L", "dl-no-key"],
    ["bad check digit", "https://e.com/01/09520123456789", "invalid-value"],
    ["mixed-case scheme", "HtTpS://e.com/01/09520123456788", "dl-scheme"],
  ])("rejects %s", (_name, uri, code) => {
    const r = parseDigitalLink(uri);
    expect(r.ok ? "ok" : r.error.code).toBe(code);
  });

  it("accepts any scheme case when asked", () => {
    expect(parseDigitalLink("HtTpS://e.com/01/09520123456788", { anySchemeCase: true }).ok).toBe(true);
  });

  it("round-trips built URIs (property)", () => {
    const lot = fc.stringMatching(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/);
    const gtin = fc.stringMatching(/^[0-9]{13}$/).map((d) => d + checkDigit(d));
    fc.assert(
      fc.property(gtin, lot, lot, (g, l, s) => {
        const elements = [
          { ai: "01", value: g },
          { ai: "10", value: l },
          { ai: "21", value: s },
        ];
        const built = buildDigitalLink("https://brand.example/x", elements);
        expect(built.ok).toBe(true);
        const parsed = built.ok ? parseDigitalLink(built.value) : built;
        expect(parsed.ok && parsed.value.elements).toEqual(elements);
      }),
    );
  });

  it("never throws on random input (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (s) => {
        const r = parseDigitalLink(s);
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });
});

function checkDigit(d: string): string {
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += Number(d[d.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}
