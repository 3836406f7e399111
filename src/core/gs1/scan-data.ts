/**
 * Scanner output with an AIM symbology identifier (ISO/IEC 15424; GS1 General Specifications §5.1.2 Fig.
 * 5.1.2-2): "]Q3", "]d2", "]J1", "]e0", "]C1" carry GS1 element strings with GS (0x1D) separators; "]Q1", "]d1",
 * "]J0" carry plain data (e.g. a Digital Link URI); "]E0"/"]E4" carry an EAN-13/EAN-8 primary, optionally followed
 * by "|]e0…" for a composite. The normalised "data string" uses "^" for FNC1 (as the GS1 Syntax Engine does);
 * plain data beginning with "^" is escaped with "\".
 */
import { hasValidCheckDigit } from "./check-digit.ts";
import { parseDigitalLink, schemeLength } from "./digital-link.ts";
import { type ElementParseOptions, parseRaw } from "./element-string.ts";
import { err, ok, type Result } from "./gs1-error.ts";

export type Symbology = "QR" | "DM" | "DotCode" | "DataBarExpanded" | "GS1_128_CCA" | "EAN13" | "EAN8";

export interface ScanData {
  readonly symbology: Symbology;
  /** True when the symbol carried GS1 element strings (FNC1 mode). */
  readonly gs1: boolean;
  /** "^0109520123456788^10ABC" for GS1 data, the text itself for plain data, "0952…|^99…" for EAN + composite. */
  readonly dataStr: string;
}

const IDENTIFIERS: Readonly<Record<string, { readonly symbology: Symbology; readonly gs1: boolean }>> = {
  "]Q1": { symbology: "QR", gs1: false },
  "]Q3": { symbology: "QR", gs1: true },
  "]d1": { symbology: "DM", gs1: false },
  "]d2": { symbology: "DM", gs1: true },
  "]J0": { symbology: "DotCode", gs1: false },
  "]J1": { symbology: "DotCode", gs1: true },
  "]e0": { symbology: "DataBarExpanded", gs1: true },
  "]C1": { symbology: "GS1_128_CCA", gs1: true },
  "]E0": { symbology: "EAN13", gs1: false },
  "]E4": { symbology: "EAN8", gs1: false },
};

const GS = "\u001d";
/** Plain data that would read as GS1 data ("^…", or already escaped "\^…") gets one more "\". */
const ESCAPE_NEEDED = /^\\*\^/;

function gsToFnc1(data: string): string {
  return `^${data.replaceAll(GS, "^")}`;
}

function primaryEan(digits: string, length: number): Result<string> {
  if (digits.length < length) return err("scan-primary-invalid", "Primary scan data is too short");
  if (digits.length > length) return err("scan-primary-invalid", "Primary message is too long");
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return err("scan-primary-invalid", "Primary message may only contain digits");
  }
  if (!hasValidCheckDigit(digits)) return err("scan-primary-invalid", "Primary message check digit is incorrect");
  return ok(digits);
}

/** Scanner output → symbology and normalised data string; GS1 data is validated as element strings. */
export function processScanData(scan: string, opts: ElementParseOptions = { associations: false }): Result<ScanData> {
  const id = scan.length >= 3 && scan.charCodeAt(0) === 93 /* ] */ ? IDENTIFIERS[scan.slice(0, 3)] : undefined;
  if (scan.length < 3 || scan.charCodeAt(0) !== 93) return err("scan-no-symbology", "Missing symbology identifier");
  if (!id) return err("scan-unsupported-symbology", "Unsupported symbology identifier");
  const data = scan.slice(3);
  if (id.gs1) {
    if (data.length === 0) return err("empty-data", "The AI data is empty");
    if (data.includes("^")) return err("scan-illegal-character", "Scan data contains illegal ^ character");
    const dataStr = gsToFnc1(data);
    const parsed = parseRaw(dataStr, opts);
    return parsed.ok ? ok({ symbology: id.symbology, gs1: true, dataStr }) : parsed;
  }
  if (id.symbology === "EAN13" || id.symbology === "EAN8") {
    const bar = data.indexOf("|");
    const primary = primaryEan(bar < 0 ? data : data.slice(0, bar), id.symbology === "EAN13" ? 13 : 8);
    if (!primary.ok) return primary;
    if (bar < 0) return ok({ symbology: id.symbology, gs1: false, dataStr: primary.value });
    const composite = data.slice(bar + 1);
    if (!composite.startsWith("]e0")) return err("scan-not-gs1", "Composite component must be GS1 data (]e0)");
    return ok({ symbology: id.symbology, gs1: false, dataStr: `${primary.value}|${gsToFnc1(composite.slice(3))}` });
  }
  if (schemeLength(data, false) > 0) {
    // A Digital Link URI in plain mode: it has to be a valid one (GS1 Syntax Engine, scandata.c:980).
    const dl = parseDigitalLink(data, opts);
    if (!dl.ok) return dl;
  }
  const escaped = ESCAPE_NEEDED.test(data) ? `\\${data}` : data;
  return ok({ symbology: id.symbology, gs1: false, dataStr: escaped });
}
