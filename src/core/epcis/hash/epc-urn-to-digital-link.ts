import { digitalLinkEscape as esc, withCheckDigit } from "./gs1-digits.ts";

/**
 * EPC pure identity, class and pattern URIs (GS1 EPC Tag Data Standard 2.0 §6, §8) to the canonical GS1 Digital
 * Link URI the event hash algorithm writes (CBV 2.0 §8.9.2: "EPC URIs … SHALL be converted to the corresponding
 * canonical GS1 Digital Link URI"). Patterns keep only the fixed part (`urn:epc:idpat:sgtin:4012345.098765.*` →
 * `…/01/04012345987652`). Anything else gives undefined.
 */
const base = "https://id.gs1.org";
// One character of a serial, lot or reference: the GS1 AI encodable character set 82 as EPC URIs escape it (TDS §5).
const ch = `(?:%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]|[!')(*+,.0-9:;=A-Za-z_-])`;
const cpiCh = `(?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])`;

/** Characters as the GS1 key counts them: an escape such as `%2F` is one character. */
const charCount = (s: string) => s.replace(/%[0-9A-Fa-f]{2}/g, "_").length;

type Build = (gcp: string, ref: string, rest: string[]) => string | undefined;

interface Scheme {
  readonly pattern: RegExp;
  /** Digits of company prefix + reference together (GCP length varies from 6 to 12), when fixed. */
  readonly digits?: number;
  readonly build: Build;
}

const gtin = (gcp: string, itemRef: string) => withCheckDigit(itemRef.slice(0, 1) + gcp + itemRef.slice(1));

const scheme = (body: string, build: Build, digits?: number): Scheme => ({
  pattern: new RegExp(`^urn:epc:${body}$`),
  build,
  ...(digits === undefined ? {} : { digits }),
});

