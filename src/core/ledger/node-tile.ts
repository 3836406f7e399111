/**
 * How the log stores its tree: one row per C2SP tlog-tiles tile. A row holds the tile's hashes — tree level 8·L,
 * indexes N·256 … N·256 + w − 1, exactly the bytes a tlog-tiles client fetches (§Merkle Tree) — followed by the
 * complete inner nodes of the tile's subtrees (tree levels 8·L + 1 … 8·L + 7). Any node of the tree is then one
 * slice of one row: a proof at 10,000,000 entries reads three rows and hashes nothing, where computing inner nodes
 * from bare tiles would cost up to 247 SHA-256 per tile level.
 *
 * Layout of a tile of width w (1–256): heights h = 0 … 7 in order, height h holding ⌊w / 2^h⌋ hashes (the nodes
 * complete within the first w hashes). A tile only ever grows at its right end, and what it held stays a prefix of
 * each height — so a row read at a larger size answers every node of a smaller one.
 */
import { HASH_SIZE, type Hash } from "./merkle-hash.ts";
import type { NodeId } from "./node-id.ts";
import { TILE_HEIGHT, TILE_WIDTH } from "./tile-path.ts";

/** A tile of the stored tree: tile level L (tree level 8·L) and index N. */
export interface NodeTileKey {
  readonly level: number;
  readonly index: number;
}

/** A tile's nodes by height within the tile: `heights[h]` holds the complete nodes of tree level 8·L + h. */
export interface NodeTile extends NodeTileKey {
  readonly heights: readonly (readonly Hash[])[];
}

/** Where node `id` lives: its tile, its height within the tile and its position at that height. */
export interface NodeLocation {
  readonly tile: NodeTileKey;
  readonly height: number;
  readonly position: number;
}

export function locateNode(id: NodeId): NodeLocation {
  const level = Math.floor(id.level / TILE_HEIGHT);
  const height = id.level - level * TILE_HEIGHT;
  const span = 2 ** height;
  // The node covers `span` consecutive hashes of tile level L; 2^h divides 256, so they share one tile.
  const first = id.index * span;
  const index = Math.floor(first / TILE_WIDTH);
  return { tile: { level, index }, height, position: (first - index * TILE_WIDTH) / span };
}

/** Number of hashes stored for a tile of `width`. */
export function nodeTileHashCount(width: number): number {
  let n = 0;
  for (let h = 0; h < TILE_HEIGHT; h++) n += Math.floor(width / 2 ** h);
  return n;
}

/** Stored hash count → tile width (the count grows strictly with the width, so it names it). */
const widthByCount = new Map<number, number>();
for (let w = 1; w <= TILE_WIDTH; w++) widthByCount.set(nodeTileHashCount(w), w);

/** The width of a stored tile from its byte length; undefined for a length no tile has (a damaged row). */
export function nodeTileWidth(bytes: Uint8Array): number | undefined {
  return bytes.length % HASH_SIZE === 0 ? widthByCount.get(bytes.length / HASH_SIZE) : undefined;
}

/** Node (height, position) of a stored tile, or undefined when the tile is not yet wide enough to hold it. */
export function nodeFromTile(bytes: Uint8Array, height: number, position: number): Hash | undefined {
  const width = nodeTileWidth(bytes);
  if (width === undefined || position >= Math.floor(width / 2 ** height)) return undefined;
  let offset = position;
  for (let h = 0; h < height; h++) offset += Math.floor(width / 2 ** h);
  return bytes.subarray(offset * HASH_SIZE, (offset + 1) * HASH_SIZE);
}

/** Bytes of a stored full tile (width 256): 510 hashes. */
export const FULL_NODE_TILE_BYTES = nodeTileHashCount(TILE_WIDTH) * HASH_SIZE;

/** Where node (height, position) starts in a stored full tile: heights 0 … h − 1 hold 512 − 512 / 2^h hashes. */
export function fullTileNodeOffset(height: number, position: number): number {
  return (2 * TILE_WIDTH - (2 * TILE_WIDTH) / 2 ** height + position) * HASH_SIZE;
}

/** The tlog-tiles resource (the height-0 hashes) at `width`, or undefined if the stored tile is narrower. */
export function tlogTileBytes(bytes: Uint8Array, width: number): Uint8Array | undefined {
  const stored = nodeTileWidth(bytes);
  return stored === undefined || stored < width ? undefined : bytes.subarray(0, width * HASH_SIZE);
}

export function encodeNodeTile(tile: NodeTile): Uint8Array {
  const out = new Uint8Array(tile.heights.reduce((n, hs) => n + hs.length, 0) * HASH_SIZE);
  let at = 0;
  for (const hashes of tile.heights)
    for (const h of hashes) {
      out.set(h, at);
      at += HASH_SIZE;
    }
  return out;
}

/** Decodes a stored tile, cut to `width` if given (a tile read at a smaller tree size); undefined if damaged. */
export function decodeNodeTile(key: NodeTileKey, bytes: Uint8Array, width?: number): NodeTile | undefined {
  const stored = nodeTileWidth(bytes);
  if (stored === undefined || (width !== undefined && width > stored)) return undefined;
  const w = width ?? stored;
  const heights: Hash[][] = [];
  let offset = 0;
  for (let h = 0; h < TILE_HEIGHT; h++) {
    const count = Math.floor(stored / 2 ** h);
    const keep = Math.floor(w / 2 ** h);
    const hashes: Hash[] = [];
    for (let i = 0; i < keep; i++) {
      const at = (offset + i) * HASH_SIZE;
      hashes.push(bytes.slice(at, at + HASH_SIZE));
    }
    heights.push(hashes);
    offset += count;
  }
  return { level: key.level, index: key.index, heights };
}

/**
 * The incomplete tile of each tile level at tree size `size` (width ⌊size / 256^L⌋ mod 256 > 0, tlog-tiles
 * §Partial Tiles), lowest level first. They hold every frontier node of the tree: the full subtrees of bits
 * 8·L … 8·L + 7 of the size start where the partial tile of level L starts.
 */
export function partialTiles(size: number): (NodeTileKey & { readonly width: number })[] {
  const out: (NodeTileKey & { readonly width: number })[] = [];
  for (let level = 0, count = size; count > 0; level++, count = Math.floor(count / TILE_WIDTH)) {
    const width = count % TILE_WIDTH;
    if (width > 0) out.push({ level, index: Math.floor(count / TILE_WIDTH), width });
  }
  return out;
}

export const tileKeyString = (k: NodeTileKey): string => `${k.level}/${k.index}`;
