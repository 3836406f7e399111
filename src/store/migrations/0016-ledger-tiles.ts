import { type Kysely, sql } from "kysely";
import { encodeNodeTile, type NodeTile } from "../../core/ledger/node-tile.ts";
import type { Engine } from "../engines/engine.ts";

/** Tiles converted per round: 64 tiles are at most 64 × 511 stored nodes in memory. */
const TILES_PER_ROUND = 64;
const TILE_WIDTH = 256;

/**
 * The tree as C2SP tlog-tiles rows instead of one row per node (core/ledger/node-tile.ts): `ledger_tiles` holds
 * per tile its hashes and the inner nodes of its subtrees, so a proof reads a few primary keys and the integrator
 * writes a few rows per batch instead of two per entry. Existing trees are copied node for node — not recomputed,
 * so a node changed behind the platform's back stays changed and `suyuan audit` still names it; a node missing
 * from the old table (never written by the platform) becomes 32 zero bytes, which the audit reports too.
 */
export async function up(db: Kysely<unknown>, engine: Pick<Engine, "binaryType">): Promise<void> {
  await db.schema
    .createTable("ledger_tiles")
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("idx", "bigint", (c) => c.notNull())
    .addColumn("nodes", engine.binaryType, (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_tiles_pk", ["level", "idx"])
    .execute();
  const last = await sql<{ size: number | string | null }>`select max(size) as size from ledger_checkpoints`.execute(
    db,
  );
  const size = Number(last.rows[0]?.size ?? 0);
  for (let level = 0, count = size; count > 0; level++, count = Math.floor(count / TILE_WIDTH)) {
    const tiles = Math.ceil(count / TILE_WIDTH);
    for (let first = 0; first < tiles; first += TILES_PER_ROUND) {
      const end = Math.min(tiles, first + TILES_PER_ROUND);
      const round: (NodeTile & { heights: Uint8Array[][] })[] = [];
      for (let index = first; index < end; index++) {
        const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
        const heights = Array.from({ length: 8 }, (_, h) =>
          Array.from({ length: Math.floor(width / 2 ** h) }, () => new Uint8Array(32)),
        );
        round.push({ level, index, heights });
      }
      for (let h = 0; h < 8; h++) {
        const per = TILE_WIDTH / 2 ** h;
        const rows = await sql<{ idx: number | string; hash: Uint8Array }>`select idx, hash from ledger_nodes
          where level = ${8 * level + h} and idx >= ${first * per} and idx < ${end * per}`.execute(db);
        for (const r of rows.rows) {
          const idx = Number(r.idx);
          const tile = round[Math.floor(idx / per) - first];
          const slot = tile?.heights[h];
          if (slot && idx % per < slot.length) slot[idx % per] = new Uint8Array(r.hash);
        }
      }
      for (const t of round)
        await sql`insert into ledger_tiles (level, idx, nodes) values (${t.level}, ${t.index}, ${Buffer.from(
          encodeNodeTile(t),
        )})`.execute(db);
    }
  }
  await db.schema.dropTable("ledger_nodes").execute();
}
