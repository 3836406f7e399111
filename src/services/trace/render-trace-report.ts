import { fromMilli } from "../../core/quantity.ts";
import type { Trace } from "../../core/trace/trace-model.ts";
import { escapeXml } from "../labels/xml-escape.ts";
import { type ReportLang, reportTexts } from "./report-texts.ts";

/**
 * The printable trace report: one self-contained HTML page (inline CSS with print rules, no scripts, no external
 * resources), so it prints or saves as PDF from any browser and can be archived with a case file.
 */
export function renderTraceReport(t: Trace, o: { lang: ReportLang; base: string; now: number }): string {
  const x = reportTexts[o.lang];
  const c = x.col;
  const esc = (v: unknown) => escapeXml(v === null || v === undefined ? "" : String(v));
  const q = (milli: number | null) => (milli === null ? "" : String(fromMilli(milli)));
  const time = (ms: number | null) =>
    ms === null ? "" : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
  const parties = new Map(t.parties.map((p) => [p.id, p]));
  const lots = new Map(t.lots.map((l) => [l.id, l]));
  const partyName = (id: string) => parties.get(id)?.name ?? id;
  const lotCode = (id: string) => lots.get(id)?.lotCode ?? id;
  const unit = (lotId: string) => lots.get(lotId)?.unit ?? "";
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
    rows.length === 0
      ? `<p class="none">${esc(x.none)}</p>`
      : `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((v) => `<td>${v}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`;

  const lotRows = t.lots.map((l) => [
    esc(l.lotCode),
    `<span class="code">${esc(`${o.base}/${l.traceKey}`)}</span>`,
    esc(partyName(l.producerPartyId)),
    esc(l.productionDate),
    esc(l.expiryDate),
    `${esc(q(l.quantity))} ${esc(l.unit)}`,
    esc([l.originRegion, l.originPlace].filter(Boolean).join(" ")),
    esc(x.entry[l.entry] ?? l.entry) +
      (l.entryDetails ? `<br><span class="meta">${esc(flatten(l.entryDetails))}</span>` : ""),
  ]);
  const hopRows = t.shipments.map((s) => [
    esc(time(s.shippedAt)),
    esc(lotCode(s.lotId)),
    esc(partyName(s.fromPartyId)),
    esc(s.to.kind === "party" ? partyName(s.to.partyId) : s.to.kind === "consumers" ? x.consumers : s.to.name),
    `<span class="code">${esc(s.voucherCode)}</span>`,
    `${esc(q(s.shipped))} ${esc(unit(s.lotId))}`,
    esc(q(s.received)),
    esc((x.state[s.state] ?? s.state) + (s.reason ? ` (${s.reason})` : "")),
  ]);
  const holderRows = t.holdings
    .filter((h) => h.stats)
    .map((h) => {
      const s = h.stats as NonNullable<typeof h.stats>;
      return [
        esc(partyName(h.partyId)),
        esc(lotCode(h.lotId)),
        esc(h.depth),
        esc(q(s.received)),
        esc(q(s.shipped)),
        esc(q(s.inTransit)),
        esc(q(s.held)),
        esc(q(s.sold)),
        esc(q(s.used)),
        esc(q(s.consumed)),
        esc(q(s.destroyed)),
        esc(q(s.lost)),
      ];
    });
  const transformationRows = t.transformations.map((tr) => [
    esc(partyName(tr.partyId)),
    esc(lotCode(tr.inputLotId)),
    esc(lotCode(tr.outputLotId)),
    `${esc(q(tr.quantity))} ${esc(unit(tr.inputLotId))}`,
  ]);
  const targetName = (d: Trace["documents"][number]) =>
    d.target.type === "lot" ? lotCode(d.target.id) : d.target.type === "party" ? partyName(d.target.id) : d.target.id;
  const documentRows = t.documents.map((d) => [
    esc(d.kind),
    esc(d.title),
    esc(d.issuer),
    esc(d.issuedOn),
    esc(targetName(d)),
  ]);
  const describeNode = (key: string) => {
    const [lotId, partyId] = key.split("@") as [string, string];
    return `${partyName(partyId)} · ${lotCode(lotId)}`;
  };
  const lang = o.lang === "en" ? "en" : "zh-CN";
  const start = t.start.map(describeNode).join("; ");
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(x.title[t.direction])}</title>
<style>
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#111;font-size:13px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top}
th{background:#eee}.code{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}.meta{color:#444}
.warn{color:#a00;font-weight:bold}.none{color:#666}
@media print{body{margin:0;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}
@page{size:A4 landscape;margin:12mm}}
</style>
</head>
<body>
<h1>${esc(x.title[t.direction])}</h1>
<p class="meta">${esc(x.start)}: ${esc(start)} · ${esc(x.generated)}: ${esc(time(o.now))} (UTC+8)</p>
${t.truncated ? `<p class="warn">${esc(x.truncated)}</p>` : ""}
<h2>${esc(x.lots)}</h2>
${table([c.lotCode, c.traceCode, c.producer, c.productionDate, c.expiryDate, c.quantity, c.origin, c.entry].map(String), lotRows)}
<h2>${esc(x.hops)}</h2>
${table([c.date, c.lotCode, c.from, c.to, c.voucher, c.shipped, c.received, c.state].map(String), hopRows)}
${
  t.direction === "forward"
    ? `<h2>${esc(x.holders)}</h2>
${table(
  [
    c.party,
    c.lotCode,
    c.depth,
    c.receivedIn,
    c.shippedOut,
    c.inTransit,
    c.held,
    c.sold,
    c.used,
    c.consumed,
    c.destroyed,
    c.lost,
  ].map(String),
  holderRows,
)}`
    : ""
}
<h2>${esc(x.transformations)}</h2>
${table([c.party, c.input, c.output, c.quantity].map(String), transformationRows)}
<h2>${esc(x.documents)}</h2>
${table([c.kind, c.titleCol, c.issuer, c.date, c.target].map(String), documentRows)}
${
  t.cycles.length > 0
    ? `<h2 class="warn">${esc(x.cycles)}</h2><p>${esc(x.cyclesNote)}</p><ul>${t.cycles
        .map(
          (cy) =>
            `<li>${cy.nodes.map((k) => esc(cy.kind === "lots" ? lotCode(k) : describeNode(k))).join(" → ")} → …</li>`,
        )
        .join("")}</ul>`
    : ""
}
</body>
</html>
`;
}

/** First-station details (supplier, papers, country of origin) as one line: "supplier.name: …; documents.…: …". */
function flatten(v: unknown, prefix = ""): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return `${prefix}: ${String(v)}`;
  return Object.entries(v as Record<string, unknown>)
    .map(([k, inner]) => flatten(inner, prefix ? `${prefix}.${k}` : k))
    .filter(Boolean)
    .join("; ");
}
