/**
 * Any GS1 Digital Link URI (any host, short names or AIs, with or without query) to the constrained canonical form
 * the event hash algorithm writes (CBV 2.0 §8.9.2; GS1 Digital Link 1.2 §4.12 "canonical"): host `id.gs1.org`,
 * numeric AIs, GTINs padded to 14 digits, no query string or data attributes, no CPV (AI 22), and only the finest
 * identification level (a lot is dropped when a serial is present). Follows the reference implementation's
 * `dl_normaliser`; URIs it would not accept give undefined, and the value is then hashed as written.
 */
const base = "https://id.gs1.org";
const primaryKeys = "01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004";
const shortNames: readonly (readonly [string, string])[] = [
  ["gtin", "01"],
  ["itip", "8006"],
  ["cpid", "8010"],
  ["gln", "414"],
  ["party", "417"],
  ["gsrnp", "8017"],
  ["gsrn", "8018"],
  ["gcn", "255"],
  ["sscc", "00"],
  ["gdti", "253"],
  ["ginc", "401"],
  ["gsin", "402"],
  ["grai", "8003"],
  ["giai", "8004"],
  ["cpv", "22"],
  ["lot", "10"],
  ["ser", "21"],
];
const keyNames = `${primaryKeys}|${shortNames.map(([name]) => name).join("|")}`;
// A key segment `/<AI or short name>/<4 digits>…` in the path (before any query or fragment).
const keySegment = new RegExp(String.raw`/(${keyNames})/\d{4}[^/]`);
const canonicalStart = new RegExp(String.raw`^https://id\.gs1\.org/(${primaryKeys})/\d{4}[^/]+`);
// Which primary key to rebase on, in the reference's order of preference.
const rebaseOrder = [
  "00",
  "01",
  "253",
  "255",
  "401",
  "402",
  "414",
  "417",
  "8003",
  "8004",
  "8006",
  "8010",
  "8017",
  "8018",
];

// GS1 AI encodable characters accepted unescaped in the canonical form (the reference's set).
const c = String.raw`["'\-.0-9;-?A-Z_a-z]`;
const accepted: readonly RegExp[] = [
  String.raw`00/\d{18}`,
  String.raw`01/\d{14}/21/${c}{0,20}`,
  String.raw`01/\d{14}/10/${c}{0,20}`,
  String.raw`01/\d{14}`,
  String.raw`01/\d{14}/235/${c}{0,28}`,
  String.raw`253/\d{13}${c}{0,17}`,
  String.raw`255/\d{13}\d{0,12}`,
  `401/${c}{0,30}`,
  String.raw`402/\d{17}`,
  String.raw`414/\d{13}`,
  String.raw`414/\d{13}/254/${c}{0,20}`,
  String.raw`417/\d{13}`,
  String.raw`8003/\d{14}${c}{0,16}`,
  `8004/${c}{0,30}`,
  String.raw`8006/\d{18}/21/${c}{0,20}`,
  String.raw`8006/\d{18}/10/${c}{0,20}`,
  String.raw`8006/\d{18}`,
  String.raw`8010/[#\-/0-9A-Z]{0,30}/8011/\d{0,12}`,
  String.raw`8010/[#\-/0-9A-Z]{0,30}`,
  String.raw`8017/\d{18}`,
  String.raw`8018/\d{18}`,
].map((p) => new RegExp(String.raw`^https://id\.gs1\.org/${p}$`));

export function canonicalDigitalLink(uri: string): string | undefined {
  if (!uri.startsWith("http://") && !uri.startsWith("https://")) return undefined;
  const key = keySegment.exec(uri);
  const end = uri.search(/[?#]/);
  if (!key || (end >= 0 && key.index + key[0].length - 1 > end)) return undefined;
  let u = uri.includes("?") ? uri.slice(0, uri.indexOf("?")) : uri;
  for (const [name, ai] of shortNames) u = u.replaceAll(`/${name}/`, `/${ai}/`);
  if (!canonicalStart.test(u)) {
    const key = rebaseOrder.find((ai) => u.includes(`/${ai}/`));
    if (key !== undefined) u = base + u.slice(u.indexOf(`/${key}/`));
  }
  u = padGtin(u);
  u = dropCpv(u);
  u = dropLotWhenSerialised(u);
  return accepted.some((p) => p.test(u)) ? u : undefined;
}

// GTIN-8, -12 and -13 are written as GTIN-14 (GS1 Digital Link 1.2 §4.12).
function padGtin(u: string): string {
  const m = /^https:\/\/id\.gs1\.org\/01\/(\d+)/.exec(u);
  if (!m || m[1]!.length >= 14) return u;
  const pad = m[1]!.length >= 13 ? 1 : m[1]!.length >= 12 ? 2 : m[1]!.length >= 8 ? 6 : 0;
  return u.replace("/01/", `/01/${"0".repeat(pad)}`);
}

// The consumer product variant (AI 22) does not change which object is identified.
const withCpv = /^(https:\/\/id\.gs1\.org\/(?:01\/\d{14}|8006\/\d{18}))\/22\/[^/]*(\/.*)?$/;
function dropCpv(u: string): string {
  const m = withCpv.exec(u);
  return m ? m[1]! + (m[2] ?? "") : u;
}

const lotAndSerial = new RegExp(
  String.raw`^(https://id\.gs1\.org/(?:01/\d{14}|8006/\d{18}))/10/${c}{0,20}(/21/${c}{0,20})$`,
);
function dropLotWhenSerialised(u: string): string {
  const m = lotAndSerial.exec(u);
  return m ? m[1]! + m[2]! : u;
}
