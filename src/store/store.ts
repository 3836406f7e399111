import type { Kysely, Transaction } from "kysely";
import { DatabaseUnavailableError, type Engine } from "./engines/engine.ts";
import { openPostgresEngine } from "./engines/postgres-engine.ts";
import { openSqliteEngine } from "./engines/sqlite-engine.ts";
import { disableLedger } from "./ledger-store.ts";
import { migrateToLatest } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** The store: one schema over one engine, and the only way services open a transaction. */
export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Runs fn in one transaction (STYLE rule 5): everything a use case writes commits together or not at all. */
  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * DATABASE_URL chooses the engine: `postgres://` or `postgresql://` → PostgreSQL; `sqlite:PATH`, `file:PATH`,
 * a plain path or `:memory:` → SQLite. Anything else is a configuration error.
 */
export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  const engine = await openEngine(databaseUrl, options);
  if (options.ledger === false) disableLedger(engine.db);
  let closed = false;
  return {
    engine,
    db: engine.db,
    transaction: (fn) => engine.db.transaction().execute(fn),
    async migrate() {
      return migrateToLatest(engine);
    },
    async close() {
      if (closed) return;
      closed = true;
      await engine.close();
    },
  };
}

export interface StoreOptions {
  /**
   * SQLite: checkpoint the WAL from a background thread instead of inside commits (for the long-running server and
   * bulk work; short-lived CLI commands and tests do without the extra thread).
   */
  readonly backgroundCheckpoint?: boolean;
  /**
   * Commit every stored record to the ledger (default true). False only to measure the ledger's cost in a
   * benchmark; such a database is not tamper-evident.
   */
  readonly ledger?: boolean;
}

async function openEngine(url: string, options: StoreOptions): Promise<Engine> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgresEngine(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "sqlite" || scheme === "file") return openSqliteEngine(url.replace(/^[a-z]+:(\/\/)?/i, ""), options);
  if (scheme && scheme.length > 1) {
    throw new DatabaseUnavailableError(
      `DATABASE_URL has the unknown scheme '${scheme}:'; use a file path, sqlite:PATH or postgres://…`,
    );
  }
  return openSqliteEngine(url, options);
}
