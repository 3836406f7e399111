/**
 * Hashes and proofs computed from tiles (C2SP tlog-tiles §Merkle Tree: "the Merkle Tree levels between those
 * expressed by the tile hashes are reconstructed by hashing"). Node (ℓ, i) with ℓ = 8·L + h is the root of the
 * 2^h consecutive hashes of tile level L starting at i·2^h — all inside one tile, since 2^h divides 256.
 * A client (or a store that keeps only tiles) plans the tiles to fetch, fetches them, then folds.
 */
import { planConsistencyProof } from "./consistency-proof.ts";
import { planInclusionProof } from "./inclusion-proof.ts";
import { type Hash, nodeHash } from "./merkle-hash.ts";
import type { NodeId } from "./node-id.ts";
import { foldPlan, type ProofPlan } from "./node-reader.ts";
import { fail, ok, type Result } from "./result.ts";
import { splitTile, tileAt } from "./tile.ts";
import { type HashTileId, TILE_HEIGHT, TILE_WIDTH, type TileId, tilePath } from "./tile-path.ts";

/** Tile contents by path (`tilePath`), as fetched. */
export type TileContents = ReadonlyMap<string, Uint8Array>;

interface Location {
  readonly tile: HashTileId;
  readonly path: string;
  readonly offset: number;
  readonly count: number;
}

function locate(id: NodeId, treeSize: number): Result<Location> {
  const tileLevel = Math.floor(id.level / TILE_HEIGHT);
  const count = 2 ** (id.level - tileLevel * TILE_HEIGHT);
  const first = id.index * count;
  const tile = tileAt(tileLevel, first + count - 1, treeSize);
  if (tile === undefined)
    return fail("out-of-range", `node (${id.level}, ${id.index}) is not complete at size ${treeSize}`);
  const path = tilePath(tile);
  if (!path.ok) return path;
  return ok({ tile, path: path.value, offset: first % TILE_WIDTH, count });
}

/** The distinct tiles needed to compute the given nodes at `treeSize` (partial tiles at the width that size has). */
export function tilesForNodes(ids: readonly NodeId[], treeSize: number): Result<TileId[]> {
  const tiles = new Map<string, TileId>();
  for (const id of ids) {
    const loc = locate(id, treeSize);
    if (!loc.ok) return loc;
    tiles.set(loc.value.path, loc.value.tile);
  }
  return ok([...tiles.values()]);
}

/** Computes node hashes from fetched tiles; fails (never throws) on a missing or malformed tile. */
export function nodesFromTiles(ids: readonly NodeId[], treeSize: number, tiles: TileContents): Result<Hash[]> {
  const cache = new Map<string, Hash[]>();
  const out: Hash[] = [];
  for (const id of ids) {
    const loc = locate(id, treeSize);
    if (!loc.ok) return loc;
    let hashes = cache.get(loc.value.path);
    if (hashes === undefined) {
      const bytes = tiles.get(loc.value.path);
      if (bytes === undefined) return fail("reader-mismatch", `tile ${loc.value.path} was not provided`);
      const split = splitTile(bytes, loc.value.tile.width);
      if (!split.ok) return split;
      hashes = split.value;
      cache.set(loc.value.path, hashes);
    }
    let level = hashes.slice(loc.value.offset, loc.value.offset + loc.value.count);
    while (level.length > 1) {
      const up: Hash[] = [];
      for (let i = 0; i < level.length; i += 2) up.push(nodeHash(level[i] as Hash, level[i + 1] as Hash));
      level = up;
    }
    out.push(level[0] as Hash);
  }
  return ok(out);
}

/** Fetches the tiles a plan needs through `readTiles` (sync or async) and folds them into proof hashes. */
async function proveFromTiles(
  plan: Result<ProofPlan>,
  treeSize: number,
  readTiles: (tiles: readonly TileId[]) => TileContents | Promise<TileContents>,
): Promise<Result<Hash[]>> {
  if (!plan.ok) return plan;
  const tiles = tilesForNodes(plan.value.nodes, treeSize);
  if (!tiles.ok) return tiles;
  const contents = tiles.value.length === 0 ? new Map<string, Uint8Array>() : await readTiles(tiles.value);
  const nodes = nodesFromTiles(plan.value.nodes, treeSize, contents);
  return nodes.ok ? foldPlan(plan.value, nodes.value) : nodes;
}

export function inclusionProofFromTiles(
  index: number,
  treeSize: number,
  readTiles: (tiles: readonly TileId[]) => TileContents | Promise<TileContents>,
): Promise<Result<Hash[]>> {
  return proveFromTiles(planInclusionProof(index, treeSize), treeSize, readTiles);
}

export function consistencyProofFromTiles(
  size1: number,
  size2: number,
  readTiles: (tiles: readonly TileId[]) => TileContents | Promise<TileContents>,
): Promise<Result<Hash[]>> {
  return proveFromTiles(planConsistencyProof(size1, size2), size2, readTiles);
}
