import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { CamelCasePlugin, CompiledQuery, type DatabaseConnection, type Driver, Kysely, SqliteDialect } from "kysely";
import type { Database } from "../schema.ts";
import { DatabaseUnavailableError, type Engine } from "./engine.ts";
import { startCheckpointer } from "./sqlite-checkpointer.ts";
import { withStatementCache } from "./sqlite-statement-cache.ts";

/** 64 MiB of page cache (the default is 2 MiB): the indexes of a busy province stay in memory. */
const CACHE_KIB = -65536;

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
  const synchronous = options.synchronous ?? "NORMAL";
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma(`synchronous = ${synchronous}`);
    raw.pragma("foreign_keys = ON");
    raw.pragma("busy_timeout = 5000");
    raw.pragma(`cache_size = ${CACHE_KIB}`);
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
    // A bulk load writes a database nobody else uses meanwhile. Its journal is kept in memory instead of the WAL
    // (SQLite docs, PRAGMA journal_mode: MEMORY): each commit writes its pages once, to the database, where the WAL
    // wrote them twice (log, then checkpoint) — a fifth of the writer's time at 500,000 events. No sync at commit
    // and a page cache for the indexes being filled. A crash mid-load can leave the file damaged: loads are
    // redone, not resumed. Afterwards WAL again, and ANALYZE with a row limit per index (PRAGMA analysis_limit)
    // keeps the statistics pass to seconds at 10M events.
    async bulkLoad(load) {
      const journal = memory ? undefined : String(raw.pragma("journal_mode", { simple: true }));
      if (journal) raw.pragma("journal_mode = MEMORY");
      raw.pragma("synchronous = OFF");
      raw.pragma("cache_size = -2097152");
      let result: Awaited<ReturnType<typeof load>>;
      try {
        result = await load();
      } finally {
        if (journal) raw.pragma(`journal_mode = ${journal}`);
        raw.pragma(`synchronous = ${synchronous}`);
        raw.pragma(`cache_size = ${CACHE_KIB}`);
      }
      raw.pragma("analysis_limit = 2000");
      raw.exec("analyze");
      return result;
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
