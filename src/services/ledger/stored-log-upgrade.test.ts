import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { asActor, testPlatform } from "../../../test/factories.ts";
import { EMPTY_FRONTIER, integrate, leafHash } from "../../core/ledger/index.ts";
import { commitRecords } from "../../store/ledger-store.ts";
import { openStore, type Store } from "../../store/store.ts";
import { auditLedger } from "./audit-ledger.ts";
import { integrateAll } from "./integrate-ledger.ts";
import { proveConsistency, proveInclusion } from "./ledger-proofs.ts";
import { readLogTile } from "./serve-log.ts";

/**
 * A log stored before migration 0015 (one `ledger_nodes` row per tree node) keeps its proofs, tiles and audit
 * after the upgrade, and its integrator goes on from the migrated tiles.
 */
describe.each(engines)("a log stored as nodes, upgraded to tiles, on %s", (engine) => {
  let store: Store & { url: string };
  let reopened: Store | undefined;
  afterEach(async () => {
    await reopened?.close();
    await store?.close();
  });

  const parties = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => ({ id: `party-${String(from + i).padStart(5, "0")}` }));

  /** Rewrites the current tree into the pre-0015 schema, as an older release stored it. */
  async function downgradeToNodes(s: Store) {
    const entries = await s.db.selectFrom("ledgerEntries").select("commitment").orderBy("logIndex").execute();
    const nodes = integrate(
      EMPTY_FRONTIER,
      entries.map((e) => leafHash(new Uint8Array(e.commitment))),
    ).nodes;
    await s.db.schema
      .createTable("ledger_nodes")
      .addColumn("level", "integer", (c) => c.notNull())
      .addColumn("idx", "bigint", (c) => c.notNull())
      .addColumn("hash", s.engine.binaryType, (c) => c.notNull())
      .addPrimaryKeyConstraint("ledger_nodes_pk", ["level", "idx"])
      .execute();
    for (let i = 0; i < nodes.length; i += 500)
      await sql`insert into ledger_nodes (level, idx, hash) values ${sql.join(
        nodes.slice(i, i + 500).map((n) => sql`(${n.level}, ${n.index}, ${Buffer.from(n.hash)})`),
      )}`.execute(s.db);
    await s.db.schema.dropTable("ledger_tiles").execute();
    await sql`delete from schema_migrations where name = '0016-ledger-tiles'`.execute(s.db);
  }

  it("serves the same proofs and tiles, audits intact, and integrates on", async () => {
    store = await openTestStore(engine);
    const platform = testPlatform(store);
    await commitRecords(store.db, "party", parties(0, 300), 1);
    const first = await integrateAll(platform);
    await commitRecords(store.db, "party", parties(300, 700), 2);
    const second = await integrateAll(platform);
    expect([first, second]).toEqual([300, 700]);
    const op = asActor(platform);
    const before = {
      inclusion: await Promise.all([0, 255, 256, 699].map((i) => proveInclusion(op, i))),
      consistency: await proveConsistency(op, first, second),
      tiles: await Promise.all(
        ["tile/0/000", "tile/0/001", "tile/0/002.p/188", "tile/1/000.p/2"].map((p) => readLogTile(op, p)),
      ),
    };

    await downgradeToNodes(store);
    expect(await store.migrate()).toEqual(["0016-ledger-tiles"]);
    // A fresh process: nothing of the tree is kept in memory.
    reopened = await openStore(store.url);
    // The same log (its signing key), in a new process.
    const upgraded = { ...testPlatform(reopened), ledger: platform.ledger };
    const op2 = asActor(upgraded);
    expect(await Promise.all([0, 255, 256, 699].map((i) => proveInclusion(op2, i)))).toEqual(before.inclusion);
    expect(await proveConsistency(op2, first, second)).toEqual(before.consistency);
    const tiles = await Promise.all(
      ["tile/0/000", "tile/0/001", "tile/0/002.p/188", "tile/1/000.p/2"].map((p) => readLogTile(op2, p)),
    );
    expect(tiles.map((t) => Buffer.from(t).toString("hex"))).toEqual(
      before.tiles.map((t) => Buffer.from(t).toString("hex")),
    );
    const tree = (await auditLedger(upgraded)).problems.filter((p) => p.problem === "tree");
    expect(tree).toEqual([]);

    await commitRecords(reopened.db, "party", parties(700, 800), 3);
    expect(await integrateAll(upgraded)).toBe(800);
    expect((await auditLedger(upgraded)).problems.filter((p) => p.problem === "tree")).toEqual([]);
  });

  it("keeps a node changed behind the platform's back changed, so the audit still names it", async () => {
    store = await openTestStore(engine);
    const platform = testPlatform(store);
    await commitRecords(store.db, "party", parties(0, 300), 1);
    await integrateAll(platform);
    await downgradeToNodes(store);
    await sql`update ledger_nodes set hash = ${Buffer.alloc(32, 7)} where level = 8 and idx = 0`.execute(store.db);
    await store.migrate();
    reopened = await openStore(store.url);
    const tree = (await auditLedger({ ...testPlatform(reopened), ledger: platform.ledger })).problems.filter(
      (p) => p.problem === "tree",
    );
    expect(tree.map((p) => p.ref)).toContain("node 8/0");
  });
});
