/**
 * The inverse of scan-data.ts: what a scanner would transmit for a data string in a given symbology
 * (ISO/IEC 15424 identifiers; GS1 General Specifications §5.1.2, §5.4.7 for the composite "|" join: a GS follows
 * the primary's last element string only when it has no predefined length).
 */
import { formatRaw } from "./ai-element.ts";
import { gs1CheckDigit, hasValidCheckDigit } from "./check-digit.ts";
import { parseRaw } from "./element-string.ts";
import { err, ok, type Result } from "./gs1-error.ts";

export type GeneratedSymbology =
  | "QR"
  | "DM"
  | "DotCode"
  | "DataBarExpanded"
  | "DataBarOmni"
  | "DataBarLimited"
  | "GS1_128_CCA"
  | "GS1_128_CCC"
  | "UPCA"
  | "UPCE"
  | "EAN13"
  | "EAN8";

const TWO_DIM: Readonly<Record<string, readonly [string, string]>> = {
  QR: ["]Q1", "]Q3"],
  DM: ["]d1", "]d2"],
  DotCode: ["]J0", "]J1"],
};

const GS = "\u001d";
const UNESCAPE = /^\\+\^/;

/** "^01…^10…" → "01…<GS>10…", with a GS before a composite only after a variable-length element. */
function gs1Body(primary: string, composite: string | undefined): Result<string> {
  const p = parseRaw(primary, { associations: false });
  if (!p.ok) return p;
  let body = formatRaw(p.value, { fnc1: "", separator: GS });
  if (primary.endsWith("^")) body += GS;
  if (composite === undefined) return ok(body);
  const c = parseRaw(composite, { associations: false });
  if (!c.ok) return c;
  const joined = formatRaw([...p.value, ...c.value], { fnc1: "", separator: GS });
  return ok(joined);
}

/** A GTIN-13 (or -8) for EAN/UPC: from "^01" + 14 digits or from bare digits, with the check digit checked. */
function linearPrimary(sym: GeneratedSymbology, primary: string): Result<string> {
  const size = sym === "EAN8" ? 8 : 13;
  let digits = primary.startsWith("^01") ? primary.slice(3) : primary;
  if (digits.length === 14) digits = digits.slice(14 - size);
  else if (sym === "EAN13" && digits.length === 12) digits += String(gs1CheckDigit(digits));
  else if ((sym === "UPCA" || sym === "UPCE") && digits.length === 12) digits = `0${digits}`;
  if (digits.length !== size || !hasValidCheckDigit(digits)) {
    return err("scan-primary-invalid", `Invalid primary data for ${sym}`);
  }
  return ok(digits);
}

export function generateScanData(sym: GeneratedSymbology, dataStr: string): Result<string> {
  const bar = dataStr.indexOf("|");
  const primary = bar < 0 ? dataStr : dataStr.slice(0, bar);
  const composite = bar < 0 ? undefined : dataStr.slice(bar + 1);
  const twoDim = TWO_DIM[sym];
  if (twoDim) {
    if (!dataStr.startsWith("^")) return ok(twoDim[0] + (UNESCAPE.test(dataStr) ? dataStr.slice(1) : dataStr));
    const body = gs1Body(primary, composite);
    return body.ok ? ok(twoDim[1] + body.value) : body;
  }
  if (sym === "DataBarExpanded" || sym === "GS1_128_CCA" || sym === "GS1_128_CCC") {
    if (!primary.startsWith("^")) return err("scan-not-gs1", `${sym} carries GS1 data only`);
    const body = gs1Body(primary, composite);
    const id = sym === "DataBarExpanded" || composite !== undefined ? "]e0" : "]C1";
    return body.ok ? ok(id + body.value) : body;
  }
  if (sym === "DataBarOmni" || sym === "DataBarLimited") {
    const gtin = primary.startsWith("^01") ? primary.slice(3) : primary;
    if (gtin.length !== 14 || !hasValidCheckDigit(gtin)) return err("scan-primary-invalid", "Invalid GTIN-14");
    // GS1 DataBar Limited encodes only GTINs with indicator digit 0 or 1 (GenSpecs §5.5.2.1).
    if (sym === "DataBarLimited" && gtin.charCodeAt(0) > 49) return err("scan-primary-invalid", "Indicator above 1");
    const body = gs1Body(`^01${gtin}`, composite);
    return body.ok ? ok(`]e0${body.value}`) : body;
  }
  const ean = linearPrimary(sym, primary);
  if (!ean.ok) return ean;
  const id = sym === "EAN8" ? "]E4" : "]E0";
  if (composite === undefined) return ok(id + ean.value);
  const body = gs1Body(composite, undefined);
  return body.ok ? ok(`${id}${ean.value}|]e0${body.value}`) : body;
}
