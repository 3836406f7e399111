import { type Kysely, sql } from "kysely";
import type { Engine } from "../engines/engine.ts";

/**
 * The tamper-evidence ledger (RFC 9162 Merkle tree, C2SP tlog formats). Writers append entries — a salted
 * commitment to the record they stored, in the same transaction — without an index; the integrator later gives
 * pending entries consecutive indexes, stores every full-subtree hash it completes (`ledger_nodes`: proofs and
 * tiles are read from there, never recomputed from the leaves) and a signed checkpoint per new tree size.
 */
export async function up(db: Kysely<unknown>, engine: Pick<Engine, "binaryType">): Promise<void> {
  const bin = engine.binaryType;
  await db.schema
    .createTable("ledger_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("salt", bin, (c) => c.notNull())
    .addColumn("commitment", bin, (c) => c.notNull())
    .addColumn("supersedes", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("log_index", "bigint", (c) => c.unique())
    .addColumn("integrated_at", "bigint")
    .execute();
  await db.schema
    .createIndex("ledger_entries_ref")
    .on("ledger_entries")
    .columns(["kind", "ref", "created_at"])
    .execute();
  await db.schema
    .createIndex("ledger_entries_pending")
    .on("ledger_entries")
    .columns(["created_at", "id"])
    .where(sql.ref("log_index"), "is", null)
    .execute();
  await db.schema
    .createTable("ledger_nodes")
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("idx", "bigint", (c) => c.notNull())
    .addColumn("hash", bin, (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_nodes_pk", ["level", "idx"])
    .execute();
  await db.schema
    .createTable("ledger_checkpoints")
    .addColumn("size", "bigint", (c) => c.primaryKey())
    .addColumn("root", bin, (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}
