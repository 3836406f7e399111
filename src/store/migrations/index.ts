import { type Kysely, sql, type Transaction } from "kysely";
import type { Engine } from "../engines/engine.ts";
import * as m0001 from "./0001-foundation.ts";
import * as m0002 from "./0002-codes.ts";
import * as m0003 from "./0003-supply-chain.ts";
import * as m0004 from "./0004-first-station.ts";
import * as m0005 from "./0005-corrections.ts";
import * as m0006 from "./0006-retained-samples.ts";
import * as m0007 from "./0007-documents.ts";
import * as m0008 from "./0008-webhooks.ts";
import * as m0009 from "./0009-recalls.ts";
import * as m0010 from "./0010-epcis.ts";
import * as m0011 from "./0011-ledger.ts";
import * as m0012 from "./0012-trace-rest.ts";
import * as m0013 from "./0013-witnesses.ts";
import * as m0014 from "./0014-public-trace.ts";
import * as m0015 from "./0015-lean-events.ts";
import * as m0016 from "./0016-ledger-tiles.ts";
import * as m0017 from "./0017-public-lots.ts";

interface Migration {
  /** `engine` offers the few capabilities a schema needs (e.g. the binary column type); nothing else differs. */
  up(db: Kysely<unknown>, engine: Pick<Engine, "binaryType">): Promise<void>;
}

/** Versioned migrations, in order. Names never change once released: add new files, never edit old ones. */
const migrations: readonly (readonly [string, Migration])[] = [
  ["0001-foundation", m0001],
  ["0002-codes", m0002],
  ["0003-supply-chain", m0003],
  ["0004-first-station", m0004],
  ["0005-corrections", m0005],
  ["0006-retained-samples", m0006],
  ["0007-documents", m0007],
  ["0008-webhooks", m0008],
  ["0009-recalls", m0009],
  ["0010-epcis", m0010],
  ["0011-ledger", m0011],
  ["0012-trace-rest", m0012],
  ["0013-witnesses", m0013],
  ["0014-public-trace", m0014],
  ["0015-lean-events", m0015],
  ["0016-ledger-tiles", m0016],
  ["0017-public-lots", m0017],
];

export const latestMigration = migrations.at(-1)?.[0] as string;

/**
 * Brings the schema to the latest version and returns the names applied. All pending migrations run in ONE
 * transaction under the engine's migration lock (both engines have transactional DDL), so a crash leaves the
 * schema as it was and concurrent starts apply each migration once; re-running is a no-op. `until` stops after
 * the named migration (tests of a migration start from the schema before it).
 */
export async function migrateToLatest(engine: Engine, until?: string): Promise<string[]> {
  return engine.db.transaction().execute(async (tx) => {
    await engine.lockForMigration(tx);
    const raw = tx as unknown as Transaction<unknown>;
    await raw.schema
      .createTable("schema_migrations")
      .ifNotExists()
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("applied_at", "bigint", (c) => c.notNull())
      .execute();
    const done = new Set(
      (await sql<{ name: string }>`select name from schema_migrations`.execute(tx)).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const [name, migration] of migrations) {
      if (until !== undefined && name > until) break;
      if (done.has(name)) continue;
      await migration.up(raw, engine);
      await sql`insert into schema_migrations (name, applied_at) values (${name}, ${Date.now()})`.execute(tx);
      applied.push(name);
    }
    return applied;
  });
}
