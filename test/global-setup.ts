import pg from "pg";
import { engines, testPostgresUrl } from "./engines.ts";

/** Makes sure the PostgreSQL test database exists before any test runs; fails loudly when it cannot. */
export default async function setup(): Promise<void> {
  if (!engines.includes("postgres")) return;
  const url = new URL(testPostgresUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${url.host} (${(e as Error).message}). Start it (scripts/ensure-postgres.sh), ` +
        "set SUYUAN_TEST_PG_URL, or run only SQLite with SUYUAN_TEST_ENGINES=sqlite.",
    );
  }
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}
