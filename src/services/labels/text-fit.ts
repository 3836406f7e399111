/**
 * Text measurement and fitting for labels, from the font's own advance widths (noto-sans-sc-metrics.ts), so that
 * the SVG and the PDF break and truncate a text at the same place. Sizes in points, widths in millimetres.
 */
import { NOTO_SANS_SC_BOLD_ASCII, NOTO_SANS_SC_OTHER, NOTO_SANS_SC_REGULAR_ASCII } from "./noto-sans-sc-metrics.ts";

export type FontWeight = "regular" | "bold";

export const MM_PER_PT = 25.4 / 72;
const ELLIPSIS = "…";

export function textWidthMm(text: string, sizePt: number, weight: FontWeight): number {
  const table = weight === "bold" ? NOTO_SANS_SC_BOLD_ASCII : NOTO_SANS_SC_REGULAR_ASCII;
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    units += c >= 0x20 && c < 0x7f ? (table[c - 0x20] as number) : NOTO_SANS_SC_OTHER;
  }
  return (units / 1000) * sizePt * MM_PER_PT;
}

/** The text, or its longest head that fits with "…" after it. */
export function fitLine(text: string, maxMm: number, sizePt: number, weight: FontWeight): string {
  if (textWidthMm(text, sizePt, weight) <= maxMm) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidthMm(chars.join("") + ELLIPSIS, sizePt, weight) > maxMm) chars.pop();
  return chars.join("").trimEnd() + ELLIPSIS;
}

/**
 * Greedy line breaking into at most `maxLines`: Chinese breaks between any two characters, Latin text at the last
 * space of the line when there is one; the last line is truncated with "…" if text remains.
 */
export function wrapLines(text: string, maxMm: number, sizePt: number, weight: FontWeight, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && lines.length < maxLines - 1) {
    if (textWidthMm(rest, sizePt, weight) <= maxMm) break;
    const chars = [...rest];
    let n = 0;
    while (n < chars.length && textWidthMm(chars.slice(0, n + 1).join(""), sizePt, weight) <= maxMm) n++;
    if (n === 0) n = 1;
    const head = chars.slice(0, n).join("");
    const space = head.lastIndexOf(" ");
    const cut = space > 0 && chars[n] !== " " ? space : head.length;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) lines.push(fitLine(rest, maxMm, sizePt, weight));
  return lines;
}
