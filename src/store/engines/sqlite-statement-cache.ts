import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * Kysely's SQLite driver prepares every query anew; preparing (parsing and planning) cost a fifth of the supply-chain
 * benchmark's time. The platform issues a few hundred distinct statements, so caching the prepared statement by its SQL
 * text makes each one a bind-and-step. Bounded (least recently used out first), because multi-row inserts of varying
 * row counts are distinct texts. Safe to reuse: Kysely runs one query at a time on its single connection, and a
 * streaming query holds that connection until its iterator ends.
 */
export function withStatementCache(db: BetterSqlite3.Database, capacity = 512): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt as unknown as SqliteStatement;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}
