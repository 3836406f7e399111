/**
 * The modules of a label's QR code as one vector path, so that the SVG and the PDF draw the very same symbol
 * (crisp at any printer resolution, unlike an embedded bitmap). Same encoder settings as renderBarcode's QR:
 * error correction level M (ISO/IEC 18004).
 */
import bwipjs from "bwip-js";

export interface QrModules {
  /** Modules per side, quiet zone excluded. */
  readonly count: number;
  /** Rows of modules, top first; 1 is dark. */
  readonly rows: readonly (readonly number[])[];
  /** The dark modules as an SVG path in module units (one rectangle per horizontal run), origin top-left. */
  readonly path: string;
}

/** Quiet zone of a QR code, in modules on each side (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

const cache = new Map<string, QrModules>();
/** Labels of one lot repeat one URI; serials never repeat. A small cache serves the first without hoarding. */
const CACHE_LIMIT = 256;

export function qrModules(uri: string): QrModules {
  const hit = cache.get(uri);
  if (hit) return hit;
  const symbol = bwipjs.raw("qrcode", uri, "eclevel=M")[0] as { pixs: number[]; pixx: number };
  const count = symbol.pixx;
  const rows: number[][] = [];
  let path = "";
  for (let y = 0; y < count; y++) {
    const row = symbol.pixs.slice(y * count, (y + 1) * count);
    rows.push(row);
    for (let x = 0; x < count; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < count && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  const modules = { count, rows, path };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(uri, modules);
  return modules;
}
