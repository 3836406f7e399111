import type { CodeHelp } from "../core/resolver/code-help.ts";
import { html } from "./html.ts";
import { page } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";

/** The helpful page for a code that is invalid (what is wrong) or valid but unknown (whose, what to do). */
export function codeProblemPage(code: string, help: CodeHelp, lang: Lang): string {
  const m = messages[lang];
  const title = help.valid ? m.notFoundTitle : m.invalidTitle;
  const body = html`<section aria-labelledby="p-title">
<h1 id="p-title">${title}</h1>
<p><code>${code}</code></p>
<p>${lang === "en" ? help.detail : help.detailZh}</p>
<p>${m.whatToDo}</p>
<ul class="plain">${(lang === "en" ? help.advice : help.adviceZh).map((a) => html`<li>${a}</li>`)}</ul>
<p><a href="/scan${lang === "en" ? "?lang=en" : ""}">${m.scannerTitle}</a></p>
</section>`;
  return page(lang, title, body);
}
