/**
 * The symbologies the platform prints and how bwip-js is asked to draw each. bwip-js draws a 2D module 2 units
 * wide and a linear module 1 unit wide at scale 1, and `padding` is in those units: that is how the quiet zones
 * below are expressed.
 */
import type { AiElement } from "../../core/gs1/index.ts";
import type { CodeProblem } from "./code-problem.ts";
import type { TraceCode } from "./trace-code.ts";

export const barcodeSymbologies = ["qr", "datamatrix", "gs1-128"] as const;
export type BarcodeSymbology = (typeof barcodeSymbologies)[number];

export const barcodeFormats = ["svg", "png"] as const;
export type BarcodeFormat = (typeof barcodeFormats)[number];

export interface BwipSymbolOptions {
  readonly bcid: string;
  readonly text: string;
  readonly padding: number;
  /** White, not transparent: a quiet zone must be light whatever the symbol is laid on. */
  readonly backgroundcolor: string;
  readonly eclevel?: string;
  readonly parse?: boolean;
  readonly includetext?: boolean;
}

const WHITE = "FFFFFF";

export type SymbolOptionsResult = { ok: true; value: BwipSymbolOptions } | { ok: false; error: CodeProblem };

export function bwipSymbolOptions(symbology: BarcodeSymbology, code: TraceCode): SymbolOptionsResult {
  if (symbology === "qr") {
    // A QR code carries the Digital Link URI as text. Error correction level M (ISO/IEC 18004: about 15 % of
    // codewords recoverable) is a fair trade between symbol size and scuffed or curved packs; the quiet zone is
    // 4X on all four sides (ISO/IEC 18004), i.e. 8 units.
    return { ok: true, value: { bcid: "qrcode", text: code.uri, eclevel: "M", padding: 8, backgroundcolor: WHITE } };
  }
  if (code.elements.length === 0) {
    return {
      ok: false,
      error: {
        code: "not-gs1-data",
        message: `${symbology} carries GS1 element strings; a platform trace number has none (use qr)`,
      },
    };
  }
  const text = bwipGs1Text(code.elements);
  if (symbology === "datamatrix") {
    // GS1 DataMatrix (GS1 General Specifications §5.6): ECC 200 with FNC1 in first position, which bwip-js's
    // gs1datamatrix encoder adds, as it adds the FNC1 separators after variable-length values. Quiet zone 1X
    // (ISO/IEC 16022).
    return { ok: true, value: { bcid: "gs1datamatrix", text, parse: true, padding: 2, backgroundcolor: WHITE } };
  }
  // GS1-128 (GS1 General Specifications §5.4): FNC1 after the start character and as separator, added by the
  // gs1-128 encoder; quiet zones of 10X left and right (§5.4.4); the human-readable interpretation below the
  // bars (§4.15), drawn by bwip-js.
  return {
    ok: true,
    value: { bcid: "gs1-128", text, parse: true, padding: 10, includetext: true, backgroundcolor: WHITE },
  };
}

/**
 * Bracketed AI syntax for bwip-js's GS1 encoders. They take "(" as the start of the next AI and do not know the
 * "\(" escape, so a literal parenthesis goes as "^040" under `parse` ("^" cannot occur: it is in none of the GS1
 * character sets, GenSpecs §7.11).
 */
export function bwipGs1Text(elements: readonly AiElement[]): string {
  let out = "";
  for (const e of elements) out += `(${e.ai})${e.value.replaceAll("(", "^040")}`;
  return out;
}
