/**
 * EPC pure-identity URIs used by EPCIS (GS1 EPC Tag Data Standard 2.x §6, §7): sgtin, lgtin (EPC class), sscc,
 * sgln, pgln, grai, giai, to and from element strings. A URN splits the key at the end of the GS1 Company Prefix
 * (TDS §6.3), which an element string does not mark: the prefix length comes from the prefix's allocation (GEPIR,
 * the company's GS1 registration). Where the caller does not know it, `companyPrefixLength` defaults to 7, the
 * length of the prefixes GS1 China issues under 690/691 and a common length elsewhere; pass the real one when
 * known, or the URN will name the right object with a wrongly placed dot.
 */
import type { AiElement } from "./ai-element.ts";
import { gs1CheckDigit } from "./check-digit.ts";
import { type ElementParseOptions, validateElements } from "./element-string.ts";
import { err, ok, type Result } from "./gs1-error.ts";

export interface EpcOptions {
  /** Digits of the GS1 Company Prefix, 6 to 12 (TDS §6.3.1 partition tables). Default 7. */
  readonly companyPrefixLength?: number;
}

export const DEFAULT_COMPANY_PREFIX_LENGTH = 7;

/** Characters of a serial/lot/asset reference that TDS §6.3 Table 6-2 writes percent-escaped in a URN. */
const URN_ESCAPES: Readonly<Record<string, string>> = {
  '"': "%22",
  "%": "%25",
  "&": "%26",
  "/": "%2F",
  "<": "%3C",
  ">": "%3E",
  "?": "%3F",
};

function escapeUrn(s: string): string {
  let out = "";
  for (const c of s) out += URN_ESCAPES[c] ?? c;
  return out;
}

const PERCENT_HEX = /%([0-9A-Fa-f]{2})/g;
const ALL_DIGITS = /^\d+$/;

