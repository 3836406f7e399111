import type { Kysely } from "kysely";
import type { Engine } from "../engines/engine.ts";

/**
 * Witnesses (C2SP tlog-witness v1.0.0, tlog-cosignature v1.0.1). Two sides, one schema:
 *
 * - The platform as a log client: `ledger_witnesses` keeps, per configured witness, the size it last cosigned (learned
 *   from its answers, 409 included) and the retry state; `ledger_cosignatures` keeps each cosignature line received,
 *   per checkpoint size, so a checkpoint's cosigned note is its note followed by those lines.
 * - A `suyuan witness` process on its own database: `witness_logs` holds the latest cosigned checkpoint per log
 *   origin (all the spec requires it to keep), `witness_forks` the evidence of each refused, inconsistent checkpoint:
 *   the one it had cosigned and the one it was shown, both signed by the log.
 */
export async function up(db: Kysely<unknown>, engine: Pick<Engine, "binaryType">): Promise<void> {
  const bin = engine.binaryType;
  await db.schema
    .createTable("ledger_witnesses")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("witness_size", "bigint")
    .addColumn("cosigned_size", "bigint")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("ledger_cosignatures")
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("witness", "text", (c) => c.notNull())
    .addColumn("line", "text", (c) => c.notNull())
    .addColumn("signed_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_cosignatures_pk", ["size", "witness"])
    .execute();
  await db.schema
    .createTable("witness_logs")
    .addColumn("origin", "text", (c) => c.primaryKey())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("root", bin, (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("witness_forks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("cosigned_size", "bigint", (c) => c.notNull())
    .addColumn("cosigned_note", "text", (c) => c.notNull())
    .addColumn("presented_old_size", "bigint", (c) => c.notNull())
    .addColumn("presented_note", "text", (c) => c.notNull())
    .addColumn("proof", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("detected_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("witness_forks_origin").on("witness_forks").columns(["origin", "detected_at"]).execute();
}
