import { html, raw } from "./html.ts";
import { page } from "./layout.ts";
import { type Lang, messages } from "./messages.ts";

/**
 * The scanner page: camera scanning of QR and DataMatrix codes in the browser with zxing-wasm (ZXing C++ built to
 * WebAssembly, served from this server: no CDN), a photo or typed code as fallbacks, then the pages above. An
 * enterprise with its API key can receive a scanned trace voucher (POST /v1/receipts) here.
 */
export function scannerPage(lang: Lang): string {
  const m = messages[lang];
  const texts = JSON.stringify({
    start: m.startCamera,
    stop: m.stopCamera,
    unavailable: m.cameraUnavailable,
    lang,
  }).replace(/</g, "\\u003c");
  const body = html`<section aria-labelledby="s-title">
<h1 id="s-title">${m.scannerTitle}</h1>
<p>${m.scannerIntro}</p>
<video id="video" playsinline muted hidden aria-label="${m.scannerTitle}"></video>
<button type="button" id="camera">${m.startCamera}</button>
<label for="photo">${m.choosePhoto}</label>
<input id="photo" type="file" accept="image/*" capture="environment">
<form id="manual">
<label for="code">${m.manualCode}</label>
<input id="code" name="code" type="text" inputmode="url" autocomplete="off">
<button type="submit">${m.lookUp}</button>
</form>
<p id="result" role="status" aria-live="polite"></p>
</section>
<section aria-labelledby="e-title">
<h2 id="e-title">${m.enterpriseTitle}</h2>
<p class="muted">${m.enterpriseIntro}</p>
<label for="apikey">${m.apiKey}</label>
<input id="apikey" type="password" autocomplete="off">
<button type="button" id="receive" hidden>${m.receive}</button>
<p id="receive-result" role="status" aria-live="polite"></p>
</section>
<script type="application/json" id="scanner-texts">${raw(texts)}</script>`;
  return page(lang, m.scannerTitle, body, {
    classicScripts: ["/assets/zxing/reader.js"],
    scripts: ["/assets/scanner.js"],
  });
}
