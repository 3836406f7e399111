import { type Kysely, sql } from "kysely";
import type { Engine } from "../engines/engine.ts";

/**
 * A leaner EPCIS event layout, for capture throughput (issue "EPCIS 2.0 interface", ≥ 10,000 events/s).
 *
 * Events gain an integer key, `seq`, assigned in storage order, and the index tables (EPCs, repeated fields,
 * parties) refer to it instead of repeating the 80-character event hash ID in every row; each index table is one
 * B-tree keyed by what queries look up (SQLite: WITHOUT ROWID), not a row table plus a secondary index. Measured on
 * the 2-core machine, inserting the same 50,000 events: 3.0× the rows per second of the old layout (see
 * docs/benchmarks.md). `event_id` stays the events' public, unique identity (eventID / event hash ID), and the
 * tables that hold it (movements, lots, error declarations, the ledger) are unchanged.
 *
 * The events table is rebuilt (SQLite cannot add a rowid alias to an existing table): new tables are filled from
 * the old ones, the old ones dropped children-first so no foreign key is ever left dangling, and the new ones
 * renamed into place (both engines carry foreign keys across a rename).
 */
export async function up(db: Kysely<unknown>, engine: Pick<Engine, "binaryType">): Promise<void> {
  const sqlite = engine.binaryType === "blob";
  const withoutRowid = sqlite ? sql`without rowid` : sql``;

  await db.schema
    .createTable("events_v2")
    .addColumn("seq", sqlite ? "integer" : "bigint", (c) =>
      sqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn("event_id", "text", (c) => c.notNull().unique())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("event_time", "bigint", (c) => c.notNull())
    .addColumn("record_time", "bigint", (c) => c.notNull())
    .addColumn("biz_step", "text")
    .addColumn("disposition", "text")
    .addColumn("party_id", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("event_json", "text", (c) => c.notNull())
    .addColumn("action", "text")
    .addColumn("read_point", "text")
    .addColumn("biz_location", "text")
    .addColumn("capture_id", "text")
    .addColumn("hash_id", "text")
    .execute();
  const columns = sql.raw(
    "event_id, event_type, event_time, record_time, biz_step, disposition, party_id, source, event_json, action, read_point, biz_location, capture_id, hash_id",
  );
  await sql`insert into events_v2 (${columns}) select ${columns} from events order by record_time, event_id`.execute(
    db,
  );

  await db.schema
    .createTable("event_error_declarations_v2")
    .addColumn("event_id", "text", (c) => c.primaryKey().references("events_v2.event_id"))
    .addColumn("declared_at", "bigint", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("declared_by", "text", (c) => c.notNull())
    .addColumn("declaration_json", "text", (c) => c.notNull())
    .execute();
  await sql`insert into event_error_declarations_v2 select event_id, declared_at, reason, note, declared_by,
    declaration_json from event_error_declarations`.execute(db);

  const seqType = sqlite ? "integer" : "bigint";
  await db.schema
    .createTable("event_epcs_v2")
    .addColumn("epc", "text", (c) => c.notNull())
    .addColumn("event_seq", seqType, (c) => c.notNull().references("events_v2.seq"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_epcs_key", ["epc", "event_seq", "role"])
    .modifyEnd(withoutRowid)
    .execute();
  await sql`insert into event_epcs_v2 (epc, event_seq, role)
    select distinct x.epc, e.seq, x.role from event_epcs x join events_v2 e on e.event_id = x.event_id`.execute(db);

  await db.schema
    .createTable("event_fields_v2")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("event_seq", seqType, (c) => c.notNull().references("events_v2.seq"))
    .addPrimaryKeyConstraint("event_fields_key", ["kind", "name", "value", "event_seq"])
    .modifyEnd(withoutRowid)
    .execute();
  await sql`insert into event_fields_v2 (kind, name, value, event_seq)
    select distinct f.kind, f.name, f.value, e.seq from event_fields f join events_v2 e on e.event_id = f.event_id`.execute(
    db,
  );

  await db.schema
    .createTable("event_parties_v2")
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("event_seq", seqType, (c) => c.notNull().references("events_v2.seq"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_parties_key", ["party_id", "event_seq", "role"])
    .modifyEnd(withoutRowid)
    .execute();
  await sql`insert into event_parties_v2 (party_id, event_seq, role, region_code)
    select p.party_id, e.seq, p.role, min(p.region_code) from event_parties p join events_v2 e on e.event_id = p.event_id
    group by p.party_id, e.seq, p.role`.execute(db);

  for (const t of ["event_epcs", "event_fields", "event_parties", "event_error_declarations", "events"])
    await db.schema.dropTable(t).execute();
  for (const t of ["events", "event_error_declarations", "event_epcs", "event_fields", "event_parties"])
    await db.schema.alterTable(`${t}_v2`).renameTo(t).execute();

  await db.schema.createIndex("events_record_time").on("events").column("record_time").execute();
  await db.schema
    .createIndex("events_hash_id")
    .on("events")
    .column("hash_id")
    .where(sql.ref("hash_id"), "is not", null)
    .execute();
  await db.schema.createIndex("events_event_time").on("events").columns(["event_time", "event_id"]).execute();
  for (const c of ["biz_step", "disposition", "read_point", "biz_location"])
    await db.schema.createIndex(`events_${c}`).on("events").columns([c, "event_time"]).execute();
  await db.schema
    .createIndex("event_parties_region")
    .on("event_parties")
    .columns(["region_code", "event_seq"])
    .execute();
  if (!sqlite) await sql`analyze events`.execute(db);
}
