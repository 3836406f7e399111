import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type EngineVector,
  markupSpan,
  parseOptions,
  vectorsOfKind,
} from "../../../test/conformance/gs1-engine-vectors.ts";
import { linterErrorName } from "../../../test/conformance/gs1-vectors.ts";
import { formatBracketed, formatHri, formatRaw } from "./ai-element.ts";
import { checkAssociations } from "./association-rules.ts";
import { withCheckDigit } from "./check-digit.ts";
import { parseBracketed, parseRaw } from "./element-string.ts";

function parseAny(v: EngineVector, unit: boolean) {
  const opts = parseOptions(v, unit);
  return v.input.startsWith("(") || v.api?.call === "setAIdataStr"
    ? parseBracketed(v.input, opts)
    : parseRaw(v.input, opts);
}

/** Full validation (the engine's public API) must agree on ok/error and on the normalised forms. */
function checkApi(v: EngineVector, failures: string[]): void {
  const api = v.api;
  if (!api || (api.call === "setDataStr" && !v.input.startsWith("^"))) return; // plain (non-GS1) data
  const got = parseAny(v, false);
  if (got.ok !== api.ok) {
    failures.push(`${v.src} api ${v.input}: expected ${api.ok ? "ok" : api.err}, got ${JSON.stringify(got)}`);
  } else if (got.ok) {
    if (api.aiDataStr && formatBracketed(got.value) !== api.aiDataStr) failures.push(`${v.src} aiDataStr`);
    if (api.call === "setAIdataStr" && api.dataStr && formatRaw(got.value) !== api.dataStr)
      failures.push(`${v.src} dataStr ${formatRaw(got.value)}`);
    if (api.hri && JSON.stringify(formatHri(got.value)) !== JSON.stringify(api.hri)) failures.push(`${v.src} hri`);
  }
}

describe.each(["bracketed_to_raw", "raw_process", "ai_association", "ai_linter", "err_markup"])(
  "%s vectors",
  (kind) => {
    const vectors = vectorsOfKind(kind);

    it(`passes all ${vectors.length}`, () => {
      const failures: string[] = [];
      for (const v of vectors) {
        const unit = kind !== "ai_association" && kind !== "err_markup" && kind !== "ai_linter";
        const got = parseAny(v, unit);
        const label = `${v.src} ${JSON.stringify(v.input).slice(0, 80)}`;
        if (kind === "ai_linter") {
          const wantOk = v.expectLinterErr === "GS1_LINTER_OK";
          if (wantOk !== got.ok) failures.push(`${label}: expected ${v.expectLinterErr}, got ${JSON.stringify(got)}`);
          else if (!got.ok) {
            const want = {
              linterError: linterErrorName(v.expectLinterErr ?? ""),
              ...markupSpan(v.api?.errMarkup ?? ""),
            };
            const e = got.error;
            const have = { linterError: e.linterError, ai: e.ai, valueOffset: e.valueOffset, length: e.length };
            if (
              JSON.stringify(have) !==
              JSON.stringify({
                linterError: want.linterError,
                ai: want.ai,
                valueOffset: want.valueOffset,
                length: want.length,
              })
            ) {
              failures.push(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
            }
          }
        } else if (kind === "err_markup") {
          const want = markupSpan(v.expectErrMarkup ?? "");
          const e = got.ok ? undefined : got.error;
          if (!e || e.ai !== want.ai || e.valueOffset !== want.valueOffset || e.length !== want.length) {
            failures.push(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
          }
        } else if (v.shouldSucceed !== got.ok) {
          failures.push(`${label}: expected ${v.shouldSucceed ? "ok" : v.unitErr}, got ${JSON.stringify(got)}`);
        } else if (got.ok && v.expect && formatRaw(got.value) !== v.expect) {
          failures.push(`${label}: expected ${v.expect}, got ${formatRaw(got.value)}`);
        }
        checkApi(v, failures);
      }
      console.log(`${kind}: ${vectors.length} vectors, ${failures.length} failures`);
      expect(failures).toEqual([]);
    });
  },
);

describe("element strings", () => {
  it.each([
    ["(01)09520123456788(10)ABC123", "^010952012345678810ABC123"],
    ["(10)A\\(B(01)09520123456788", "^10A(B^0109520123456788"],
    ["(01)09520123456788(17)261231(10)L1", "^01095201234567881726123110L1"],
  ])("round-trips %s", (bracketed, raw) => {
    const parsed = parseBracketed(bracketed);
    expect(parsed.ok && formatRaw(parsed.value)).toBe(raw);
    const back = parseRaw(raw);
    expect(back.ok && formatBracketed(back.value)).toBe(bracketed);
  });

  it("reports the AI and the position of a bad check digit", () => {
    const r = parseBracketed("(01)09520123456789(10)X");
    expect(r).toMatchObject({ ok: false, error: { code: "invalid-value", ai: "01", position: 17, valueOffset: 13 } });
  });

  it("checks associations on the whole set", () => {
    expect(checkAssociations([{ ai: "10", value: "A" }])?.code).toBe("required-ai-missing");
  });
});

describe("element string properties", () => {
  const cset82 = fc.stringMatching(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/);
  const gtin = fc.stringMatching(/^[0-9]{13}$/).map(withCheckDigit);
  const date = fc
    .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(2, 10).replaceAll("-", ""));

  it("format → parse round-trips (bracketed and raw)", () => {
    fc.assert(
      fc.property(gtin, cset82, date, cset82, (g, lot, expiry, serial) => {
        const elements = [
          { ai: "01", value: g },
          { ai: "10", value: lot },
          { ai: "17", value: expiry },
          { ai: "21", value: serial },
        ];
        expect(parseBracketed(formatBracketed(elements))).toEqual({ ok: true, value: elements });
        expect(parseRaw(formatRaw(elements))).toEqual({ ok: true, value: elements });
      }),
    );
  });

  it("random text parses or returns a typed error, never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const r of [parseBracketed(s), parseRaw(s), parseBracketed(`(01)${s}`), parseRaw(`^01${s}`)]) {
          if (!r.ok) expect(typeof r.error.code).toBe("string");
        }
      }),
    );
  });
});
