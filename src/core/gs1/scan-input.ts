/**
 * One entry point for whatever a scanner, a phone camera or a person hands us: GS1 Digital Link URIs on any
 * domain (any case of scheme and host), the platform's own /t/{CODE} and /p/{CODE} URLs, scanner output with
 * symbology identifiers and GS separators, bracketed element strings typed by hand, bare GTINs (EAN-13 etc.),
 * and other URLs (kept as "foreign", not rejected).
 */
import type { AiElement } from "./ai-element.ts";
import { hasValidCheckDigit } from "./check-digit.ts";
import { type DigitalLink, parseDigitalLink, schemeLength } from "./digital-link.ts";
import { type ElementParseOptions, parseBracketed, parseRaw } from "./element-string.ts";
import { err, type Gs1ErrorCode, ok, type Result } from "./gs1-error.ts";
import { verifyPlatformCode } from "./platform-code.ts";
import { processScanData, type Symbology } from "./scan-data.ts";

export interface ScanOptions extends ElementParseOptions {
  /** Hosts of this platform's resolver (e.g. "trace.example.gov.cn"), compared without case and port. */
  readonly resolverHosts?: readonly string[];
}

export type ScanInput =
  | { readonly kind: "digitalLink"; readonly link: DigitalLink; readonly elements: readonly AiElement[] }
  | { readonly kind: "elementString"; readonly elements: readonly AiElement[]; readonly symbology?: Symbology }
  | { readonly kind: "platformTrace" | "platformParty"; readonly code: string; readonly checkPairValid: boolean }
  /** A GTIN without its lot: the product is known, the batch is not (一品一码 needs the lot). */
  | { readonly kind: "gtinOnly"; readonly gtin: string; readonly lotMissing: true }
  | { readonly kind: "foreign"; readonly url: string };

/** Failures that only mean "this URL is not a Digital Link". */
const NOT_A_DIGITAL_LINK: ReadonlySet<Gs1ErrorCode> = new Set(["dl-no-key", "dl-no-path", "dl-illegal-domain"]);

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function fromElements(parsed: Result<readonly AiElement[]>, symbology?: Symbology): Result<ScanInput> {
  if (!parsed.ok) return parsed;
  return ok(
    symbology
      ? { kind: "elementString", elements: parsed.value, symbology }
      : { kind: "elementString", elements: parsed.value },
  );
}

/** "/t/ABC…" or "/p/ABC…" on one of our hosts. */
function platformUrl(url: string, scheme: number, hosts: readonly string[]): ScanInput | undefined {
  let hostEnd = scheme;
  while (hostEnd < url.length && !"/?#".includes(url[hostEnd] as string)) hostEnd++;
  const host = url.slice(scheme, hostEnd).toLowerCase().replace(/:\d+$/, "");
  if (!hosts.some((h) => h.toLowerCase() === host)) return undefined;
  let pathEnd = hostEnd;
  while (pathEnd < url.length && !"?#".includes(url[pathEnd] as string)) pathEnd++;
  const parts = url
    .slice(hostEnd, pathEnd)
    .split("/")
    .filter((p) => p !== "");
  if (parts.length !== 2 || (parts[0] !== "t" && parts[0] !== "p")) return undefined;
  const code = (parts[1] as string).toUpperCase();
  return { kind: parts[0] === "t" ? "platformTrace" : "platformParty", code, checkPairValid: verifyPlatformCode(code) };
}

function fromUrl(url: string, opts: ScanOptions): Result<ScanInput> {
  const scheme = schemeLength(url, true);
  const own = platformUrl(url, scheme, opts.resolverHosts ?? []);
  if (own) return ok(own);
  const dl = parseDigitalLink(url, { ...opts, anySchemeCase: true });
  if (dl.ok) return ok({ kind: "digitalLink", link: dl.value, elements: dl.value.elements });
  return NOT_A_DIGITAL_LINK.has(dl.error.code) ? ok({ kind: "foreign", url }) : dl;
}

export function normaliseScan(text: string, opts: ScanOptions = {}): Result<ScanInput> {
  const input = text.trim();
  if (input.startsWith("]")) {
    const scan = processScanData(input, { ...opts, associations: false });
    if (!scan.ok) return scan;
    const { symbology, dataStr, gs1 } = scan.value;
    if (gs1) return fromElements(parseRaw(dataStr, opts), symbology);
    if (symbology === "EAN13" || symbology === "EAN8") {
      const gtin = dataStr.split("|")[0] as string;
      return ok({ kind: "gtinOnly", gtin: gtin.padStart(14, "0"), lotMissing: true });
    }
    return normaliseScan(input.slice(3), opts);
  }
  if (input.includes("\u001d")) {
    const raw = input.startsWith("\u001d") ? input : `\u001d${input}`;
    return fromElements(parseRaw(`^${raw.slice(1).replaceAll("\u001d", "^")}`, opts));
  }
  if (input.startsWith("(")) return fromElements(parseBracketed(input, opts));
  if (input.startsWith("^")) return fromElements(parseRaw(input, opts));
  if (schemeLength(input, true) > 0) return fromUrl(input, opts);
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return ok({ kind: "foreign", url: input });
  const n = input.length;
  if (isDigits(input) && (n === 8 || n === 12 || n === 13 || n === 14)) {
    if (!hasValidCheckDigit(input)) {
      return err("invalid-value", "The GTIN check digit is incorrect", { ai: "01", valueOffset: n - 1, length: 1 });
    }
    return ok({ kind: "gtinOnly", gtin: input.padStart(14, "0"), lotMissing: true });
  }
  return err("scan-unrecognised", "Not a GS1 code, a Digital Link or a URL");
}
