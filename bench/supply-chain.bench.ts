/**
 * Supply-chain throughput (issue "Supply-chain records"): coding, shipping and receiving through the service layer
 * and through HTTP, batched (many lots or lines per request, as an ERP sends them), on SQLite and PostgreSQL, along
 * the province's usual way farm → wholesaler → market vendor → canteen. A movement is one change of a holding: a
 * lot coded, a line shipped, a line received (seven per lot).
 *
 * Baseline, measured in the same run: a raw batched insert of the same rows — every row the services wrote (lots,
 * events and their index rows, holdings, movements, shipments and lines, code blocks, audit, outbox, ledger
 * entries), copied into a fresh database of the same engine with plain multi-row INSERTs, 500 rows per statement,
 * one transaction per request's worth. The ratio says what the platform's rules, hashing and look-ups cost on top of storing the data.
 * Target: ≥ 10,000 movements/s and ≥ 0.5× the raw insert.
 */
import { systemActor } from "../src/core/auth/actor.ts";
import { chinaDate } from "../src/core/codes/calendar-day.ts";
import { buildApp } from "../src/http/app.ts";
import { createApiKey } from "../src/services/keys/create-api-key.ts";
import { codeLots } from "../src/services/lots/code-lots.ts";
import { registerParty } from "../src/services/parties/register-party.ts";
import type { Platform } from "../src/services/platform.ts";
import { registerProduct } from "../src/services/products/register-product.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import { receiveShipment } from "../src/services/shipments/receive-shipment.ts";
import { shipGoods } from "../src/services/shipments/ship-goods.ts";
import type { Database } from "../src/store/schema.ts";
import { openStore, type Store } from "../src/store/store.ts";
import { createTestDatabase, type EngineName, postgresReachable } from "../test/engines.ts";
import { partyInput, testPlatform } from "../test/factories.ts";
import type { BenchResult, BenchRun } from "./harness.ts";

export const run: BenchRun = async (ctx) => {
  const out: BenchResult[] = [];
  const engines: EngineName[] = ["sqlite"];
  if (await postgresReachable()) engines.push("postgres");
  const requests = ctx.quick ? 6 : 100;
  const perRequest = ctx.quick ? 50 : 200;
  for (const engine of engines) out.push(...(await measure(engine, requests, perRequest)));
  return out;
};

/** In an order that keeps every foreign key satisfied row by row. */
const written: (keyof Database)[] = [
  "events",
  "eventEpcs",
  "eventFields",
  "eventParties",
  "lots",
  "holdings",
  "movements",
  "shipments",
  "shipmentLines",
  "codeBlocks",
  "auditLog",
  "outbox",
  "ledgerEntries",
];

async function measure(engine: EngineName, requests: number, perRequest: number): Promise<BenchResult[]> {
  const database = await createTestDatabase(engine);
  const copy = await createTestDatabase(engine);
  const store = await openStore(database.url, { backgroundCheckpoint: true });
  const raw = await openStore(copy.url, { backgroundCheckpoint: true });
  try {
    await store.migrate();
    await raw.migrate();
    const platform = testPlatform(store);
    const network = await setUp(platform);

    // 1. Services.
    let movements = 0;
    const start = performance.now();
    movements += await codeShipReceive(requests, perRequest, network, (partyId) =>
      contextFor(platform, { kind: "enterprise", keyId: "bench", label: "bench", partyId }, cliOrigin),
    );
    const serviceSeconds = (performance.now() - start) / 1000;

    // 2. The same rows, inserted raw into a fresh database.
    const rawSeconds = await copyRows(store, raw, requests);

    // 3. HTTP (in-process injection: routing, auth, validation, serialisation; no sockets).
    const http = await overHttp(platform, network, Math.max(2, Math.floor(requests / 4)), perRequest);

    const rate = movements / serviceSeconds;
    const rawRate = movements / rawSeconds;
    return [
      {
        name: `${engine}: code, then ship and receive over 3 hops, through services (${movements} movements, ${perRequest} per request)`,
        unit: "movements/s",
        value: rate,
        baselineName: "raw insert of the same rows",
        baselineValue: rawRate,
        target: ">= 10,000 movements/s and >= 0.5x raw",
        met: rate >= 10_000 && rate >= 0.5 * rawRate,
      },
      {
        name: `${engine}: the same through HTTP (${http.movements} movements)`,
        unit: "movements/s",
        value: http.movements / http.seconds,
        baselineName: "services",
        baselineValue: rate,
      },
    ];
  } finally {
    await store.close();
    await raw.close();
    await database.drop();
    await copy.drop();
  }
}

/** A lot's way through the province: farm → wholesaler → market vendor → canteen (three hops, seven movements). */
export interface Network {
  farm: string;
  chain: readonly string[];
  productId: string;
}

