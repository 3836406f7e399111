/** C2SP tlog-tiles v0.1.0: paths, partial widths, and proofs from tiles equal to proofs from stored nodes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consistencyProof } from "./consistency-proof.ts";
import { toHex } from "./encoding.ts";
import { formatEntryBundle, parseEntryBundle } from "./entry-bundle.ts";
import { inclusionProof } from "./inclusion-proof.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { leafHash } from "./merkle-hash.ts";
import { joinTile, splitTile, tileNodeRange, tileWidth } from "./tile.ts";
import { formatTileIndex, parseTilePath, type TileId, tilePath } from "./tile-path.ts";
import { consistencyProofFromTiles, inclusionProofFromTiles, type TileContents, tilesForNodes } from "./tile-proof.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

describe("tile paths", () => {
  it.each([
    [{ level: 0, index: 1234067, width: 256 }, "tile/0/x001/x234/067"],
    [{ level: 1, index: 0, width: 17 }, "tile/1/000.p/17"],
    [{ level: 0, index: 5, width: 256 }, "tile/0/005"],
    [{ level: "entries", index: 1000, width: 1 }, "tile/entries/x001/000.p/1"],
    [{ level: 63, index: 999, width: 255 }, "tile/63/999.p/255"],
  ] as [TileId, string][])("%j ↔ %s", (tile, path) => {
    expect(must(tilePath(tile))).toBe(path);
    expect(must(parseTilePath(path))).toEqual(tile);
  });

  it.each([
    "tile/0/5",
    "tile/0/x000/005",
    "tile/00/000",
    "tile/64/000",
    "tile/0/000.p/0",
    "tile/0/000.p/256",
    "tile/0/000.p/007",
    "tile/0/001/234",
    "tile/data/000",
    "/tile/0/000",
    "tile/0/000/",
    "tile/0/x1/000",
  ])("rejects %s", (path) => {
    expect(parseTilePath(path).ok).toBe(false);
  });

  it("round-trips any index", () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 256 }), (index, width) => {
        const path = must(tilePath({ level: 3, index, width }));
        expect(must(parseTilePath(path))).toEqual({ level: 3, index, width });
      }),
    );
    expect(formatTileIndex(0)).toBe("000");
  });

  it("refuses to write out-of-range tiles", () => {
    expect(tilePath({ level: 64, index: 0, width: 1 }).ok).toBe(false);
    expect(tilePath({ level: 0, index: -1, width: 1 }).ok).toBe(false);
    expect(tilePath({ level: 0, index: 0, width: 0 }).ok).toBe(false);
  });
});

describe("tile geometry (§Partial Tiles)", () => {
  it("represents a tree of 70,000 as the spec says", () => {
    const s = 70_000;
    expect(tileWidth(0, 272, s)).toBe(256);
    expect(tileWidth(0, 273, s)).toBe(112);
    expect(tileWidth(0, 274, s)).toBe(0);
    expect(tileWidth(1, 0, s)).toBe(256);
    expect(tileWidth(1, 1, s)).toBe(17);
    expect(tileWidth(2, 0, s)).toBe(1);
    expect(tileWidth(3, 0, s)).toBe(0);
  });

  it("represents a tree of 256 as a full level-0 tile and a level-1 tile of width 1", () => {
    expect([tileWidth(0, 0, 256), tileWidth(0, 1, 256), tileWidth(1, 0, 256)]).toEqual([256, 0, 1]);
  });

  it("splits and joins tiles and bundles", () => {
    expect(splitTile(new Uint8Array(33)).ok).toBe(false);
    expect(splitTile(new Uint8Array(0)).ok).toBe(false);
    expect(splitTile(new Uint8Array(32 * 257)).ok).toBe(false);
    expect(splitTile(new Uint8Array(64), 3).ok).toBe(false);
    expect(parseEntryBundle(Uint8Array.of(0, 3, 1, 2)).ok).toBe(false);
    expect(parseEntryBundle(Uint8Array.of(0)).ok).toBe(false);
    expect(parseEntryBundle(new Uint8Array(0)).ok).toBe(false);
    expect(parseEntryBundle(new Uint8Array(2 * 257)).ok).toBe(false);
    expect(must(parseEntryBundle(new Uint8Array(2 * 256)))).toHaveLength(256);
    expect(formatEntryBundle([new Uint8Array(65536)]).ok).toBe(false);
    expect(must(parseEntryBundle(must(formatEntryBundle([new Uint8Array(65535), Uint8Array.of(7)]))))[1]).toEqual(
      Uint8Array.of(7),
    );
  });
});

describe("proofs from tiles over 70,000 leaves (level-0, -1 and -2 tiles)", () => {
  const N = 70_000;
  const store = MemoryNodeStore.fromLeafHashes(
    Array.from({ length: N }, (_, i) => leafHash(new TextEncoder().encode(`e${i}`))),
  );
  /** Serves tiles the way a store that keeps interior nodes would: a range read at tree level 8·L. */
  const serve = (tiles: readonly TileId[]): TileContents =>
    new Map(
      tiles.map((t) => {
        const range = tileNodeRange(t as TileId & { level: number });
        const ids = Array.from({ length: range.count }, (_, k) => ({ level: range.level, index: range.start + k }));
        return [must(tilePath(t)), joinTile(store.readNodes(ids))];
      }),
    );
  const sizes = fc.integer({ min: 1, max: N });

  it("gives the same inclusion proofs as stored nodes", async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.double({ min: 0, max: 1, noNaN: true }), async (n, x) => {
        const i = Math.min(n - 1, Math.floor(x * n));
        const fromTiles = must(await inclusionProofFromTiles(i, n, serve));
        expect(fromTiles.map(toHex)).toEqual(must(inclusionProof(store, i, n)).map(toHex));
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same consistency proofs as stored nodes", async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.double({ min: 0, max: 1, noNaN: true }), async (n, y) => {
        const m = Math.max(1, Math.floor(y * n));
        const fromTiles = must(await consistencyProofFromTiles(m, n, serve));
        expect(fromTiles.map(toHex)).toEqual(must(consistencyProof(store, m, n)).map(toHex));
      }),
      { numRuns: 150 },
    );
  });

  it("fails cleanly on a missing or truncated tile", async () => {
    expect(await inclusionProofFromTiles(5, N, () => new Map())).toMatchObject({
      ok: false,
      error: { code: "reader-mismatch" },
    });
    const truncated = (tiles: readonly TileId[]) => new Map([...serve(tiles)].map(([p, b]) => [p, b.subarray(32)]));
    expect((await inclusionProofFromTiles(5, N, truncated)).ok).toBe(false);
    expect(tilesForNodes([{ level: 20, index: 0 }], N).ok).toBe(false);
  });
});
