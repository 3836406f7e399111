import { type Html, html, raw } from "./html.ts";
import { type Lang, messages } from "./messages.ts";

/**
 * The shell of every public page: mobile first, no framework, CSS inline (one request for a cheap phone), colours
 * chosen for WCAG 2.1 AA contrast (4.5:1 for text), the document language set for screen readers.
 */
const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#f4f5f7}
a{color:#0b4f8a}header{background:#0b4f8a;color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between;align-items:center}
header a{color:#fff}.brand{font-weight:600;text-decoration:none}main{max-width:42rem;margin:0 auto;padding:.75rem}
section{background:#fff;border-radius:8px;padding:.9rem 1rem;margin:.75rem 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:.2rem 0 .4rem}h2{font-size:1.1rem;margin:0 0 .5rem}dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.25rem .8rem}
dt{color:#4a4a4a}dd{margin:0;word-break:break-all}.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85rem;font-weight:600;margin-left:.3rem}
.b-expired{background:#b00020;color:#fff}.b-near{background:#fff3cd;color:#6b4400;border:1px solid #a36b00}.b-ok{background:#e6f4ea;color:#1e5b2e}
.recall{background:#b00020;color:#fff}.recall h2{color:#fff}ol.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:3px solid #0b4f8a}
ol.timeline li{margin:0 0 .7rem;position:relative}ol.timeline li:before{content:"";position:absolute;left:-1.45rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#0b4f8a}
.muted{color:#4a4a4a;font-size:.9rem}ul.plain{margin:0;padding-left:1.1rem}.ok{color:#1e5b2e}.fail{color:#b00020;font-weight:600}
label{display:block;margin:.5rem 0 .2rem;font-weight:600}input,select,textarea,button{font:inherit;width:100%;padding:.5rem;border:1px solid #6b6b6b;border-radius:6px;background:#fff;color:#1a1a1a}
button{background:#0b4f8a;color:#fff;border:0;margin-top:.7rem;font-weight:600;cursor:pointer}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
video{width:100%;background:#000;border-radius:8px}.skip{position:absolute;left:-10000px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#0b4f8a;padding:.3rem}
`;

export function page(
  lang: Lang,
  title: string,
  body: Html,
  opts: {
    readonly altLangHref?: string;
    readonly scripts?: readonly string[];
    /** Classic scripts (e.g. an IIFE bundle that defines a global), run before the modules, in order. */
    readonly classicScripts?: readonly string[];
  } = {},
): string {
  const m = messages[lang];
  const otherLang = lang === "en" ? "zh-CN" : "en";
  const alt = opts.altLangHref ?? `?lang=${otherLang}`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${m.siteName}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${m.skip}</a>
<header><a class="brand" href="/scan${lang === "en" ? "?lang=en" : ""}">${m.siteName}</a><a href="${alt}" lang="${otherLang}" hreflang="${otherLang}">${m.switchLang}</a></header>
<main id="main">
${body}
</main>
${(opts.classicScripts ?? []).map((s) => html`<script defer src="${s}"></script>`)}
${(opts.scripts ?? []).map((s) => html`<script type="module" src="${s}"></script>`)}
</body>
</html>`.value;
}
