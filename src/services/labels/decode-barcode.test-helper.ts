/**
 * Test support: decodes barcode images with ZXing-C++ (zxing-wasm), offline from the wasm binary shipped in the
 * package, so that tests compare what a scanner reads with what was asked for.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { prepareZXingModule, type ReadResult, readBarcodes } from "zxing-wasm/reader";

let prepared = false;

function prepare(): void {
  if (prepared) return;
  const wasm = readFileSync(createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"));
  const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
  prepareZXingModule({ overrides: { wasmBinary } });
  prepared = true;
}

/** Symbols in a PNG, text in "Plain" mode: GS1 data as transmitted, with GS (0x1D) separators. */
export async function decodePng(png: Uint8Array): Promise<ReadResult[]> {
  prepare();
  return readBarcodes(png, { tryHarder: true, textMode: "Plain" });
}

/** Symbols in a greyscale module matrix (1 = dark), drawn with a quiet zone at `pixels` per module. */
export async function decodeMatrix(rows: readonly (readonly number[])[], pixels = 4, quiet = 4): Promise<ReadResult[]> {
  prepare();
  const n = rows.length;
  const side = (n + 2 * quiet) * pixels;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  rows.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < pixels; dy++) {
        for (let dx = 0; dx < pixels; dx++) {
          const at = (((y + quiet) * pixels + dy) * side + (x + quiet) * pixels + dx) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    });
  });
  // zxing-wasm takes anything shaped like ImageData (it checks for data, width and height).
  const image = { data, width: side, height: side } as unknown as Parameters<typeof readBarcodes>[0];
  return readBarcodes(image, { tryHarder: true });
}
