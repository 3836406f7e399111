import type { Db } from "./schema.ts";

/**
 * Reserves `count` consecutive values of a named sequence and returns the first. One atomic upsert
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING, the same SQL on SQLite ≥ 3.35 and PostgreSQL): the row lock
 * (PostgreSQL) or the write lock (SQLite) serialises concurrent issuers, so two callers never get the same value,
 * and a rolled-back transaction gives its values back. Sequences start at 1.
 */
export async function reserveSequence(db: Db, scope: string, count: number): Promise<number> {
  const row = await db
    .insertInto("codeSequences")
    .values({ scope, lastValue: count })
    .onConflict((oc) =>
      oc.column("scope").doUpdateSet((eb) => ({ lastValue: eb("codeSequences.lastValue", "+", count) })),
    )
    .returning("lastValue")
    .executeTakeFirstOrThrow();
  return Number(row.lastValue) - count + 1;
}
