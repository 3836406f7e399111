import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "../../../test/engines.ts";
import { withPreparedStatements } from "./postgres-statement-cache.ts";

describe.skipIf(!engines.includes("postgres"))("named statements on PostgreSQL", () => {
  let database: TestDatabase | undefined;
  let raw: pg.Pool | undefined;
  afterEach(async () => {
    await raw?.end();
    await database?.drop();
  });

  async function pool() {
    database = await createTestDatabase("postgres");
    raw = new pg.Pool({ connectionString: database.url, max: 2 });
    return withPreparedStatements(raw, { maxNames: 2 });
  }

  const prepared = async (client: { query: (s: string, p: unknown[]) => Promise<{ rows: unknown[] }> }) =>
    (
      await client.query(
        "select statement from pg_prepared_statements where statement not like '%pg_prepared%' order by prepare_time",
        [],
      )
    ).rows;

  it("names a text the second time it runs, and answers the same either way", async () => {
    const p = await pool();
    const c = await p.connect();
    try {
      await c.query("create table t (a int primary key, b text)", []);
      await c.query("insert into t values (1, 'x'), (2, 'y')", []);
      const q = "select b from t where a = $1";
      expect((await c.query(q, [1])).rows).toEqual([{ b: "x" }]);
      expect(await prepared(c)).toEqual([]);
      expect((await c.query(q, [2])).rows).toEqual([{ b: "y" }]);
      expect((await c.query(q, [1])).rows).toEqual([{ b: "x" }]);
      expect(await prepared(c)).toEqual([{ statement: q }]);
    } finally {
      c.release();
    }
  });

  it("keeps to its bound, and a statement whose table changed shape runs unnamed from then on", async () => {
    const p = await pool();
    const c = await p.connect();
    try {
      await c.query("create table t (a int primary key, b text)", []);
      for (const q of ["select 1 as one", "select 2 as two", "select 3 as three", "select * from t"]) {
        await c.query(q, []);
        await c.query(q, []);
      }
      // maxNames 2: the third and fourth texts were not named.
      expect((await prepared(c)).map((r) => (r as { statement: string }).statement)).toEqual([
        "select 1 as one",
        "select 2 as two",
      ]);
    } finally {
      c.release();
    }
    const p2 = withPreparedStatements(raw as pg.Pool);
    const c2 = await p2.connect();
    try {
      await c2.query("select * from t", []);
      await c2.query("select * from t", []);
      await c2.query("alter table t add column c int", []);
      await expect(c2.query("select * from t", [])).rejects.toMatchObject({ code: "0A000" });
      expect((await c2.query("select * from t", [])).rows).toEqual([]);
    } finally {
      c2.release();
    }
  });
});
