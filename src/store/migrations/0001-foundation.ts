import type { Kysely } from "kysely";

/** Parties (enterprise e-archive), API keys and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("parties")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("credit_code", "text", (c) => c.unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("contact_json", "text")
    .addColumn("licences_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("gln", "text")
    .addColumn("key_party", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("home_platform", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("parties_region_id").on("parties").columns(["region_code", "id"]).execute();
  await db.schema.createIndex("parties_kind_id").on("parties").columns(["kind", "id"]).execute();
  await db.schema.createIndex("parties_gln").on("parties").column("gln").execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("party_id", "text", (c) => c.references("parties.id"))
    .addColumn("region_code", "text")
    .addColumn("secret_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .addColumn("revoked_by", "text")
    .addColumn("last_used_at", "bigint")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("actor_party_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text")
    .addColumn("details_json", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("request_id", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("audit_log_target").on("audit_log").columns(["target_type", "target_id", "at"]).execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
}
