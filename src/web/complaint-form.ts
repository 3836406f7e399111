import { complaintCategories } from "../core/complaints/complaint.ts";
import { type Html, html } from "./html.ts";
import { type Lang, messages } from "./messages.ts";

/**
 * The complaint form (投诉举报): a plain form POST that works without JavaScript. The `website` field is a
 * honeypot hidden from people and from assistive technology; the token carries the time the form was served.
 */
export function complaintForm(code: string, lang: Lang, token: string): Html {
  const m = messages[lang];
  return html`<section id="complaint" aria-labelledby="complaint-title">
<h2 id="complaint-title">${m.complaintTitle}</h2>
<p class="muted">${m.complaintIntro}</p>
<form method="post" action="/v1/complaints">
<input type="hidden" name="code" value="${code}">
<input type="hidden" name="formToken" value="${token}">
<input type="hidden" name="lang" value="${lang}">
<div class="hp" aria-hidden="true"><label for="c-website">${m.honeypot}</label><input id="c-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<label for="c-category">${m.category}</label>
<select id="c-category" name="category" required>${complaintCategories.map((c) => html`<option value="${c}">${m.categories[c] ?? c}</option>`)}</select>
<label for="c-description">${m.description}</label>
<textarea id="c-description" name="description" rows="4" minlength="10" maxlength="2000" required></textarea>
<label for="c-name">${m.contactName}</label>
<input id="c-name" name="contactName" type="text" maxlength="50" autocomplete="name">
<label for="c-phone">${m.contactPhone}</label>
<input id="c-phone" name="contactPhone" type="tel" maxlength="20" autocomplete="tel">
<button type="submit">${m.submit}</button>
</form>
</section>`;
}
