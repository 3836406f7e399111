import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTestDatabase, engines, openTestStore } from "../../test/engines.ts";
import { asActor, partyInput, testPlatform } from "../../test/factories.ts";
import { codeLots } from "../services/lots/code-lots.ts";
import { registerParty } from "../services/parties/register-party.ts";
import { registerProduct } from "../services/products/register-product.ts";
import { addToHoldings, findHolding, insertMovements, takeFromHoldings } from "./holding-store.ts";
import { openStore } from "./store.ts";

describe.each(engines)("set-based writes on %s", (engine) => {
  async function withLots(n: number) {
    const store = await openTestStore(engine);
    const platform = testPlatform(store);
    const op = asActor(platform);
    const party = await registerParty(op, partyInput({ kind: "farm" }));
    const as = asActor(platform, { kind: "enterprise", keyId: "k", label: "k", partyId: party.id });
    const product = await registerProduct(as, { name: "青菜", unit: "kg", categoryCode: "vegetables/leafy" });
    const coded = await codeLots(as, {
      lots: Array.from({ length: n }, () => ({ productId: product.id, productionDate: "2026-11-01", quantity: 10 })),
    });
    return { store, party, lots: coded.map((c) => c.lot) };
  }

  it("binds each call's own values when a statement's shape repeats (cached SQL)", async () => {
    const { store, party, lots } = await withLots(2);
    try {
      const row = (i: number, lotId: string) => ({
        id: `m-${i}`,
        lotId,
        partyId: party.id,
        kind: `k${i}`,
        deltaMilli: i,
        shipmentId: null,
        eventId: `e${i}`,
        at: 1000 + i,
      });
      for (let round = 0; round < 3; round++) {
        await insertMovements(store.db, [
          row(round * 2, lots[0]?.id as string),
          row(round * 2 + 1, lots[1]?.id as string),
        ]);
      }
      // Same columns in another order: a different shape, still the right columns.
      const { at, id, ...rest } = row(9, lots[0]?.id as string);
      await insertMovements(store.db, [{ at, id, ...rest }]);
      const got = await store.db
        .selectFrom("movements")
        .select(["id", "lotId", "kind", "deltaMilli", "eventId", "at"])
        .where("id", "like", "m-%")
        .orderBy("id")
        .execute();
      expect(got.map((r) => [r.id, r.kind, Number(r.deltaMilli), r.eventId, Number(r.at)])).toEqual(
        [0, 1, 2, 3, 4, 5, 9].map((i) => [`m-${i}`, `k${i}`, i, `e${i}`, 1000 + i]),
      );
    } finally {
      await store.close();
    }
  });

  it("adds to a holding named twice in one call, and takes only where there is enough", async () => {
    const { store, party, lots } = await withLots(3);
    try {
      const [a, b, c] = lots.map((l) => l.id) as [string, string, string];
      await addToHoldings(
        store.db,
        [
          { lotId: a, partyId: party.id, quantityMilli: 500 },
          { lotId: a, partyId: party.id, quantityMilli: 250 },
        ],
        1,
      );
      expect(await findHolding(store.db, a, party.id)).toBe(10_750);
      const short = await takeFromHoldings(
        store.db,
        party.id,
        [
          { lotId: a, partyId: party.id, quantityMilli: 10_750 },
          { lotId: b, partyId: party.id, quantityMilli: 10_001 },
          { lotId: c, partyId: party.id, quantityMilli: 4_000 },
        ],
        2,
      );
      expect(short).toEqual([b]);
      expect(await findHolding(store.db, a, party.id)).toBe(0);
      expect(await findHolding(store.db, b, party.id)).toBe(10_000);
      expect(await findHolding(store.db, c, party.id)).toBe(6_000);
    } finally {
      await store.close();
    }
  });
});

describe.runIf(engines.includes("sqlite"))("SQLite background checkpoint", () => {
  it("copies committed pages into the database file from its own thread", async () => {
    const database = await createTestDatabase("sqlite");
    const store = await openStore(database.url, { backgroundCheckpoint: true });
    try {
      await store.migrate();
      const file = database.url;
      const before = statSync(file).size;
      const op = asActor(testPlatform(store));
      for (let i = 0; i < 50; i++) await registerParty(op, partyInput());
      const deadline = Date.now() + 5_000;
      while (statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(statSync(file).size).toBeGreaterThan(before);
      expect(
        await store.db
          .selectFrom("parties")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst(),
      ).toEqual({
        n: 50,
      });
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
