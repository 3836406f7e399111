/**
 * Supply-chain throughput (issue "Supply-chain records"): coding, shipping and receiving through the service
 * layer, batched (many lots or lines per request, as an ERP sends them), on SQLite and PostgreSQL. A movement
 * is one change of a holding. Baseline, measured in the same run: a raw batched insert of the same number of
 * movement rows into the same database. Target: ≥ 10,000 movements/s and ≥ 0.5× the raw insert.
 */
import { randomUUID } from "node:crypto";
import { systemActor } from "../src/core/auth/actor.ts";
import { chinaDate } from "../src/core/codes/calendar-day.ts";
import { codeLots } from "../src/services/lots/code-lots.ts";
import { registerParty } from "../src/services/parties/register-party.ts";
import { registerProduct } from "../src/services/products/register-product.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import { receiveShipment } from "../src/services/shipments/receive-shipment.ts";
import { shipGoods } from "../src/services/shipments/ship-goods.ts";
import { openStore } from "../src/store/store.ts";
import { createTestDatabase, type EngineName, testPostgresUrl } from "../test/engines.ts";
import { partyInput, testPlatform } from "../test/factories.ts";
import type { BenchResult, BenchRun } from "./harness.ts";

export const run: BenchRun = async (ctx) => {
  const out: BenchResult[] = [];
  const engines: EngineName[] = ["sqlite"];
  if (await postgresReachable()) engines.push("postgres");
  for (const engine of engines) out.push(...(await measure(engine, ctx.quick ? 10 : 50, ctx.quick ? 20 : 100)));
  return out;
};

async function measure(engine: EngineName, requests: number, perRequest: number): Promise<BenchResult[]> {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url);
  try {
    await store.migrate();
    const platform = testPlatform(store);
    const operator = contextFor(platform, systemActor("bench"), cliOrigin);
    const farm = await registerParty(operator, partyInput({ kind: "farm", regionCode: "350121" }));
    const buyer = await registerParty(operator, partyInput({ kind: "wholesaler", regionCode: "350102" }));
    const as = (partyId: string) =>
      contextFor(platform, { kind: "enterprise", keyId: "bench", label: "bench", partyId }, cliOrigin);
    const product = await registerProduct(as(farm.id), {
      name: "上海青",
      unit: "kg",
      categoryCode: "vegetables/leafy",
      shelfLifeDays: 5,
    });
    const today = chinaDate(Date.now());

    let movements = 0;
    const start = performance.now();
    const codes: string[] = [];
    for (let r = 0; r < requests; r++) {
      const coded = await codeLots(as(farm.id), {
        lots: Array.from({ length: perRequest }, () => ({
          productId: product.id,
          productionDate: today,
          quantity: 100,
        })),
      });
      codes.push(...coded.map((c) => c.traceCode));
      movements += coded.length;
    }
    for (let r = 0; r < requests; r++) {
      const lines = codes.slice(r * perRequest, (r + 1) * perRequest).map((traceCode) => ({ traceCode, quantity: 60 }));
      const { voucherUrl } = await shipGoods(as(farm.id), { receiver: { partyId: buyer.id }, lines });
      await receiveShipment(as(buyer.id), { voucher: voucherUrl });
      movements += 2 * lines.length;
    }
    const serviceSeconds = (performance.now() - start) / 1000;

    // Baseline: the same number of movement rows, inserted raw in batches of 500 per transaction.
    const lotId = codes.length > 0 ? (await store.db.selectFrom("lots").select("id").executeTakeFirstOrThrow()).id : "";
    const rawStart = performance.now();
    for (let done = 0; done < movements; done += 500) {
      const n = Math.min(500, movements - done);
      await store.transaction(async (tx) => {
        await tx
          .insertInto("movements")
          .values(
            Array.from({ length: n }, () => ({
              id: randomUUID(),
              lotId,
              partyId: farm.id,
              kind: "bench",
              deltaMilli: 1,
              shipmentId: null,
              eventId: "bench",
              at: Date.now(),
            })),
          )
          .execute();
      });
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;
    const rate = movements / serviceSeconds;
    const raw = movements / rawSeconds;
    return [
      {
        name: `${engine}: code, ship, receive through services (${movements} movements, ${perRequest} per request)`,
        unit: "movements/s",
        value: rate,
        baselineName: "raw batched insert",
        baselineValue: raw,
        target: ">= 10,000 movements/s and >= 0.5x raw",
        met: rate >= 10_000 && rate >= 0.5 * raw,
      },
    ];
  } finally {
    await store.close();
    await database.drop();
  }
}

async function postgresReachable(): Promise<boolean> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: testPostgresUrl });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
