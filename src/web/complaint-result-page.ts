import { html } from "./html.ts";
import { page } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";

/** What a person sees after posting the complaint form (no JavaScript needed). */
export function complaintResultPage(
  lang: Lang,
  outcome: { ok: true; id: string; regionName: string; back: string } | { ok: false; detail: string; back: string },
): string {
  const m = messages[lang];
  const title = outcome.ok ? m.complaintThanks : m.complaintFailed;
  const body = html`<section aria-labelledby="r-title" ${outcome.ok ? "" : html`role="alert"`}>
<h1 id="r-title">${title}</h1>
<p id="complaint-outcome">${outcome.ok ? m.complaintRef(outcome.id, outcome.regionName) : outcome.detail}</p>
<p><a href="${outcome.back}">${m.back}</a></p>
</section>`;
  return page(lang, title, body);
}
