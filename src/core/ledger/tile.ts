/**
 * Tile geometry and contents (C2SP tlog-tiles v0.1.0 §Merkle Tree, §Partial Tiles). Tile n at level l holds
 * MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]) for i in 0..255 — i.e. the stored nodes of tree level 8·l,
 * indexes n·256 … n·256 + 255 — so a store that keeps interior nodes can serve tiles as plain range reads.
 */
import { HASH_SIZE, type Hash } from "./merkle-hash.ts";
import { fail, ok, type Result } from "./result.ts";
import { type HashTileId, TILE_HEIGHT, TILE_WIDTH } from "./tile-path.ts";

/** Number of complete hashes at tile level `level` in a tree of `treeSize` leaves: floor(s / 256^l). */
export function hashesAtTileLevel(level: number, treeSize: number): number {
  return Math.floor(treeSize / TILE_WIDTH ** level);
}

/**
 * Width of tile (level, index) in the tree of `treeSize` leaves: 256 when full, 1–255 for the partial tile
 * (floor(s / 256^l) mod 256, §Partial Tiles), 0 when the tile does not exist at that size.
 */
export function tileWidth(level: number, index: number, treeSize: number): number {
  const count = hashesAtTileLevel(level, treeSize);
  const full = Math.floor(count / TILE_WIDTH);
  if (index < full) return TILE_WIDTH;
  if (index === full) return count % TILE_WIDTH;
  return 0;
}

/** The tile, at the width the tree of `treeSize` has, that holds hash `position` of tile level `level`. */
export function tileAt(level: number, position: number, treeSize: number): HashTileId | undefined {
  const index = Math.floor(position / TILE_WIDTH);
  const width = tileWidth(level, index, treeSize);
  return width > position % TILE_WIDTH ? { level, index, width } : undefined;
}

/** Which stored nodes make up a tile of hashes: tree level 8·L, `width` nodes from index N·256. */
export function tileNodeRange(tile: HashTileId): {
  readonly level: number;
  readonly start: number;
  readonly count: number;
} {
  return { level: tile.level * TILE_HEIGHT, start: tile.index * TILE_WIDTH, count: tile.width };
}

/** Tile bytes → hashes; a tile is 1 to 256 concatenated 32-byte hashes. */
export function splitTile(bytes: Uint8Array, expectedWidth?: number): Result<Hash[]> {
  if (bytes.length === 0 || bytes.length % HASH_SIZE !== 0 || bytes.length > TILE_WIDTH * HASH_SIZE) {
    return fail("malformed", `a tile is 1 to 256 hashes of 32 bytes, not ${bytes.length} bytes`);
  }
  const width = bytes.length / HASH_SIZE;
  if (expectedWidth !== undefined && width !== expectedWidth) {
    return fail("malformed", `expected a tile of ${expectedWidth} hashes, got ${width}`);
  }
  const hashes: Hash[] = [];
  for (let i = 0; i < width; i++) hashes.push(bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return ok(hashes);
}

export function joinTile(hashes: readonly Hash[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  for (const [i, h] of hashes.entries()) out.set(h, i * HASH_SIZE);
  return out;
}
