/**
 * One barcode as SVG or PNG, a pure function of its input (which is why HTTP may cache it for good). The data is
 * checked by the GS1 core before bwip-js sees it, so that a bad code is named ("AI (01): incorrect check digit")
 * instead of surfacing as an encoder error.
 */
import bwipjs from "bwip-js";
import { type BarcodeFormat, type BarcodeSymbology, bwipSymbolOptions } from "./barcode-symbology.ts";
import { codeError } from "./code-problem.ts";
import { DEFAULT_DIGITAL_LINK_BASE, resolveTraceCode } from "./trace-code.ts";

export interface BarcodeRequest {
  readonly symbology: BarcodeSymbology;
  /** A Digital Link URI, a bracketed element string, or (QR only) a platform trace URL. */
  readonly data: string;
  readonly format: BarcodeFormat;
  /** Pixels per bwip-js unit (PNG) or the size of the SVG's user unit; 1-20, default 3. */
  readonly scale?: number;
}

export interface RenderedBarcode {
  readonly contentType: "image/svg+xml" | "image/png";
  readonly body: string | Buffer;
}

export interface BarcodeRenderOptions {
  /** JSON pointer of the data, for errors ("/query/data" over HTTP). */
  readonly pointer?: string;
  /** Base of Digital Link URIs built from element strings for QR codes. */
  readonly digitalLinkBase?: string;
}

export const DEFAULT_BARCODE_SCALE = 3;
export const MAX_BARCODE_SCALE = 20;

export async function renderBarcode(
  request: BarcodeRequest,
  opts: BarcodeRenderOptions = {},
): Promise<RenderedBarcode> {
  const pointer = opts.pointer ?? "/data";
  const code = resolveTraceCode(request.data, opts.digitalLinkBase ?? DEFAULT_DIGITAL_LINK_BASE);
  if (!code.ok) throw codeError(code.error, pointer);
  const symbol = bwipSymbolOptions(request.symbology, code.value);
  if (!symbol.ok) throw codeError(symbol.error, pointer);
  const scale = Math.min(MAX_BARCODE_SCALE, Math.max(1, Math.round(request.scale ?? DEFAULT_BARCODE_SCALE)));
  try {
    if (request.format === "svg") {
      return { contentType: "image/svg+xml", body: bwipjs.toSVG({ ...symbol.value, scale }) };
    }
    return { contentType: "image/png", body: await bwipjs.toBuffer({ ...symbol.value, scale }) };
  } catch (e) {
    // The GS1 core accepted the data, so what is left is capacity (or a GS1 rule bwip-js lints more strictly).
    const detail = e instanceof Error ? e.message.replace(/^bwipp\.\w+#\d+:\s*/, "") : String(e);
    throw codeError(
      { code: "symbol-not-encodable", message: `cannot encode as ${request.symbology}: ${detail}` },
      pointer,
    );
  }
}
