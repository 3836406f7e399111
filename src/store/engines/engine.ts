import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";

/**
 * What differs between SQLite and PostgreSQL, and nothing else (STYLE rule 6). Shared code asks an engine for a
 * capability or a helper; it never tests which engine runs.
 */
export interface Engine {
  readonly kind: "sqlite" | "postgres";
  readonly db: Kysely<Database>;
  /** Where the data lives, safe to log (no password). */
  readonly description: string;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Closes every connection; for SQLite also checkpoints the WAL into the main file. */
  close(): Promise<void>;
  /** The column type for bytes: "blob" on SQLite, "bytea" on PostgreSQL. */
  readonly binaryType: "blob" | "bytea";
  /** Serialises schema migrations across processes for the rest of the transaction `tx`. */
  lockForMigration(tx: Transaction<Database>): Promise<void>;
  /**
   * Runs a bulk load (`suyuan synth`) under the engine's fast-load settings, restored afterwards, then refreshes the
   * planner's statistics (ANALYZE): plans chosen on an empty database's defaults can follow the wrong index.
   */
  bulkLoad<T>(load: () => Promise<T>): Promise<T>;
  /**
   * Makes any row-lock wait in the rest of transaction `tx` fail after `ms` instead of waiting on: a background
   * job that writes many rows in one transaction then gives way to a use case holding one of them, rather than
   * risking a deadlock with it. A no-op where writers are serialised (SQLite: a transaction never waits on a row).
   */
  boundLockWait(tx: Transaction<Database>, ms: number): Promise<void>;
  /** True for a unique-constraint violation, whatever the driver calls it. */
  isUniqueViolation(error: unknown): boolean;
}

/** Thrown when the configured database cannot be opened; its message is one line saying what to fix. */
export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
}
