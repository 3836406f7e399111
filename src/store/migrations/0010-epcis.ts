import { type Kysely, sql } from "kysely";
import { indexEvent } from "../../core/epcis/capture/index-event.ts";
import { SUYUAN_NS } from "../../core/epcis/platform/platform-context.ts";

/**
 * The EPCIS 2.0 repository (EPCIS 2.0 §8.2 capture and query interfaces) over the same events table the platform
 * writes: the query columns the SimpleEventQuery filters on (EPCIS 2.0 §8.2.7.1), side tables for the repeated
 * fields (bizTransaction/source/destination types, ILMD fields) and for the parties an event concerns (who may
 * read it), capture jobs, named queries and their subscriptions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("events").addColumn("action", "text").execute();
  await db.schema.alterTable("events").addColumn("read_point", "text").execute();
  await db.schema.alterTable("events").addColumn("biz_location", "text").execute();
  await db.schema.alterTable("events").addColumn("capture_id", "text").execute();
  // The event hash ID (CBV 2.0 §8.9.2) of events that brought their own eventID: found by either.
  await db.schema.alterTable("events").addColumn("hash_id", "text").execute();
  await db.schema
    .createIndex("events_hash_id")
    .on("events")
    .column("hash_id")
    .where(sql.ref("hash_id"), "is not", null)
    .execute();
  await db.schema.createIndex("events_event_time").on("events").columns(["event_time", "event_id"]).execute();
  await db.schema.createIndex("events_biz_step").on("events").columns(["biz_step", "event_time"]).execute();
  await db.schema.createIndex("events_disposition").on("events").columns(["disposition", "event_time"]).execute();
  await db.schema.createIndex("events_read_point").on("events").columns(["read_point", "event_time"]).execute();
  await db.schema.createIndex("events_biz_location").on("events").columns(["biz_location", "event_time"]).execute();

  await db.schema
    .createTable("event_fields")
    .addColumn("event_id", "text", (c) => c.notNull().references("events.event_id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_fields_lookup").on("event_fields").columns(["kind", "name", "value"]).execute();

  await db.schema
    .createTable("event_parties")
    .addColumn("event_id", "text", (c) => c.notNull().references("events.event_id"))
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_parties_pk", ["party_id", "event_id", "role"])
    .execute();
  await db.schema
    .createIndex("event_parties_region")
    .on("event_parties")
    .columns(["region_code", "event_id"])
    .execute();
  // Every stored event so far was a platform action of its owner.
  await sql`insert into event_parties (event_id, party_id, region_code, role)
    select e.event_id, e.party_id, p.region_code, 'owner' from events e join parties p on p.id = e.party_id`.execute(
    db,
  );

  await backfill(db);

  await db.schema
    .createTable("capture_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("party_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .addColumn("running", "integer", (c) => c.notNull())
    .addColumn("success", "integer", (c) => c.notNull())
    .addColumn("error_behaviour", "text", (c) => c.notNull())
    .addColumn("event_count", "integer", (c) => c.notNull())
    .addColumn("stored_count", "integer", (c) => c.notNull())
    .addColumn("errors_json", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("capture_jobs_actor").on("capture_jobs").columns(["actor", "created_at"]).execute();

  await db.schema
    .createTable("epcis_queries")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("query_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("epcis_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("query_name", "text", (c) => c.notNull().references("epcis_queries.name"))
    .addColumn("webhook_id", "text", (c) => c.references("webhooks.id"))
    .addColumn("dest", "text")
    .addColumn("stream", "integer", (c) => c.notNull())
    .addColumn("schedule_json", "text")
    .addColumn("report_if_empty", "integer", (c) => c.notNull())
    .addColumn("initial_record_time", "bigint")
    .addColumn("actor_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("epcis_subscriptions_query").on("epcis_subscriptions").column("query_name").execute();
}

/** Query columns and fields of the events stored before this migration (platform actions), page by page. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const prefixes = new Map([["sy", SUYUAN_NS]]);
  let after = "";
  for (;;) {
    const page = (
      await sql<{ event_id: string; event_json: string }>`select event_id, event_json from events
        where event_id > ${after} order by event_id limit 500`.execute(db)
    ).rows;
    if (page.length === 0) return;
    for (const row of page) {
      const ix = indexEvent(JSON.parse(row.event_json), prefixes);
      await sql`update events set action = ${ix.action}, biz_step = ${ix.bizStep}, disposition = ${ix.disposition},
        read_point = ${ix.readPoint}, biz_location = ${ix.bizLocation} where event_id = ${row.event_id}`.execute(db);
      // EPCs are now stored canonical, with roles that tell instances from classes (MATCH_epc vs MATCH_epcClass).
      await sql`delete from event_epcs where event_id = ${row.event_id}`.execute(db);
      for (const x of ix.epcs)
        await sql`insert into event_epcs (epc, event_id, role) values (${x.epc}, ${row.event_id}, ${x.role})`.execute(
          db,
        );
      for (const f of ix.fields)
        await sql`insert into event_fields (event_id, kind, name, value)
          values (${row.event_id}, ${f.kind}, ${f.name}, ${f.value})`.execute(db);
    }
    after = page.at(-1)?.event_id as string;
  }
}
