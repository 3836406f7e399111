import { describe, expect, it } from "vitest";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { type Hash, sha256 } from "./merkle-hash.ts";
import {
  decodeNodeTile,
  encodeNodeTile,
  locateNode,
  nodeFromTile,
  nodeTileWidth,
  partialTiles,
  tileKeyString,
  tlogTileBytes,
} from "./node-tile.ts";
import { joinTile } from "./tile.ts";
import { appendToTiles, EMPTY_TILE_TREE, type TileTree, tileTreeFromPartialTiles } from "./tile-tree.ts";

const hex = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString("hex") : undefined);
const leaves = (from: number, to: number): Hash[] =>
  Array.from({ length: to - from }, (_, i) => sha256(Uint8Array.of(0, (from + i) >> 16, (from + i) >> 8, from + i)));

/** Builds a tree in batches the way the integrator stores it: each written tile replaces its row. */
function build(size: number, batch: number) {
  const rows = new Map<string, Uint8Array>();
  let tree: TileTree = EMPTY_TILE_TREE;
  let root: Hash = new Uint8Array(32);
  for (let at = 0; at < size; at += batch) {
    const done = appendToTiles(tree, leaves(at, Math.min(size, at + batch)));
    for (const t of done.written) rows.set(tileKeyString(t), encodeNodeTile(t));
    tree = done.tree;
    root = done.root;
  }
  return { rows, tree, root };
}

describe("the tree stored as node tiles", () => {
  // Sizes around tile boundaries of levels 0 and 1 (256 and 65,536 leaves), in batches small and large.
  it.each([
    [1, 1],
    [255, 7],
    [256, 256],
    [257, 100],
    [65_535, 4_096],
    [65_536, 1_000],
    [65_537 + 300, 1_024],
  ])("holds every node of a tree of %i leaves built in batches of %i, as the reference tree", (size, batch) => {
    const { rows, tree, root } = build(size, batch);
    const reference = MemoryNodeStore.fromLeafHashes(leaves(0, size));
    expect(hex(root)).toBe(hex(reference.appendLeafHashes([])));
    expect(tree.frontier.hashes.map(hex)).toEqual(reference.frontier.hashes.map(hex));
    // Every complete node of every level is one slice of one row.
    for (let level = 0; 2 ** level <= size; level++) {
      const count = Math.floor(size / 2 ** level);
      const step = Math.max(1, Math.floor(count / 50));
      for (let index = 0; index < count; index += step) {
        const at = locateNode({ level, index });
        const row = rows.get(tileKeyString(at.tile));
        const stored = row && nodeFromTile(row, at.height, at.position);
        expect(hex(stored), `node ${level}/${index}`).toBe(hex(reference.readNodes([{ level, index }])[0]));
      }
    }
    // The served tile is the tlog-tiles tile: the hashes of tree level 8·L (C2SP tlog-tiles §Merkle Tree).
    for (const p of partialTiles(size)) {
      const row = rows.get(tileKeyString(p)) as Uint8Array;
      expect(nodeTileWidth(row)).toBe(p.width);
      const ids = Array.from({ length: p.width }, (_, i) => ({ level: 8 * p.level, index: p.index * 256 + i }));
      expect(hex(tlogTileBytes(row, p.width))).toBe(hex(joinTile(reference.readNodes(ids))));
    }
  });

  it("restarts from the stored partial tiles, also from rows read after the tree grew", () => {
    const early = build(70_000, 3_000);
    const late = build(70_500, 3_000);
    const decode = (rows: Map<string, Uint8Array>, size: number) =>
      partialTiles(size).map((p) => decodeNodeTile(p, rows.get(tileKeyString(p)) as Uint8Array, p.width) as never);
    for (const [rows, size] of [
      [early.rows, 70_000],
      [late.rows, 70_000],
    ] as const) {
      const tree = tileTreeFromPartialTiles(size, decode(rows, size));
      expect(tree.ok).toBe(true);
      if (!tree.ok) return;
      const next = appendToTiles(tree.value, leaves(size, 70_500));
      expect(hex(next.root)).toBe(hex(late.root));
    }
  });

  it("refuses to restart from tiles that do not cover the frontier", () => {
    const { rows } = build(1_000, 100);
    const tiles = partialTiles(1_000).map((p) => decodeNodeTile(p, rows.get(tileKeyString(p)) as Uint8Array) as never);
    expect(tileTreeFromPartialTiles(1_001, tiles)).toMatchObject({ ok: false });
    expect(tileTreeFromPartialTiles(1_000, tiles.slice(1))).toMatchObject({ ok: false });
    expect(nodeTileWidth(new Uint8Array(33))).toBeUndefined();
  });
});
