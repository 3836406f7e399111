import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { testPlatform } from "../../../test/factories.ts";
import { systemActor } from "../../core/auth/actor.ts";
import type { Store } from "../../store/store.ts";
import { auditLedger } from "../ledger/audit-ledger.ts";
import { cliOrigin, contextFor } from "../service-context.ts";
import { walkForward } from "../trace/walk-forward.ts";
import { type SynthReport, synthesizeProvince } from "./synthesize-province.ts";

describe.each(engines)("the synthetic province on %s", (engine) => {
  let store: Store;
  let report: SynthReport;

  beforeAll(async () => {
    store = await openTestStore(engine);
    const ctx = contextFor(testPlatform(store), systemActor("test"), cliOrigin);
    report = await synthesizeProvince(ctx, { events: 3_000, seed: 7 });
  }, 120_000);
  afterAll(() => store.close());

  it("writes at least the events asked for, every one with its ledger entry and nothing uncommitted", async () => {
    const events = await store.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    expect(Number(events?.n)).toBe(report.events);
    expect(report.events).toBeGreaterThanOrEqual(3_000);
    const audit = await auditLedger(testPlatform(store));
    expect(audit.problems).toEqual([]);
    expect(audit.records).toBeGreaterThan(report.events);
  });

  it("keeps every holding equal to the sum of its movements, never negative", async () => {
    const off = await sql<{ n: number }>`
      select count(*) as n from holdings h
      where h.quantity_milli <> (select coalesce(sum(m.delta_milli), 0) from movements m
                                 where m.lot_id = h.lot_id and m.party_id = h.party_id)`.execute(store.db);
    expect(Number(off.rows[0]?.n)).toBe(0);
    const orphans = await sql<{ n: number }>`
      select count(*) as n from (select lot_id, party_id from movements group by lot_id, party_id) m
      where not exists (select 1 from holdings h where h.lot_id = m.lot_id and h.party_id = m.party_id)`.execute(
      store.db,
    );
    expect(Number(orphans.rows[0]?.n)).toBe(0);
  });

  it("has the shapes traces meet: fan-out to many holders, transformations, imports, rejections, pending and short receipts", async () => {
    const trace = await walkForward(store.db, [{ lotId: report.megaLotId, fromPartyId: null }], { details: false });
    const holders = new Set(trace.holdings.map((h) => h.partyId));
    // The maker, its distributors and the shops (less the few receipts still pending or rejected).
    expect(holders.size).toBeGreaterThan(report.megaHolders * 0.8);
    const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(store.db)).rows[0]?.n);
    expect(await count(sql`select count(*) as n from lot_inputs`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from lots where entry = 'first_station'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from shipment_lines where state = 'rejected'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from shipment_lines where state = 'pending'`)).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*) as n from shipment_lines where state = 'received' and received_milli < quantity_milli`,
      ),
    ).toBeGreaterThan(0);
  });

  it("is reproducible: the same seed builds the same network", async () => {
    const other = await openTestStore(engine);
    try {
      const again = await synthesizeProvince(contextFor(testPlatform(other), systemActor("test"), cliOrigin), {
        events: 3_000,
        seed: 7,
      });
      expect({ ...again, megaLotId: "", seconds: 0 }).toEqual({ ...report, megaLotId: "", seconds: 0 });
    } finally {
      await other.close();
    }
  }, 120_000);
});
