import type { PublicPartyRecord } from "../services/public/public-records.ts";
import { complaintForm } from "./complaint-form.ts";
import { html } from "./html.ts";
import { page } from "./layout.ts";
import { licences } from "./lot-page.ts";
import { type Lang, messages } from "./messages.ts";
import { partyKindNames } from "./party-kinds.ts";

/** The party page (主体码): the public e-archive of a producer or seller. */
export function partyPage(r: PublicPartyRecord, lang: Lang, formToken: string): string {
  const m = messages[lang];
  const p = r.party;
  const body = html`
<section aria-labelledby="party-title">
<h1 id="party-title">${p.name}</h1>
<dl>
<dt>${m.partyKind}</dt><dd>${partyKindNames[lang][p.kind] ?? p.kind}</dd>
<dt>${m.region}</dt><dd>${p.regionName}</dd>
${p.creditCode ? html`<dt>${m.creditCode}</dt><dd>${p.creditCode}</dd>` : ""}
${r.riskGrade ? html`<dt>${m.riskGrade}</dt><dd>${r.riskGrade}</dd>` : ""}
</dl>
${licences(p.licences, lang)}
</section>
<section aria-labelledby="products-title">
<h2 id="products-title">${m.products}</h2>
${r.products.length === 0 ? html`<p class="muted">${m.noProducts}</p>` : html`<ul class="plain">${r.products.map((x) => html`<li>${x.name}${x.spec ? ` ${x.spec}` : ""}</li>`)}</ul>`}
</section>
<section aria-labelledby="recalls-title">
<h2 id="recalls-title">${m.recalls}</h2>
${
  r.recalls.length === 0
    ? html`<p class="muted">${m.noRecalls}</p>`
    : html`<ul class="plain">${r.recalls.map((x) => html`<li>${x.openedAt.slice(0, 10)} · ${x.level} · ${x.reason} <span class="badge ${x.open ? "b-expired" : "b-ok"}">${x.open ? m.recallOpen : m.recallClosed}</span></li>`)}</ul>`
}
</section>
${complaintForm(p.codeUrl, lang, formToken)}`;
  return page(lang, p.name, body);
}
