/**
 * Lays out one label: which fields fit, where every text and the QR code go, and how long texts are cut.
 * Pure: data in, drawing instructions out (label-drawing.ts), in millimetres.
 */
import type { DrawItem, LabelDrawing } from "./label-drawing.ts";
import type { LabelField, LabelTemplate } from "./label-templates.ts";
import type { LabelTexts } from "./label-texts.ts";
import type { ResolvedLabel } from "./resolve-label.ts";
import { type FontWeight, fitLine, MM_PER_PT, textWidthMm, wrapLines } from "./text-fit.ts";

/** Noto Sans SC ideographs rise to about 0.88 em above the baseline and sink 0.12 em below it. */
const ASCENT = 0.88;
const DESCENT = 0.12;
/** Space between the product name and the fields, and above the human-readable code. */
const GAP_MM = 0.8;

export function layoutLabel(label: ResolvedLabel, t: LabelTemplate, texts: LabelTexts): LabelDrawing {
  const m = t.marginMm;
  const qr = { x: t.widthMm - t.qrInsetMm - t.qrMm, y: t.qrInsetMm, size: t.qrMm };
  const fullWidth = t.widthMm - 2 * m;
  // The QR square carries its own quiet zone, so text may come right up to it.
  const columnWidth = qr.x - m;

  const hri = hriLine(label.code.hri, fullWidth, t);
  const hriBaseline = t.heightMm - m - DESCENT * hri.sizePt * MM_PER_PT;
  const textBottom = hriBaseline - ASCENT * hri.sizePt * MM_PER_PT - GAP_MM;

  const nameLine = t.nameSizePt * MM_PER_PT * t.leading;
  const fieldLine = t.fieldSizePt * MM_PER_PT * t.leading;
  let fields = t.fields.filter((f) => fieldValue(label, f) !== undefined);
  let nameLines = wrapLines(label.productName, columnWidth, t.nameSizePt, "bold", t.nameMaxLines);
  const height = () => nameLines.length * nameLine + GAP_MM + fields.length * fieldLine;
  for (const drop of [...t.dropOrder, null]) {
    if (m + height() <= textBottom) break;
    if (drop) fields = fields.filter((f) => f !== drop);
    else nameLines = wrapLines(label.productName, columnWidth, t.nameSizePt, "bold", 1);
  }

  const items: DrawItem[] = [];
  const qrBottom = qr.y + qr.size;
  let top = m;
  const put = (text: string, sizePt: number, weight: FontWeight, lineHeight: number) => {
    const width = top >= qrBottom ? fullWidth : columnWidth;
    const y = top + (lineHeight - sizePt * MM_PER_PT) / 2 + ASCENT * sizePt * MM_PER_PT;
    items.push({ kind: "text", x: m, y: round(y), sizePt, weight, text: fitLine(text, width, sizePt, weight) });
    top += lineHeight;
  };
  for (const line of nameLines) put(line, t.nameSizePt, "bold", nameLine);
  top += GAP_MM;
  for (const f of fields)
    put(`${caption(texts, f)}${texts.separator}${fieldValue(label, f)}`, t.fieldSizePt, "regular", fieldLine);
  items.push({ kind: "text", x: m, y: round(hriBaseline), sizePt: hri.sizePt, weight: "regular", text: hri.text });
  items.push({ kind: "qr", x: round(qr.x), y: qr.y, size: qr.size, uri: label.code.uri });
  return { widthMm: t.widthMm, heightMm: t.heightMm, title: label.productName, items };
}

/** The human-readable code at full width: smaller type before any truncation, as it is the fallback to scanning. */
function hriLine(hri: string, width: number, t: LabelTemplate): { text: string; sizePt: number } {
  let sizePt = t.hriSizePt;
  while (sizePt > t.hriMinSizePt && textWidthMm(hri, sizePt, "regular") > width) sizePt -= 0.5;
  return { text: fitLine(hri, width, sizePt, "regular"), sizePt };
}

function fieldValue(label: ResolvedLabel, field: LabelField): string | undefined {
  if (field === "producer") return label.producerName;
  return label[field];
}

function caption(texts: LabelTexts, field: LabelField): string {
  return texts[field];
}

function round(mm: number): number {
  return Math.round(mm * 100) / 100;
}
