import type { PublicDocument, PublicLotRecord } from "../services/public/public-records.ts";
import { complaintForm } from "./complaint-form.ts";
import { type Html, html, raw } from "./html.ts";
import { page } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";

export interface LotPageOptions {
  /** The log's C2SP tlog-policy (its keys, witnesses and quorum) the browser checks the receipt under. */
  readonly policy: string;
  readonly formToken: string;
}

/** The consumer scan page of a lot (扫码查询): server-rendered; the ledger check runs in the browser after load. */
export function lotPage(r: PublicLotRecord, lang: Lang, opts: LotPageOptions): string {
  const m = messages[lang];
  const badge =
    r.expiry.status === "expired"
      ? html`<span class="badge b-expired">${m.expired}</span>`
      : r.expiry.status === "near"
        ? html`<span class="badge b-near">${m.nearExpiry} · ${m.daysLeft(r.expiry.daysLeft ?? 0)}</span>`
        : "";
  const recall = r.recall
    ? html`<section class="recall" id="recall" role="alert"><h2>⚠ ${m.recallTitle}</h2><p>${m.recallBody(r.recall.level, r.recall.reason, r.recall.openedAt.slice(0, 10))}</p></section>`
    : "";
  const body = html`
${recall}
<section aria-labelledby="product-title">
<h1 id="product-title">${r.product.name}${r.product.spec ? ` ${r.product.spec}` : ""}</h1>
<dl>
<dt>${m.lotCode}</dt><dd>${r.lotCode}</dd>
${r.gtin ? html`<dt>${m.gtin}</dt><dd>${r.gtin}</dd>` : ""}
<dt>${m.productionDate}</dt><dd>${r.productionDate}</dd>
<dt>${m.expiryDate}</dt><dd>${r.expiryDate ?? m.noExpiry}${badge}</dd>
<dt>${m.origin}</dt><dd>${r.origin.regionName}${r.origin.place ? ` · ${r.origin.place}` : ""}</dd>
<dt>${m.traceCode}</dt><dd class="muted">${r.traceCode}</dd>
</dl>
</section>
<section aria-labelledby="producer-title">
<h2 id="producer-title">${m.producer}</h2>
<p><a href="${r.producer.codeUrl}${lang === "en" ? "?lang=en" : ""}">${r.producer.name}</a> <span class="muted">${r.producer.regionName} · ${m.entry[r.entry] ?? r.entry}</span></p>
${r.producer.creditCode ? html`<p class="muted">${m.creditCode}: ${r.producer.creditCode}</p>` : ""}
${licences(r.producer.licences, lang)}
</section>
<section aria-labelledby="inspections-title">
<h2 id="inspections-title">${m.inspections}</h2>
${r.inspections.length === 0 && r.samplingResults.length > 0 ? "" : documents(r.inspections, m.noInspections, lang)}
${samplingResults(r.samplingResults, lang)}
</section>
<section aria-labelledby="certificates-title">
<h2 id="certificates-title">${m.certificates}</h2>
${documents(r.certificates, m.noCertificates, lang)}
</section>
<section id="chain" aria-labelledby="chain-title">
<h2 id="chain-title">${m.chain}</h2>
${
  r.chain.length === 0
    ? html`<p class="muted">${m.noChain}</p>`
    : html`<ol class="timeline">${r.chain.map(
        (s) =>
          html`<li><time datetime="${s.at}">${s.at.slice(0, 10)}</time> <strong>${m.step[s.kind] ?? s.kind}</strong> · ${s.partyName}${s.toPartyName ? html` ${m.to} ${s.toPartyName}` : ""}<br><span class="muted">${s.regionName}${s.lotCode !== r.lotCode ? ` · ${m.lotCode} ${s.lotCode}` : ""}</span></li>`,
      )}</ol>`
}
</section>
<section id="ledger" aria-labelledby="ledger-title" data-receipt-url="${r.ledger.receiptUrl}" data-record-url="${r.ledger.recordUrl}" data-kind="${r.ledger.kind}" data-ref="${r.ledger.ref}" data-lot-code="${r.lotCode}" data-lang="${lang}">
<h2 id="ledger-title">${m.ledgerTitle}</h2>
<p id="ledger-status" role="status" aria-live="polite">${m.ledgerChecking}</p>
<ul id="ledger-checks" class="plain"></ul>
<p id="ledger-evidence" class="muted"></p>
<script type="application/json" id="ledger-texts">${jsonForScript({
    ok: m.ledgerOk,
    fail: m.ledgerFail,
    pending: m.ledgerPending,
    checks: m.ledgerChecks,
    evidence: m.evidenceNumber,
  })}</script>
<script type="application/json" id="ledger-policy">${jsonForScript(opts.policy)}</script>
</section>
${complaintForm(r.traceCode, lang, opts.formToken)}`;
  return page(lang, `${r.product.name} ${r.lotCode}`, body, { scripts: ["/assets/lot-page.js"] });
}

export function licences(list: PublicLotRecord["producer"]["licences"], lang: Lang): Html | string {
  const m = messages[lang];
  if (list.length === 0) return "";
  return html`<p class="muted">${m.licences}:</p><ul class="plain">${list.map(
    (l) =>
      html`<li>${l.number} · ${m.validUntil} ${l.validUntil ?? m.noEnd} <span class="badge ${l.expired ? "b-expired" : "b-ok"}">${l.expired ? m.licenceExpired : m.licenceValid}</span></li>`,
  )}</ul>`;
}

function samplingResults(list: PublicLotRecord["samplingResults"], lang: Lang): Html | string {
  const m = messages[lang];
  if (list.length === 0) return "";
  return html`<ul class="plain">${list.map(
    (x) =>
      html`<li>${m.officialSampling(x.sampleNo, x.agency)} · ${m.result}: <strong class="${x.result === "fail" ? "fail" : "ok"}">${x.result === "fail" ? m.samplingFail : m.samplingPass}</strong>${x.failedItems.length > 0 ? html`<br><span class="muted">${m.failedItems}: ${x.failedItems.join("、")}</span>` : ""}${x.sampledOn ? html`<br><span class="muted">${x.sampledOn}</span>` : ""}</li>`,
  )}</ul>`;
}

function documents(list: readonly PublicDocument[], empty: string, lang: Lang): Html {
  const m = messages[lang];
  if (list.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="plain">${list.map(
    (d) =>
      html`<li><a href="${d.url}">${d.title}</a>${d.result ? html` · ${m.result}: <strong>${d.result}</strong>` : ""}<br><span class="muted">${[d.issuedOn, d.issuer ? `${d.issuer} ${m.issuedBy}` : null].filter(Boolean).join(" · ")}</span></li>`,
  )}</ul>`;
}

/** JSON inside <script>: "<" escaped so the data can never close the element (HTML §4.12.1.3). */
function jsonForScript(value: unknown): Html {
  return raw(JSON.stringify(value).replace(/</g, "\\u003c"));
}
