import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { CamelCasePlugin, CompiledQuery, type DatabaseConnection, type Driver, Kysely, SqliteDialect } from "kysely";
import type { Database } from "../schema.ts";
import { DatabaseUnavailableError, type Engine } from "./engine.ts";
import { startCheckpointer } from "./sqlite-checkpointer.ts";
import { withStatementCache } from "./sqlite-statement-cache.ts";

/**
 * The embedded default: one file, WAL journal (readers never block the writer), foreign keys on.
 * synchronous=NORMAL is durable across application crashes in WAL mode and loses at most the last
 * transactions on power loss (SQLite docs, "WAL mode … synchronous=NORMAL"); operators who need more set
 * SQLITE_SYNCHRONOUS=FULL.
 */
export function openSqliteEngine(
  path: string,
  options: { synchronous?: "NORMAL" | "FULL"; backgroundCheckpoint?: boolean } = {},
): Engine {
  const memory = path === ":memory:";
  const file = memory ? path : resolve(path);
  if (!memory) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (e) {
      throw new DatabaseUnavailableError(
        `cannot create the data folder ${dirname(file)} (${(e as NodeJS.ErrnoException).code}); set DATABASE_URL to a writable path`,
      );
    }
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
    raw.pragma("foreign_keys = ON");
    raw.pragma("busy_timeout = 5000");
    // 64 MiB of page cache (the default is 2 MiB): the indexes of a busy province stay in memory.
    raw.pragma("cache_size = -65536");
  } catch (e) {
    throw new DatabaseUnavailableError(
      `cannot open the SQLite file ${file} (${(e as Error).message}); set DATABASE_URL to a writable path`,
    );
  }
  // With a background checkpointer the writer checkpoints only past 64 MiB of WAL, as a safety net.
  const checkpointer = options.backgroundCheckpoint && !memory ? startCheckpointer(file) : undefined;
  if (checkpointer) raw.pragma("wal_autocheckpoint = 16384");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    kind: "sqlite",
    binaryType: "blob",
    db,
    description: `sqlite:${file}`,
    async ping() {
      raw.prepare("select 1").get();
    },
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
    // BEGIN IMMEDIATE (below) already holds the write lock: nothing else can migrate meanwhile.
    lockForMigration: async () => {},
    boundLockWait: async () => {},
    isUniqueViolation: (e) =>
      typeof e === "object" &&
      e !== null &&
      ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" ||
        (e as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY"),
  };
}

/**
 * Every transaction here writes, so it starts with BEGIN IMMEDIATE: it takes the write lock up front and waits
 * (busy_timeout) for another process's writer instead of failing with SQLITE_BUSY when a deferred transaction
 * tries to upgrade its read lock (SQLite docs, "BEGIN TRANSACTION", §Deferred, immediate and exclusive).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    return driver;
  }
}
