import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase, engines } from "../../test/engines.ts";
import { asActor, partyInput, testPlatform } from "../../test/factories.ts";
import { registerParty } from "../services/parties/register-party.ts";
import { latestMigration } from "./migrations/index.ts";
import { openStore } from "./store.ts";

const execFileAsync = promisify(execFile);

describe.each(engines)("store on %s", (engine) => {
  it("migrates a fresh database and is idempotent on re-run and reopen", async () => {
    const database = await createTestDatabase(engine);
    try {
      const first = await openStore(database.url);
      expect(await first.migrate()).toContain(latestMigration);
      expect(await first.migrate()).toEqual([]);
      const party = await registerParty(asActor(testPlatform(first)), partyInput());
      await first.close();

      const again = await openStore(database.url);
      expect(await again.migrate()).toEqual([]);
      const row = await again.db.selectFrom("parties").select(["id", "name"]).executeTakeFirstOrThrow();
      expect(row).toEqual({ id: party.id, name: party.name });
      await again.close();
    } finally {
      await database.drop();
    }
  });

  it("applies each migration once when two processes start together", async () => {
    const database = await createTestDatabase(engine);
    try {
      const child = fileURLToPath(new URL("../../test/helpers/migrate-child.ts", import.meta.url));
      const run = () => execFileAsync(process.execPath, ["--import", "tsx", child, database.url]);
      const outputs = await Promise.all([run(), run()]);
      const applied = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
      expect(applied.filter((n) => n === latestMigration)).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });

  it("rolls back every write of a failed transaction", async () => {
    const database = await createTestDatabase(engine);
    const store = await openStore(database.url);
    try {
      await store.migrate();
      const ctx = asActor(testPlatform(store));
      await expect(
        store.transaction(async (tx) => {
          await tx
            .insertInto("auditLog")
            .values({
              id: "a1",
              at: 1,
              actor: "t",
              actorPartyId: null,
              action: "x",
              targetType: "t",
              targetId: null,
              detailsJson: null,
              source: "cli",
              requestId: null,
              userAgent: null,
            })
            .execute();
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await store.db.selectFrom("auditLog").selectAll().execute()).toEqual([]);
      expect(ctx.actor.kind).toBe("system");
    } finally {
      await store.close();
      await database.drop();
    }
  });
});

describe("DATABASE_URL", () => {
  it("rejects an unknown scheme with a one-line fix", async () => {
    await expect(openStore("mysql://localhost/x")).rejects.toThrow(/unknown scheme 'mysql:'.*postgres:\/\//);
  });

  it("reports an unreachable PostgreSQL server in one line", async () => {
    await expect(openStore("postgres://nobody@127.0.0.1:1/none")).rejects.toThrow(
      /cannot reach PostgreSQL at .*ECONNREFUSED/,
    );
  });

  it("reports an unwritable data folder", async () => {
    const database = await createTestDatabase("sqlite");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${database.url}.file`, "not a folder");
    try {
      await expect(openStore(`${database.url}.file/sub/data.db`)).rejects.toThrow(
        /cannot create the data folder .*ENOTDIR/,
      );
    } finally {
      await database.drop();
    }
  });

  it("opens SQLite in WAL mode from a sqlite: URL", async () => {
    const database = await createTestDatabase("sqlite");
    const store = await openStore(`sqlite:${database.url}`);
    try {
      const mode = await sql<{ journalMode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0]?.journalMode).toBe("wal");
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
