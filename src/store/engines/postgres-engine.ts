import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "../schema.ts";
import { DatabaseUnavailableError, type Engine } from "./engine.ts";
import { withPreparedStatements } from "./postgres-statement-cache.ts";

// int8 (OID 20) columns hold epoch milliseconds and counts: well inside Number's 2^53 exact range.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Arbitrary, fixed: the advisory-lock key of schema migrations ("suyuan" in ASCII). */
const MIGRATION_LOCK_KEY = 0x73757975616e;

/** PostgreSQL for scale. Connection pool size from PGPOOL_MAX (default 10). */
export async function openPostgresEngine(url: string, options: { poolSize?: number } = {}): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  const safe = redact(url);
  // Surface unreachable databases at start-up, not on the first request.
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    throw new DatabaseUnavailableError(
      `cannot reach PostgreSQL at ${safe} (${err.code ?? err.message}); check DATABASE_URL and that the server is running`,
    );
  }
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight get their own error.
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    kind: "postgres",
    binaryType: "bytea",
    db,
    description: safe,
    async ping() {
      const client = await pool.connect();
      try {
        await client.query("select 1");
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
    // Multi-row inserts are the load path already; what a bulk load needs is statistics: autovacuum's ANALYZE
    // comes minutes later, and until then the planner reads a 10M-row table as empty.
    async bulkLoad(load) {
      const result = await load();
      await sql`analyze`.execute(db);
      return result;
    },
    // A transaction-scoped advisory lock: released by commit or rollback, even if the process dies.
    async lockForMigration(tx) {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
    },
    async boundLockWait(tx, ms) {
      // SET does not take bind parameters; ms is a number we were given, not user input.
      await sql.raw(`set local lock_timeout = ${Math.max(1, Math.floor(ms))}`).execute(tx);
    },
    isUniqueViolation: (e) => typeof e === "object" && e !== null && (e as { code?: string }).code === "23505",
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}
