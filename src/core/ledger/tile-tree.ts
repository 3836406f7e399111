/**
 * Appending to a tree stored as node tiles (node-tile.ts). The partial tile of each tile level holds the whole
 * frontier (the full subtrees that decompose the size), so the integrator's state is those few tiles: it keeps
 * them between batches, and after a restart reads them back (one row per tile level) instead of the frontier's
 * nodes. A batch rewrites only the tiles it touches — the partial ones and any it opens — never one per node.
 */
import { type Frontier, integrate } from "./frontier.ts";
import type { Hash } from "./merkle-hash.ts";
import { rangeNodes } from "./node-id.ts";
import { locateNode, type NodeTile, type NodeTileKey, partialTiles, tileKeyString } from "./node-tile.ts";
import { fail, ok, type Result } from "./result.ts";
import { TILE_HEIGHT } from "./tile-path.ts";

export interface TileTree {
  readonly frontier: Frontier;
  /** The partial tile of each tile level that has one at this size, by tile level. */
  readonly partial: ReadonlyMap<number, NodeTile>;
}

export const EMPTY_TILE_TREE: TileTree = Object.freeze({ frontier: { size: 0, hashes: [] }, partial: new Map() });

/** Rebuilds the state from the stored partial tiles of `size` (decoded at their width for that size). */
export function tileTreeFromPartialTiles(size: number, tiles: readonly NodeTile[]): Result<TileTree> {
  if (!Number.isSafeInteger(size) || size < 0) return fail("out-of-range", `tree size ${size} is not valid`);
  const partial = new Map<number, NodeTile>();
  for (const want of partialTiles(size)) {
    const t = tiles.find((x) => x.level === want.level && x.index === want.index);
    if (!t || t.heights[0]?.length !== want.width)
      return fail("reader-mismatch", `size ${size} needs tile ${tileKeyString(want)} of width ${want.width}`);
    partial.set(want.level, t);
  }
  const hashes: Hash[] = [];
  for (const id of rangeNodes(0, size)) {
    const at = locateNode(id);
    const h = partial.get(at.tile.level)?.heights[at.height]?.[at.position];
    if (!h) return fail("reader-mismatch", `node ${id.level}/${id.index} is missing from its tile`);
    hashes.push(h);
  }
  return ok({ frontier: { size, hashes }, partial });
}

export interface TileAppend {
  readonly tree: TileTree;
  /** MTH of the new tree (RFC 9162 §2.1.1). */
  readonly root: Hash;
  /** Every tile the batch changed or opened, complete as it now stands: the store writes these. */
  readonly written: readonly NodeTile[];
}

/** Appends leaf hashes; throws a RangeError on a leaf hash that is not 32 bytes (a bug, as in `integrate`). */
export function appendToTiles(tree: TileTree, leafHashes: readonly Hash[]): TileAppend {
  const done = integrate(tree.frontier, leafHashes);
  const touched = new Map<string, { level: number; index: number; heights: Hash[][] }>();
  const open = (key: NodeTileKey) => {
    const k = tileKeyString(key);
    let t = touched.get(k);
    if (!t) {
      const before = tree.partial.get(key.level);
      const heights =
        before && before.index === key.index
          ? before.heights.map((hs) => [...hs])
          : Array.from({ length: TILE_HEIGHT }, () => [] as Hash[]);
      t = { level: key.level, index: key.index, heights };
      touched.set(k, t);
    }
    return t;
  };
  for (const n of done.nodes) {
    const at = locateNode(n);
    const row = open(at.tile).heights[at.height] as Hash[];
    // integrate() completes the nodes of one height from left to right.
    if (row.length !== at.position) throw new Error(`appendToTiles: node ${n.level}/${n.index} out of order`);
    row.push(n.hash);
  }
  const partial = new Map<number, NodeTile>();
  for (const want of partialTiles(done.frontier.size)) {
    const t = touched.get(tileKeyString(want)) ?? tree.partial.get(want.level);
    if (!t || t.index !== want.index) throw new Error(`appendToTiles: lost the partial tile ${tileKeyString(want)}`);
    partial.set(want.level, t);
  }
  return { tree: { frontier: done.frontier, partial }, root: done.root, written: [...touched.values()] };
}
