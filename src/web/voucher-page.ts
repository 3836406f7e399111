import type { PublicVoucherRecord } from "../services/public/public-records.ts";
import { html } from "./html.ts";
import { page } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";

export function voucherPage(r: PublicVoucherRecord, lang: Lang): string {
  const m = messages[lang];
  const q = lang === "en" ? "?lang=en" : "";
  const body = html`<section aria-labelledby="v-title">
<h1 id="v-title">${m.voucherTitle} ${r.voucherCode}</h1>
<dl>
<dt>${m.shipper}</dt><dd>${r.shipper.name} <span class="muted">${r.shipper.regionName}</span></dd>
${r.receiver ? html`<dt>${m.receiver}</dt><dd>${r.receiver.name}</dd>` : ""}
<dt>${m.shippedAt}</dt><dd><time datetime="${r.shippedAt}">${r.shippedAt.slice(0, 10)}</time></dd>
<dt>${m.status}</dt><dd>${r.status}</dd>
</dl>
<h2>${m.lots}</h2>
<ul class="plain">${r.lots.map((l) => html`<li><a href="${l.traceCode}${q}">${l.productName} · ${l.lotCode}</a></li>`)}</ul>
</section>`;
  return page(lang, `${m.voucherTitle} ${r.voucherCode}`, body);
}
