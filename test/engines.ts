/**
 * The engines every storage test runs on (STYLE rule 8). SUYUAN_TEST_ENGINES narrows the list
 * ("sqlite", "postgres"); by default both run and PostgreSQL must be reachable — the suite never skips it silently.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../src/store/store.ts";

export type EngineName = "sqlite" | "postgres";

export const engines: readonly EngineName[] = (process.env.SUYUAN_TEST_ENGINES ?? "sqlite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter((s): s is EngineName => s === "sqlite" || s === "postgres");

/** The PostgreSQL database the tests use; each test store lives in its own schema inside it. */
export const testPostgresUrl = process.env.SUYUAN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/suyuan_test";

/** Whether the test PostgreSQL answers (benchmarks measure it when it does, and SQLite alone otherwise). */
export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export interface TestDatabase {
  readonly url: string;
  /** Drops what the test created. */
  drop(): Promise<void>;
}

/** A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "suyuan-test-"));
    return { url: join(dir, "test.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** A migrated store on a fresh database; close() also drops the database. */
export async function openTestStore(engine: EngineName): Promise<Store & { readonly url: string }> {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url);
  await store.migrate();
  return {
    ...store,
    url: database.url,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}
