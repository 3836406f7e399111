import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatBracketed } from "./ai-element.ts";
import { withCheckDigit } from "./check-digit.ts";
import { parseBracketed } from "./element-string.ts";
import { digitalLinkToEpcUri, epcUriToDigitalLink } from "./epc-digital-link.ts";
import { elementsToEpcUri, epcUriToElements } from "./epc-urn.ts";

/** Examples in the style of GS1 EPC TDS 2.x §6.3 (GCP 0614141, i.e. length 7, unless noted). */
const EXAMPLES: readonly (readonly [string, string, number])[] = [
  ["(01)80614141123458(21)6789", "urn:epc:id:sgtin:0614141.812345.6789", 7],
  ["(01)80614141123458(21)A%2FB", "urn:epc:id:sgtin:0614141.812345.A%252FB", 7],
  ["(01)04012345123456(10)998877", "urn:epc:class:lgtin:4012345.012345.998877", 7],
  ["(01)06901234567892(10)2026A01", "urn:epc:class:lgtin:69012345.06789.2026A01", 8],
  ["(00)106141412345678908", "urn:epc:id:sscc:0614141.1234567890", 7],
  ["(414)0614141123452(254)400", "urn:epc:id:sgln:0614141.12345.400", 7],
  ["(414)0614141123452", "urn:epc:id:sgln:0614141.12345.0", 7],
  ["(417)0614141123452", "urn:epc:id:pgln:0614141.12345", 7],
  ["(8003)00614141123452400", "urn:epc:id:grai:0614141.12345.400", 7],
  ["(8004)061414112345400", "urn:epc:id:giai:0614141.12345400", 7],
];

describe("EPC URIs", () => {
  it.each(EXAMPLES)("%s ⇄ %s", (bracketed, urn, companyPrefixLength) => {
    const elements = parseBracketed(bracketed, { associations: false });
    expect(elements.ok).toBe(true);
    if (!elements.ok) return;
    expect(elementsToEpcUri(elements.value, { companyPrefixLength })).toEqual({ ok: true, value: urn });
    const back = epcUriToElements(urn);
    expect(back.ok && formatBracketed(back.value)).toBe(bracketed);
  });

  it("converts Digital Link ⇄ EPC", () => {
    const dl = "https://trace.example.cn/01/80614141123458/21/6789";
    expect(digitalLinkToEpcUri(dl)).toEqual({ ok: true, value: "urn:epc:id:sgtin:0614141.812345.6789" });
    expect(epcUriToDigitalLink("urn:epc:id:sgtin:0614141.812345.6789", "https://trace.example.cn")).toEqual({
      ok: true,
      value: dl,
    });
  });

  it.each([
    "urn:epc:id:sgtin:0614141.812345",
    "urn:epc:id:sgtin:061414.812345.1",
    "urn:epc:id:sgtin:06141X1.812345.1",
    "urn:epc:id:usdod:CAGE.1",
    "urn:epc:id:sscc:0614141.12345",
    "",
  ])("rejects %j", (urn) => {
    expect(epcUriToElements(urn).ok).toBe(false);
  });

  it("round-trips sgtin and lgtin for every company prefix length (property)", () => {
    const serial = fc.stringMatching(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{13}$/),
        fc.integer({ min: 6, max: 12 }),
        serial,
        fc.boolean(),
        (d, L, s, lot) => {
          const elements = [
            { ai: "01", value: withCheckDigit(d) },
            { ai: lot ? "10" : "21", value: s },
          ];
          const urn = elementsToEpcUri(elements, { companyPrefixLength: L });
          expect(urn.ok).toBe(true);
          const back = urn.ok ? epcUriToElements(urn.value) : urn;
          expect(back.ok && back.value).toEqual(elements);
        },
      ),
    );
  });

  it("never throws on random input (property)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof epcUriToElements(`urn:epc:id:sgtin:${s}`).ok).toBe("boolean");
      }),
    );
  });
});