export async function setUp(platform: Platform): Promise<Network> {
  const operator = contextFor(platform, systemActor("bench"), cliOrigin);
  const farm = await registerParty(operator, partyInput({ kind: "farm", regionCode: "350121" }));
  const chain = [
    await registerParty(operator, partyInput({ kind: "wholesaler", regionCode: "350102" })),
    await registerParty(operator, partyInput({ kind: "market_vendor", regionCode: "350103" })),
    await registerParty(operator, partyInput({ kind: "canteen", regionCode: "350104" })),
  ];
  const product = await registerProduct(
    contextFor(platform, { kind: "enterprise", keyId: "bench", label: "bench", partyId: farm.id }, cliOrigin),
    { name: "上海青", unit: "kg", categoryCode: "vegetables/leafy", shelfLifeDays: 5 },
  );
  return { farm: farm.id, chain: chain.map((p) => p.id), productId: product.id };
}

export async function codeShipReceive(
  requests: number,
  perRequest: number,
  n: Network,
  as: (partyId: string) => ReturnType<typeof contextFor>,
): Promise<number> {
  const today = chinaDate(Date.now());
  let movements = 0;
  for (let r = 0; r < requests; r++) {
    const coded = await codeLots(as(n.farm), {
      lots: Array.from({ length: perRequest }, () => ({
        productId: n.productId,
        productionDate: today,
        quantity: 100,
      })),
    });
    movements += perRequest;
    let from = n.farm;
    let quantity = 90;
    for (const to of n.chain) {
      const lines = coded.map((c) => ({ traceCode: c.traceCode, quantity }));
      const { voucherUrl } = await shipGoods(as(from), { receiver: { partyId: to }, lines });
      await receiveShipment(as(to), { voucher: voucherUrl });
      movements += 2 * perRequest;
      from = to;
      quantity -= 30;
    }
    // Let timers run between requests, as a server's event loop does between requests arriving over sockets:
    // on SQLite every await here resolves without I/O, so background loops (the ledger's integrator) would
    // otherwise starve until the whole load had been sent.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return movements;
}

async function copyRows(from: Store, to: Store, transactions: number): Promise<number> {
  const tables = await Promise.all(
    written.map(async (t) => [t, await from.db.selectFrom(t).selectAll().execute()] as const),
  );
  // Master data the rows refer to (foreign keys), copied before the clock starts.
  for (const t of ["parties", "products"] as const) {
    const rows = await from.db.selectFrom(t).selectAll().execute();
    if (rows.length > 0)
      await to.db
        .insertInto(t)
        .values(rows as never)
        .execute();
  }
  const chunks = tables.flatMap(([t, rows]) =>
    Array.from({ length: Math.ceil(rows.length / 500) }, (_, i) => [t, rows.slice(i * 500, (i + 1) * 500)] as const),
  );
  const perTransaction = Math.ceil(chunks.length / transactions);
  const start = performance.now();
  for (let i = 0; i < chunks.length; i += perTransaction) {
    await to.transaction(async (tx) => {
      for (const [t, rows] of chunks.slice(i, i + perTransaction)) {
        await tx
          .insertInto(t)
          .values(rows as never)
          .execute();
      }
    });
  }
  return (performance.now() - start) / 1000;
}

async function overHttp(
  platform: Platform,
  n: Network,
  requests: number,
  perRequest: number,
): Promise<{ movements: number; seconds: number }> {
  const app = await buildApp({ platform });
  const operator = contextFor(platform, systemActor("bench"), cliOrigin);
  const key = async (partyId: string) =>
    `Bearer ${(await createApiKey(operator, { role: "enterprise", partyId })).secret}`;
  const farm = await key(n.farm);
  const keys = await Promise.all(n.chain.map(key));
  const today = chinaDate(Date.now());
  const post = async (url: string, authorization: string, payload: unknown) => {
    const res = await app.inject({ method: "POST", url, headers: { authorization }, payload: payload as object });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  let movements = 0;
  const start = performance.now();
  for (let r = 0; r < requests; r++) {
    const coded = (await post("/v1/lots", farm, {
      lots: Array.from({ length: perRequest }, () => ({
        productId: n.productId,
        productionDate: today,
        quantity: 100,
      })),
    })) as { items: { traceCode: string }[] };
    movements += perRequest;
    let from = farm;
    let quantity = 90;
    for (const [i, to] of n.chain.entries()) {
      const shipped = (await post("/v1/shipments", from, {
        receiver: { partyId: to },
        lines: coded.items.map((c) => ({ traceCode: c.traceCode, quantity })),
      })) as { voucherUrl: string };
      await post("/v1/receipts", keys[i] as string, { voucher: shipped.voucherUrl });
      movements += 2 * perRequest;
      from = keys[i] as string;
      quantity -= 30;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  await app.close();
  return { movements, seconds };
}