function unescapeUrn(s: string): string {
  return s.includes("%")
    ? s.replace(PERCENT_HEX, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : s;
}

function find(elements: readonly AiElement[], ai: string): string | undefined {
  return elements.find((e) => e.ai === ai)?.value;
}

/** Element strings → EPC URI, by the key they carry (01+21 sgtin, 01+10 lgtin, 00, 414(+254), 417, 8003, 8004). */
export function elementsToEpcUri(elements: readonly AiElement[], opts: EpcOptions = {}): Result<string> {
  const L = opts.companyPrefixLength ?? DEFAULT_COMPANY_PREFIX_LENGTH;
  if (!Number.isInteger(L) || L < 6 || L > 12) return err("epc-malformed", "Company prefix length must be 6 to 12");
  const gtin = find(elements, "01");
  const serial = find(elements, "21");
  const lot = find(elements, "10");
  if (gtin && serial !== undefined) {
    return ok(`urn:epc:id:sgtin:${gtin.slice(1, 1 + L)}.${gtin[0]}${gtin.slice(1 + L, 13)}.${escapeUrn(serial)}`);
  }
  if (gtin && lot !== undefined) {
    return ok(`urn:epc:class:lgtin:${gtin.slice(1, 1 + L)}.${gtin[0]}${gtin.slice(1 + L, 13)}.${escapeUrn(lot)}`);
  }
  const sscc = find(elements, "00");
  if (sscc) return ok(`urn:epc:id:sscc:${sscc.slice(1, 1 + L)}.${sscc[0]}${sscc.slice(1 + L, 17)}`);
  const gln = find(elements, "414");
  if (gln) {
    const ext = find(elements, "254") ?? "0";
    return ok(`urn:epc:id:sgln:${gln.slice(0, L)}.${gln.slice(L, 12)}.${escapeUrn(ext)}`);
  }
  const party = find(elements, "417");
  if (party) return ok(`urn:epc:id:pgln:${party.slice(0, L)}.${party.slice(L, 12)}`);
  const grai = find(elements, "8003");
  if (grai && grai.length > 14) {
    return ok(`urn:epc:id:grai:${grai.slice(1, 1 + L)}.${grai.slice(1 + L, 13)}.${escapeUrn(grai.slice(14))}`);
  }
  const giai = find(elements, "8004");
  if (giai) return ok(`urn:epc:id:giai:${giai.slice(0, L)}.${escapeUrn(giai.slice(L))}`);
  return err(
    "epc-no-mapping",
    "No key with an EPC pure-identity URI (01+21, 01+10, 00, 414, 417, 8003 with serial, 8004)",
  );
}

const PREFIXES = [
  "urn:epc:id:sgtin:",
  "urn:epc:class:lgtin:",
  "urn:epc:id:sscc:",
  "urn:epc:id:sgln:",
  "urn:epc:id:pgln:",
  "urn:epc:id:grai:",
  "urn:epc:id:giai:",
] as const;

function splitAtMost(s: string, count: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (out.length < count - 1) {
    const dot = s.indexOf(".", from);
    if (dot < 0) break;
    out.push(s.slice(from, dot));
    from = dot + 1;
  }
  out.push(s.slice(from));
  return out;
}

/** Digits only, checking the company prefix part is 6-12 long. */
function digits(s: string | undefined): s is string {
  return s !== undefined && s.length > 0 && ALL_DIGITS.test(s);
}

/** EPC URI → element strings (check digits recomputed, values validated against the dictionary). */
export function epcUriToElements(
  uri: string,
  opts: ElementParseOptions = { associations: false },
): Result<readonly AiElement[]> {
  const scheme = PREFIXES.find((p) => uri.startsWith(p));
  if (!scheme) return err("epc-unsupported-scheme", "Not an sgtin, lgtin, sscc, sgln, pgln, grai or giai EPC URI");
  // The last component (serial, lot, extension, asset reference) may itself contain "." (TDS §6.3 Table 6-2).
  const body = uri.slice(scheme.length);
  const lastParts =
    scheme === "urn:epc:id:giai:" || scheme === "urn:epc:id:sscc:" || scheme === "urn:epc:id:pgln:" ? 2 : 3;
  const parts = splitAtMost(body, lastParts);
  const [cp, ref, rest] = parts;
  if (!digits(cp) || cp.length < 6 || cp.length > 12) return err("epc-malformed", "Bad company prefix in EPC URI");
  let elements: AiElement[];
  const withCheck = (d: string) => d + String(gs1CheckDigit(d));
  switch (scheme) {
    case "urn:epc:id:sgtin:":
    case "urn:epc:class:lgtin:": {
      if (parts.length !== 3 || !digits(ref) || cp.length + ref.length !== 13 || !rest) {
        return err("epc-malformed", "Bad SGTIN/LGTIN EPC URI");
      }
      const gtin = withCheck(ref[0] + cp + ref.slice(1));
      elements = [
        { ai: "01", value: gtin },
        { ai: scheme === "urn:epc:id:sgtin:" ? "21" : "10", value: unescapeUrn(rest) },
      ];
      break;
    }
    case "urn:epc:id:sscc:":
      if (parts.length !== 2 || !digits(ref) || cp.length + ref.length !== 17)
        return err("epc-malformed", "Bad SSCC EPC URI");
      elements = [{ ai: "00", value: withCheck(ref[0] + cp + ref.slice(1)) }];
      break;
    case "urn:epc:id:sgln:":
    case "urn:epc:id:pgln:": {
      const sgln = scheme === "urn:epc:id:sgln:";
      if (parts.length !== (sgln ? 3 : 2) || !(digits(ref) || ref === "") || cp.length + (ref ?? "").length !== 12) {
        return err("epc-malformed", "Bad SGLN/PGLN EPC URI");
      }
      elements = [{ ai: sgln ? "414" : "417", value: withCheck(cp + ref) }];
      if (sgln && rest !== undefined && rest !== "0") elements.push({ ai: "254", value: unescapeUrn(rest) });
      break;
    }
    case "urn:epc:id:grai:":
      if (parts.length !== 3 || !(digits(ref) || ref === "") || cp.length + (ref ?? "").length !== 12 || !rest) {
        return err("epc-malformed", "Bad GRAI EPC URI");
      }
      elements = [{ ai: "8003", value: `0${withCheck(cp + ref)}${unescapeUrn(rest)}` }];
      break;
    default:
      if (parts.length !== 2 || !ref) return err("epc-malformed", "Bad GIAI EPC URI");
      elements = [{ ai: "8004", value: cp + unescapeUrn(ref) }];
  }
  return validateElements(elements, opts);
}
