import type { DialectAdapter } from "kysely";
import { HASH_SIZE, type Hash } from "../core/ledger/merkle-hash.ts";
import type { NodeId } from "../core/ledger/node-id.ts";
import {
  decodeNodeTile,
  encodeNodeTile,
  FULL_NODE_TILE_BYTES,
  fullTileNodeOffset,
  locateNode,
  type NodeLocation,
  type NodeTile,
  type NodeTileKey,
  nodeFromTile,
  partialTiles,
  tileKeyString,
  tlogTileBytes,
} from "../core/ledger/node-tile.ts";
import { chunked } from "./batch.ts";
import type { Db } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

/**
 * The tree's storage (STYLE rule 7): one `ledger_tiles` row per C2SP tlog-tiles tile, with the inner nodes of its
 * subtrees (core/ledger/node-tile.ts). A proof at 10,000,000 entries needs three rows, read in one statement whose
 * SQL is compiled once per dialect; rows read outside a transaction are kept in a small in-process cache, which is
 * always right because a tile only grows at its end (a cached row that is too narrow for a node is read again).
 * The cache therefore soon holds the upper tile levels and the recent partial tiles, and most proofs read one row.
 * Level-0 tiles — one per 256 entries, far too many to cache — are not read whole but as the 32-byte slices a proof
 * needs (at most sixteen): on PostgreSQL a whole row is 16 KiB of TOASTed bytea sent as hex text, and reading it cost a
 * proof 0.2 ms at the median and 2.5 ms at p99 on a quiet machine, against 0.12 / 0.3–0.5 ms for the slices.
 */

/** Keys per statement: proofs need 1–6 tiles; 1, 2, 4 or 8 slots keep the number of distinct statements small. */
const SLOTS = [1, 2, 4, 8] as const;
/** Cached rows (at most 16 KiB each): level ≥ 1 of a 10,000,000-entry tree is 154 tiles. */
const CACHE_ROWS = 2_048;

const caches = new WeakMap<DialectAdapter, Map<string, Uint8Array>>();

function cacheOf(db: Db): Map<string, Uint8Array> | undefined {
  // Inside a transaction a row may be uncommitted (and rolled back): never cache those.
  if (db.isTransaction) return undefined;
  const adapter = db.getExecutor().adapter;
  let cache = caches.get(adapter);
  if (!cache) {
    cache = new Map();
    caches.set(adapter, cache);
  }
  return cache;
}

/** Stored rows of these tiles, by `tileKeyString`; absent tiles are absent. One statement per 8 tiles. */
export async function readTileRows(
  db: Db,
  keys: readonly NodeTileKey[],
  options: { cache?: boolean } = {},
): Promise<Map<string, Uint8Array>> {
  const cache = options.cache === false ? undefined : cacheOf(db);
  const out = new Map<string, Uint8Array>();
  const wanted = new Map<string, NodeTileKey>();
  for (const k of keys) wanted.set(tileKeyString(k), k);
  for (const chunk of chunked([...wanted.values()], 1, 8)) {
    const slots = SLOTS.find((s) => s >= chunk.length) ?? 8;
    // Padding repeats the last key: same rows, and one compiled statement per slot count.
    const rows = Array.from({ length: slots }, (_, i) => {
      const k = chunk[Math.min(i, chunk.length - 1)] as NodeTileKey;
      return { level: k.level, idx: k.index };
    });
    const result = await executeShaped(db, "ledger-tiles.read", rows, [], () =>
      db
        .selectFrom("ledgerTiles")
        .select(["level", "idx", "nodes"])
        .where((eb) => eb.or(rows.map((r) => eb.and([eb("level", "=", r.level), eb("idx", "=", r.idx)])))),
    );
    for (const r of result.rows) {
      const key = `${r.level}/${Number(r.idx)}`;
      const bytes = new Uint8Array(r.nodes.buffer, r.nodes.byteOffset, r.nodes.byteLength);
      out.set(key, bytes);
      if (cache) {
        cache.delete(key);
        if (cache.size >= CACHE_ROWS) cache.delete(cache.keys().next().value as string);
        cache.set(key, bytes);
      }
    }
  }
  return out;
}

/**
 * Exactly one hash per id, in order (the NodeReader contract); a missing node is a store bug. `cache: false`
 * reads every row from the database (the audit, which must see what is stored now).
 */
