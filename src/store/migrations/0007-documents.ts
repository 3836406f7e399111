import type { Kysely } from "kysely";
import type { Engine } from "../engines/engine.ts";

/**
 * Documents (inspection reports, quick tests, commitment certificates, quarantine and customs papers, licences):
 * files stored once by SHA-256 in the database — so a file, its record and its links commit in one transaction —
 * and linked to lots, parties and shipments.
 */
export async function up(db: Kysely<unknown>, engine: Pick<Engine, "binaryType">): Promise<void> {
  await db.schema
    .createTable("blobs")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("bytes", engine.binaryType, (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.references("blobs.sha256"))
    .addColumn("issued_on", "text")
    .addColumn("issuer", "text")
    .addColumn("fields_json", "text")
    .addColumn("public", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("document_links")
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("document_links_pk", ["target_type", "target_id", "document_id"])
    .execute();
}
