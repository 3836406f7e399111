import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "../../../test/engines.ts";
import { queryEvents } from "../epcis-query-store.ts";
import { insertEvents } from "../event-store.ts";
import { openStore, type Store } from "../store.ts";
import { migrateToLatest } from "./index.ts";

const query = {
  epcMatches: [] as { roles: readonly ("epc" | "class")[]; values: { exact?: string }[] }[],
  fieldMatches: [] as { kind: "bizTransaction"; values: string[] }[],
  orderBy: "recordTime",
  orderDirection: "ASC",
} as const;

describe.each(engines)("migration 0015 (events keyed by seq) on %s", (engine) => {
  let database: TestDatabase;
  let store: Store;
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it("carries events stored in the old layout, with their index rows and error declarations, into the new one", async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await migrateToLatest(store.engine, "0014-public-trace");
    // Two events as the old layout held them: index rows keyed by the event id, one EPC named twice.
    for (const [id, at, epc] of [
      ["ni:///sha-256;bb?ver=CBV2.0", 2000, "https://id.gs1.org/01/09521234543213/10/B"],
      ["ni:///sha-256;aa?ver=CBV2.0", 1000, "https://id.gs1.org/01/09521234543213/10/A"],
    ] as const) {
      await sql`insert into events (event_id, event_type, event_time, record_time, source, event_json, party_id)
        values (${id}, 'ObjectEvent', ${at}, ${at}, 'epcis', ${JSON.stringify({ eventID: id })}, null)`.execute(
        store.db,
      );
      await sql`insert into event_epcs (epc, event_id, role) values (${epc}, ${id}, 'epc')`.execute(store.db);
      await sql`insert into event_fields (event_id, kind, name, value) values (${id}, 'bizTransaction', '', ${`po-${at}`}),
        (${id}, 'bizTransaction', '', ${`po-${at}`})`.execute(store.db);
      await sql`insert into event_parties (event_id, party_id, region_code, role) values (${id}, 'p1', '350102', 'owner')`.execute(
        store.db,
      );
    }
    await sql`insert into event_error_declarations (event_id, declared_at, reason, note, declared_by, declaration_json)
      values ('ni:///sha-256;aa?ver=CBV2.0', 3000, 'incorrect_data', null, 'op', ${JSON.stringify({ eventID: "declared" })})`.execute(
      store.db,
    );

    expect((await store.migrate())[0]).toBe("0015-lean-events");

    // seq follows storage (record time) order; the index rows found their events.
    const seqs = await store.db.selectFrom("events").select(["seq", "eventId"]).orderBy("seq").execute();
    expect(seqs.map((r) => r.eventId)).toEqual(["ni:///sha-256;aa?ver=CBV2.0", "ni:///sha-256;bb?ver=CBV2.0"]);
    const byEpc = await queryEvents(
      store.db,
      { ...query, epcMatches: [{ roles: ["epc"], values: [{ exact: "https://id.gs1.org/01/09521234543213/10/B" }] }] },
      { kind: "party", partyId: "p1" },
      { limit: 10 },
    );
    expect(byEpc.map((e) => e.eventId)).toEqual(["ni:///sha-256;bb?ver=CBV2.0"]);
    const byField = await queryEvents(
      store.db,
      { ...query, fieldMatches: [{ kind: "bizTransaction", values: ["po-1000"] }] },
      { kind: "region", prefix: "3501" },
      { limit: 10 },
    );
    // The error declaration came along: the declared copy is what a query returns.
    expect(byField.map((e) => e.event)).toEqual([{ eventID: "declared" }]);
    // Nobody else sees them.
    expect(await queryEvents(store.db, query, { kind: "party", partyId: "p2" }, { limit: 10 })).toEqual([]);

    // New events continue the sequence, and their index rows work alike.
    await insertEvents(store.db, [
      {
        eventId: "ni:///sha-256;cc?ver=CBV2.0",
        eventType: "ObjectEvent",
        eventTime: 4000,
        recordTime: 4000,
        action: "OBSERVE",
        bizStep: null,
        disposition: null,
        readPoint: null,
        bizLocation: null,
        partyId: null,
        source: "epcis",
        captureId: null,
        hashId: null,
        event: { eventID: "ni:///sha-256;cc?ver=CBV2.0" },
        epcs: [
          { epc: "https://id.gs1.org/01/09521234543213/10/B", role: "epc" },
          { epc: "https://id.gs1.org/01/09521234543213/10/B", role: "epc" },
        ],
        fields: [],
        parties: [{ partyId: "p1", regionCode: "350102", role: "owner" }],
      },
    ]);
    const again = await queryEvents(
      store.db,
      { ...query, epcMatches: [{ roles: ["epc"], values: [{ exact: "https://id.gs1.org/01/09521234543213/10/B" }] }] },
      { kind: "all" },
      { limit: 10 },
    );
    expect(again.map((e) => e.eventId)).toEqual(["ni:///sha-256;bb?ver=CBV2.0", "ni:///sha-256;cc?ver=CBV2.0"]);
    const last = await store.db
      .selectFrom("events")
      .select("seq")
      .where("eventId", "=", "ni:///sha-256;cc?ver=CBV2.0")
      .executeTakeFirstOrThrow();
    expect(Number(last.seq)).toBe(3);
    if (engine === "sqlite") expect((await sql`pragma foreign_key_check`.execute(store.db)).rows).toEqual([]);
  });
});
