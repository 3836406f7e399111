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
  /**
   * One transaction for bulk work (imports): like `transaction`, and `savepoint(body)` runs body so that if it
   * throws, only body's writes are undone and the transaction goes on. PostgreSQL otherwise aborts the whole
   * transaction on the first failed statement (SQLSTATE 25P02 afterwards); SAVEPOINT is standard SQL on both engines.
   */
  transactionWithSavepoints<T>(fn: (tx: Transaction<Database>, savepoint: Savepoint) => Promise<T>): Promise<T>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** Runs body inside a savepoint of the current bulk transaction; if body throws, its writes are rolled back. */
export type Savepoint = <T>(body: () => Promise<T>) => Promise<T>;

/** The savepoint commands of Kysely's ControlledTransaction, without its compile-time tracking of names. */
interface SavepointCommands {
  savepoint(name: string): { execute(): Promise<unknown> };
  releaseSavepoint(name: string): { execute(): Promise<unknown> };
  rollbackToSavepoint(name: string): { execute(): Promise<unknown> };
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
    async transactionWithSavepoints(fn) {
      const trx = await engine.db.startTransaction().execute();
      const commands = trx as unknown as SavepointCommands;
      let depth = 0;
      const savepoint: Savepoint = async (body) => {
        const name = `sp_${++depth}`;
        await commands.savepoint(name).execute();
        try {
          const result = await body();
          await commands.releaseSavepoint(name).execute();
          return result;
        } catch (e) {
          await commands.rollbackToSavepoint(name).execute();
          await commands.releaseSavepoint(name).execute();
          throw e;
        } finally {
          depth--;
        }
      };
      try {
        const result = await fn(trx, savepoint);
        await trx.commit().execute();
        return result;
      } catch (e) {
        // Keep the error that caused the rollback, not a follow-on failure of the rollback itself.
        await trx
          .rollback()
          .execute()
          .catch(() => {});
        throw e;
      }
    },
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