export async function readNodes(db: Db, ids: readonly NodeId[], options: { cache?: boolean } = {}): Promise<Hash[]> {
  const cache = options.cache === false ? undefined : cacheOf(db);
  const at = ids.map(locateNode);
  const byTile = new Map<string, NodeLocation[]>();
  for (const a of at) {
    const key = tileKeyString(a.tile);
    const group = byTile.get(key);
    if (group) group.push(a);
    else byTile.set(key, [a]);
  }
  const rows = new Map<string, Uint8Array>();
  const missing: NodeTileKey[] = [];
  const sliced: NodeLocation[][] = [];
  for (const [key, group] of byTile) {
    const cached = cache?.get(key);
    if (cached && group.every((b) => nodeFromTile(cached, b.height, b.position))) rows.set(key, cached);
    else if (cache && group.length <= SLICES && (group[0] as NodeLocation).tile.level === 0) sliced.push(group);
    else missing.push((group[0] as NodeLocation).tile);
  }
  const slices = new Map<NodeLocation, Hash>();
  // A consistency proof may need two level-0 tiles: on PostgreSQL their statements run side by side (two pooled
  // connections), not one round trip after the other.
  const found = await Promise.all(sliced.map((group) => readFullTileSlices(db, group)));
  sliced.forEach((group, g) => {
    const hashes = found[g];
    if (!hashes) {
      missing.push((group[0] as NodeLocation).tile);
      return;
    }
    for (const [i, loc] of group.entries()) slices.set(loc, hashes[i] as Hash);
  });
  if (missing.length > 0) for (const [k, v] of await readTileRows(db, missing, options)) rows.set(k, v);
  return at.map((a, i) => {
    const row = rows.get(tileKeyString(a.tile));
    const h = slices.get(a) ?? (row && nodeFromTile(row, a.height, a.position));
    if (!h) throw new Error(`ledger: node ${ids[i]?.level}/${ids[i]?.index} is missing`);
    return h;
  });
}

/**
 * Node slices per statement. An inclusion proof needs at most one node per height of a tile (8); a consistency
 * proof up to 9 from the tile where the old tree ends (half of random ones at 10,000,000 entries), so 16.
 */
const SLICES = 16;

/**
 * The nodes at these locations of one tile, if that tile is stored full (else undefined: the caller reads the
 * row whole). One statement of fixed shape: SLICES slices (the last repeated) and the row's length.
 */
async function readFullTileSlices(db: Db, group: readonly NodeLocation[]): Promise<Hash[] | undefined> {
  const tile = (group[0] as NodeLocation).tile;
  const row: Record<string, number> = {};
  for (let i = 0; i < SLICES; i++) {
    const loc = group[Math.min(i, group.length - 1)] as NodeLocation;
    row[`o${i}`] = fullTileNodeOffset(loc.height, loc.position) + 1; // SQL substr counts from 1
    row[`n${i}`] = HASH_SIZE;
  }
  row.level = tile.level;
  row.idx = tile.index;
  const result = await executeShaped(db, "ledger-tiles.slices", [row], [], () =>
    db
      .selectFrom("ledgerTiles")
      .select((eb) => [
        ...Array.from({ length: SLICES }, (_, i) =>
          eb.fn<Uint8Array>("substr", ["nodes", eb.val(row[`o${i}`]), eb.val(row[`n${i}`])]).as(`s${i}`),
        ),
        eb.fn<number>("length", ["nodes"]).as("bytes"),
      ])
      .where("level", "=", tile.level)
      .where("idx", "=", tile.index),
  );
  const r = result.rows[0] as (Record<string, Uint8Array> & { bytes: number | string }) | undefined;
  if (!r || Number(r.bytes) !== FULL_NODE_TILE_BYTES) return undefined;
  return group.map((_, i) => {
    const b = r[`s${i}`] as Uint8Array;
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  });
}

/** A tlog-tiles hash tile at `width` (C2SP tlog-tiles §Merkle Tree), or undefined if not stored that wide. */
export async function readTlogTile(db: Db, key: NodeTileKey, width: number): Promise<Uint8Array | undefined> {
  const k = tileKeyString(key);
  const cached = cacheOf(db)?.get(k);
  const hit = cached && tlogTileBytes(cached, width);
  if (hit) return hit;
  const row = (await readTileRows(db, [key])).get(k);
  return row && tlogTileBytes(row, width);
}

/** The partial tiles of the tree of `size`, cut to that size's widths (the integrator's state after a restart). */
export async function readPartialTiles(db: Db, size: number): Promise<NodeTile[]> {
  const want = partialTiles(size);
  const rows = await readTileRows(db, want, { cache: false });
  return want.flatMap((p) => {
    const row = rows.get(tileKeyString(p));
    const tile = row && decodeNodeTile(p, row, p.width);
    return tile ? [tile] : [];
  });
}

/** Writes tiles whole (a tile only grows, so the new row replaces the old one). */
export async function writeTiles(db: Db, tiles: readonly NodeTile[]): Promise<void> {
  const rows = tiles.map((t) => ({ level: t.level, idx: t.index, nodes: Buffer.from(encodeNodeTile(t)) }));
  for (const chunk of chunked(rows, 3, 3 * 64))
    await executeShaped(db, "ledger-tiles.write", chunk, [], () =>
      db
        .insertInto("ledgerTiles")
        .values(chunk)
        .onConflict((oc) => oc.columns(["level", "idx"]).doUpdateSet((eb) => ({ nodes: eb.ref("excluded.nodes") }))),
    );
}
