import { CompiledQuery as Compiled, type CompiledQuery, type DialectAdapter, type QueryResult } from "kysely";
import type { Db } from "./schema.ts";

/**
 * Multi-row statements whose SQL depends only on their shape (table, columns, row count) are compiled by Kysely
 * once per shape and dialect; later calls bind new parameters to the cached SQL. Building, transforming and
 * compiling a 100-row insert cost more than executing it on SQLite (a sixth of the supply-chain benchmark).
 *
 * Safety: the first compile of a shape is checked — its parameters must be exactly the rows' values, column by
 * column, followed by `extra`. A shape that compiles otherwise (a value Kysely inlines, a reordered column) is
 * marked uncachable and always takes the normal path, so the cache can never bind a value to the wrong column.
 */
const cache = new WeakMap<DialectAdapter, Map<string, string | null>>();

export async function executeShaped<O>(
  db: Db,
  shape: string,
  rowsIn: readonly object[],
  extra: readonly unknown[],
  build: () => { compile(): CompiledQuery<O> },
): Promise<QueryResult<O>> {
  const rows = rowsIn as readonly Readonly<Record<string, unknown>>[];
  const first = rows[0];
  if (!first) throw new Error("executeShaped needs at least one row");
  const columns = Object.keys(first);
  const key = `${shape}|${columns.join(",")}|${rows.length}`;
  const adapter = db.getExecutor().adapter;
  let shapes = cache.get(adapter);
  if (!shapes) {
    shapes = new Map();
    cache.set(adapter, shapes);
  }
  let params: unknown[] | undefined = sameKeys(rows, columns)
    ? [...rows.flatMap((r) => columns.map((c) => r[c])), ...extra]
    : undefined;
  // Kysely leaves an undefined value out of an insert (the column's default): a different statement.
  if (params?.includes(undefined)) params = undefined;
  const sql = shapes.get(key);
  if (sql && params) return db.executeQuery<O>(Compiled.raw(sql, params) as CompiledQuery<O>);
  const compiled = build().compile();
  if (sql === undefined) {
    if (shapes.size > 2_000) shapes.clear();
    shapes.set(key, params && sameParams(compiled.parameters, params) ? compiled.sql : null);
  }
  return db.executeQuery(compiled);
}

function sameKeys(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly string[]): boolean {
  for (const r of rows) {
    const k = Object.keys(r);
    if (k.length !== columns.length) return false;
    for (let i = 0; i < k.length; i++) if (k[i] !== columns[i]) return false;
  }
  return true;
}

function sameParams(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
