import bwipjs from "bwip-js";
import { formatPolicy } from "../../core/ledger/index.ts";
import { escapeXml } from "../labels/xml-escape.ts";
import type { ServiceContext } from "../service-context.ts";
import { type Receipt, receiptFor } from "./ledger-proofs.ts";
import { witnessingOf } from "./ledger-witnessing.ts";
import { type ReceiptPageLang, receiptPageTexts } from "./receipt-page-texts.ts";
import { assertMayReadRecord } from "./serve-log.ts";

/**
 * The printable receipt (上链凭证): one self-contained HTML page (inline CSS with print rules, the QR code as inline
 * SVG, no external resources) showing what people are shown — 存证编号 (the log's origin and the entry's index),
 * 上链时间 (the witnesses' cosignature timestamps, or the integration time while none has cosigned), the tree size,
 * the leaf hash and the record — with a QR code of the receipt's URL and the receipt text itself, so the printout
 * alone is enough to check it. The page also checks itself in the browser (the platform's one verifier module,
 * under the log's policy written into the page); without scripts it reads and prints the same.
 */
export function renderReceiptPage(
  r: Receipt & { readonly kind: string; readonly ref: string; readonly origin: string; readonly url: string },
  o: { readonly lang: ReceiptPageLang; readonly policy: string },
): string {
  const x = receiptPageTexts[o.lang];
  const esc = (v: unknown) => escapeXml(String(v));
  // Times in China Standard Time, as every date on the platform's pages.
  const time = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ")} (UTC+8)`;
  // A white quiet zone whatever the paper, error correction M as on the platform's labels.
  const symbol = { bcid: "qrcode", text: r.url, eclevel: "M", padding: 8, backgroundcolor: "FFFFFF", scale: 3 };
  const qr = bwipjs.toSVG(symbol);
  const times =
    r.cosignatures.length > 0
      ? r.cosignatures.map((c) => `<li>${esc(time(c.signedAt))} · ${esc(x.witnessedBy)} ${esc(c.witness)}</li>`)
      : [`<li>${esc(time(r.loggedAt))} · ${esc(x.integrated)}; ${esc(x.notWitnessed)}</li>`];
  const row = (label: string, value: string, cls = "") =>
    `<tr><th>${esc(label)}</th><td${cls ? ` class="${cls}"` : ""}>${value}</td></tr>`;
  const lang = o.lang === "en" ? "en" : "zh-CN";
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(x.title)} ${esc(`${r.origin}#${r.index}`)}</title>
<style>
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#111;font-size:14px;max-width:60em}
h1{font-size:22px;margin:0 0 12px}.head{display:flex;gap:24px;align-items:flex-start;justify-content:space-between}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2;width:9em;white-space:nowrap}ul{margin:0;padding-left:1.2em}
.code{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}.qr{text-align:center;font-size:11px}
.qr svg{width:40mm;height:40mm}.note{color:#444;font-size:12px;margin-top:12px}
.ok{color:#1e5b2e}.fail{color:#b00020;font-weight:600}h2{font-size:16px;margin:16px 0 6px}
pre{font-size:9px;white-space:pre-wrap;word-break:break-all;border:1px solid #ddd;padding:6px}
@media print{body{margin:0;font-size:10pt}details{display:block}details>pre{display:block}summary{list-style:none}
@page{size:A4 portrait;margin:15mm}}
</style>
</head>
<body>
<div class="head">
<div>
<h1>${esc(x.title)}</h1>
<table>
${row(x.evidenceNumber, `<span class="code">${esc(`${r.origin}#${r.index}`)}</span>`)}
${row(x.loggedAt, `<ul>${times.join("")}</ul>`)}
${row(x.treeSize, esc(r.size.toLocaleString("en-US")))}
${row(x.leafHash, esc(r.leafHash), "code")}
${row(x.record, `${esc(x.kinds[r.kind] ?? r.kind)} <span class="code">${esc(r.ref)}</span>`)}
${row(x.commitment, esc(r.commitment), "code")}
${row(x.log, esc(r.origin), "code")}
</table>
</div>
<div class="qr">${qr}<br>${esc(x.scan)}<br><span class="code">${esc(r.url)}</span></div>
</div>
<p class="note">${esc(x.howToVerify)}</p>
<details><summary>${esc(x.receiptText)}</summary><pre>${esc(r.receipt)}</pre></details>
<section id="browser-check"><h2>${esc(x.browserCheck.title)}</h2><p id="browser-check-status" role="status" aria-live="polite">${esc(x.browserCheck.checking)}</p><ul id="browser-check-list"></ul></section>
<script type="application/json" id="receipt-data">${jsonForScript({
    receipt: r.receipt,
    policy: o.policy,
    kind: r.kind,
    ref: r.ref,
    recordPath: `/v1/ledger/records/${encodeURIComponent(r.kind)}/${encodeURIComponent(r.ref)}`,
    texts: x.browserCheck,
  })}</script>
<script type="module" src="/assets/receipt-page.js"></script>
</body>
</html>
`;
}

/** JSON inside <script>: "<" escaped so the data can never close the element (HTML §4.12.1.3). */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The page for a record the caller may read (the receipt carries the salt that opens the record). */
export async function receiptPage(
  ctx: ServiceContext,
  kind: string,
  ref: string,
  lang: ReceiptPageLang,
): Promise<string> {
  await assertMayReadRecord(ctx, kind, ref);
  const r = await receiptFor(ctx, kind, ref);
  const url = `${ctx.settings.publicBaseUrl}/v1/ledger/receipts/${encodeURIComponent(kind)}/${encodeURIComponent(ref)}`;
  const policy = formatPolicy(witnessingOf(ctx.ledger).policy);
  return renderReceiptPage({ ...r, kind, ref, origin: ctx.ledger.origin, url }, { lang, policy });
}