const schemes: Readonly<Record<string, Scheme>> = {
  "id:sgtin": scheme(
    String.raw`id:sgtin:(\d+)\.(\d+)\.(${ch}{1,20})`,
    (g, r, [s]) => `${base}/01/${gtin(g, r)}/21/${esc(s!)}`,
    13,
  ),
  "id:sscc": scheme(String.raw`id:sscc:(\d+)\.(\d+)`, (g, r) => `${base}/00/${gtin(g, r)}`, 17),
  "id:sgln": scheme(
    String.raw`id:sgln:(\d+)\.(\d*)\.(${ch}{1,20})`,
    (g, r, [ext]) => `${base}/414/${withCheckDigit(g + r)}${ext === "0" ? "" : `/254/${esc(ext!)}`}`,
    12,
  ),
  "id:grai": scheme(
    String.raw`id:grai:(\d+)\.(\d*)\.(${ch}{1,16})`,
    (g, r, [s]) => `${base}/8003/${withCheckDigit(`0${g}${r}`)}${esc(s!)}`,
    12,
  ),
  "id:giai": scheme(String.raw`id:giai:(\d+)\.(${ch}{1,24})`, (g, r) =>
    g.length + charCount(r) <= 30 ? `${base}/8004/${g}${esc(r)}` : undefined,
  ),
  "id:gsrn": scheme(String.raw`id:gsrn:(\d+)\.(\d+)`, (g, r) => `${base}/8018/${withCheckDigit(g + r)}`, 17),
  "id:gsrnp": scheme(String.raw`id:gsrnp:(\d+)\.(\d+)`, (g, r) => `${base}/8017/${withCheckDigit(g + r)}`, 17),
  "id:gdti": scheme(
    String.raw`id:gdti:(\d+)\.(\d*)\.(${ch}{1,17})`,
    (g, r, [s]) => `${base}/253/${withCheckDigit(g + r)}${esc(s!)}`,
    12,
  ),
  "id:cpi": scheme(String.raw`id:cpi:(\d+)\.(${cpiCh}{1,24})\.(\d{1,12})`, (g, r, [s]) =>
    g.length + charCount(r) <= 30 ? `${base}/8010/${esc(g + r)}/8011/${s}` : undefined,
  ),
  "id:sgcn": scheme(
    String.raw`id:sgcn:(\d+)\.(\d*)\.(\d{1,12})`,
    (g, r, [s]) => `${base}/255/${withCheckDigit(g + r)}${s}`,
    12,
  ),
  "id:ginc": scheme(String.raw`id:ginc:(\d+)\.(${ch}{1,24})`, (g, r) =>
    g.length + charCount(r) <= 30 ? `${base}/401/${g}${esc(r)}` : undefined,
  ),
  "id:gsin": scheme(String.raw`id:gsin:(\d+)\.(\d+)`, (g, r) => `${base}/402/${withCheckDigit(g + r)}`, 16),
  "id:itip": scheme(
    String.raw`id:itip:(\d+)\.(\d+)\.(\d{2})\.(\d{2})\.(${ch}{1,20})`,
    (g, r, [p, t, s]) => `${base}/8006/${gtin(g, r)}${p}${t}/21/${esc(s!)}`,
    13,
  ),
  "id:upui": scheme(
    String.raw`id:upui:(\d+)\.(\d+)\.(${ch}{1,28})`,
    (g, r, [s]) => `${base}/01/${gtin(g, r)}/235/${esc(s!)}`,
    13,
  ),
  "id:pgln": scheme(String.raw`id:pgln:(\d+)\.(\d*)`, (g, r) => `${base}/417/${withCheckDigit(g + r)}`, 12),
  "class:lgtin": scheme(
    String.raw`class:lgtin:(\d+)\.(\d+)\.(${ch}{1,20})`,
    (g, r, [lot]) => `${base}/01/${gtin(g, r)}/10/${esc(lot!)}`,
    13,
  ),
  "idpat:sgtin": scheme(String.raw`idpat:sgtin:(\d+)\.(\d+)\.\*`, (g, r) => `${base}/01/${gtin(g, r)}`, 13),
  "idpat:grai": scheme(
    String.raw`idpat:grai:(\d+)\.(\d*)\.\*`,
    (g, r) => `${base}/8003/${withCheckDigit(`0${g}${r}`)}`,
    12,
  ),
  "idpat:gdti": scheme(String.raw`idpat:gdti:(\d+)\.(\d*)\.\*`, (g, r) => `${base}/253/${withCheckDigit(g + r)}`, 12),
  "idpat:sgcn": scheme(String.raw`idpat:sgcn:(\d+)\.(\d*)\.\*`, (g, r) => `${base}/255/${withCheckDigit(g + r)}`, 12),
  "idpat:cpi": scheme(String.raw`idpat:cpi:(\d+)\.(${cpiCh}{1,24})\.\*`, (g, r) => `${base}/8010/${esc(g + r)}`),
  "idpat:itip": scheme(
    String.raw`idpat:itip:(\d+)\.(\d+)\.(\d{2})\.(\d{2})\.\*`,
    (g, r, [p, t]) => `${base}/8006/${gtin(g, r)}${p}${t}`,
    13,
  ),
  "idpat:upui": scheme(String.raw`idpat:upui:(\d+)\.(\d+)\.\*`, (g, r) => `${base}/01/${gtin(g, r)}`, 13),
};

export function epcUriToDigitalLink(uri: string): string | undefined {
  const kind = /^urn:epc:(id|class|idpat):([a-z]+):/.exec(uri);
  if (!kind) return undefined;
  const s = schemes[`${kind[1]}:${kind[2]}`];
  const m = s?.pattern.exec(uri);
  if (!s || !m) return undefined;
  const [, gcp = "", ref = "", ...rest] = m;
  // TDS §6.3: the company prefix has 6 to 12 digits and, with the reference, a fixed total length per scheme.
  if (gcp.length < 6 || gcp.length > 12) return undefined;
  if (s.digits !== undefined && gcp.length + ref.length !== s.digits) return undefined;
  return s.build(gcp, ref, rest);
}
