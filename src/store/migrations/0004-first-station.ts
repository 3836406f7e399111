import type { Kysely } from "kysely";

/** First-station entries (首站报备) keep the supplier and the import papers with the lot. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("lots").addColumn("entry_json", "text").execute();
}
