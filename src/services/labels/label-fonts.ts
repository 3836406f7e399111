/**
 * The Noto Sans SC fonts (SIL OFL 1.1) embedded in label PDFs: full TrueType files of about 10 MB each, read once
 * per process and kept; pdfkit embeds only the glyphs a document uses (a subset, /FontFile2).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FontWeight } from "./text-fit.ts";

const files: Readonly<Record<FontWeight, string>> = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

const loaded = new Map<FontWeight, Buffer>();

export function labelFont(weight: FontWeight): Buffer {
  let font = loaded.get(weight);
  if (!font) {
    font = readFileSync(createRequire(import.meta.url).resolve(files[weight]));
    loaded.set(weight, font);
  }
  return font;
}
