/**
 * One label as a standalone SVG document sized in millimetres. Texts name the font family "Noto Sans SC" (the
 * font the layout measured; the PDF embeds it) and are XML-escaped; the QR code is the vector of qr-modules.ts.
 */
import type { LabelDrawing, QrItem, TextItem } from "./label-drawing.ts";
import { QR_QUIET_ZONE, qrModules } from "./qr-modules.ts";
import { MM_PER_PT } from "./text-fit.ts";
import { escapeXml } from "./xml-escape.ts";

export const SVG_FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

export function labelSvg(drawing: LabelDrawing): string {
  const { widthMm: w, heightMm: h } = drawing;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeXml(drawing.title)}</title>`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    `<g font-family="${SVG_FONT_FAMILY}" fill="#000">`,
  ];
  for (const item of drawing.items) if (item.kind === "text") parts.push(svgText(item));
  parts.push("</g>");
  for (const item of drawing.items) if (item.kind === "qr") parts.push(svgQr(item));
  parts.push("</svg>");
  return parts.join("\n");
}

function svgText(t: TextItem): string {
  const size = num(t.sizePt * MM_PER_PT);
  const weight = t.weight === "bold" ? ' font-weight="700"' : "";
  return `<text x="${num(t.x)}" y="${num(t.y)}" font-size="${size}"${weight}>${escapeXml(t.text)}</text>`;
}

function svgQr(q: QrItem): string {
  const modules = qrModules(q.uri);
  const module = q.size / (modules.count + 2 * QR_QUIET_ZONE);
  const at = (v: number) => num(v + QR_QUIET_ZONE * module);
  return (
    `<path class="qr" data-uri="${escapeXml(q.uri)}" transform="translate(${at(q.x)} ${at(q.y)}) scale(${num(module)})"` +
    ` fill="#000" d="${modules.path}"/>`
  );
}

function num(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}
