/**
 * Resource paths of C2SP tlog-tiles v0.1.0 §Merkle Tree and §Log entries: `tile/<L>/<N>[.p/<W>]` and
 * `tile/entries/<N>[.p/<W>]`, where N is written as zero-padded 3-digit path elements, all but the last
 * prefixed with "x" (so that files and directories never collide on disk).
 */
import { parseDecimal } from "./encoding.ts";
import { fail, ok, type Result } from "./result.ts";

/** Tiles are subtrees of height 8: 256 hashes wide when full. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** §Merkle Tree: `<L>` is between 0 and 63. */
export const MAX_TILE_LEVEL = 63;

/** A tile of hashes (`level` ≥ 0) or an entry bundle (`level` = "entries"); width 256 is a full tile. */
export interface TileId {
  readonly level: number | "entries";
  readonly index: number;
  readonly width: number;
}

/** A tile of Merkle tree hashes (not an entry bundle). */
export type HashTileId = TileId & { readonly level: number };

/** 1234067 → "x001/x234/067". */
export function formatTileIndex(index: number): string {
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, "0"));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

function checkTile(tile: TileId): string | undefined {
  const { level, index, width } = tile;
  if (level !== "entries" && (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL)) {
    return `tile level ${level} is not between 0 and ${MAX_TILE_LEVEL}`;
  }
  if (!Number.isSafeInteger(index) || index < 0) return `tile index ${index} is not valid`;
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH)
    return `tile width ${width} is not between 1 and 256`;
  return undefined;
}

export function tilePath(tile: TileId): Result<string> {
  const problem = checkTile(tile);
  if (problem !== undefined) return fail("out-of-range", problem);
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : "";
  return ok(`tile/${tile.level}/${formatTileIndex(tile.index)}${partial}`);
}

const PATH = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/** Parses a tile or entry-bundle path (relative to the log prefix); only the canonical spelling is accepted. */
export function parseTilePath(path: string): Result<TileId> {
  const match = PATH.exec(path);
  if (match === null) return fail("malformed", `"${path}" is not a tlog-tiles path`);
  const [, levelText, indexText, widthText] = match as unknown as [string, string, string, string | undefined];
  const level = levelText === "entries" ? "entries" : Number(levelText);
  const index = parseDecimal(indexText.replace(/x|\//g, "").replace(/^0+(?=.)/, ""));
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (index === undefined) return fail("out-of-range", `"${path}" has an index beyond 2^53`);
  if (widthText !== undefined && width >= TILE_WIDTH)
    return fail("out-of-range", "a partial tile is 1 to 255 hashes wide");
  const tile: TileId = { level, index, width };
  const problem = checkTile(tile);
  if (problem !== undefined) return fail("out-of-range", problem);
  // "x000/005" names the same index as "005"; only the form we would write is a valid path.
  if (formatTileIndex(index) !== indexText) return fail("malformed", `"${path}" is not the canonical path of its tile`);
  return ok(tile);
}
