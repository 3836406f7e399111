/**
 * Trace and recall (issue "Trace and recall"): a network generated directly with batched inserts — one lot
 * shipped to N holders (10% still in transit), a chain of depth D through D holders, five levels of
 * transformation, and background lots and shipments that the traces must not pay for — on SQLite and PostgreSQL.
 * Measured: backward trace p50/p99 (the use case, from the end of the chain and from one of the N holders),
 * forward trace of the lot reaching N holders, and the recall scope of that lot (the scope walk open-recall uses).
 * Baseline, same run: a single indexed primary-key select of a lot. Targets (full issue, later on 1M and 10M
 * events): backward p99 ≤ 5 ms; forward and recall scope of a lot reaching 10,000 holders ≤ 100 ms.
 *
 * Then the same measures on synthetic provinces built by `suyuan synth` (services/synth): BENCH_TRACE_EVENTS lists
 * the sizes (quick: 5,000; full: 100,000; by hand: 1000000,10000000, which also prints the growth ratio), or
 * BENCH_TRACE_DB names already synthesized databases (comma-separated; the growth from the first to the last) to
 * measure without building them. BENCH_TRACE_ENGINES narrows the engines; BENCH_TRACE_SKIP_GENERATED=1 skips the
 * generated-network part.
 */
import { randomUUID } from "node:crypto";
import { systemActor } from "../src/core/auth/actor.ts";
import { Prng } from "../src/core/synth/prng.ts";
import { walkRecallScope } from "../src/services/recalls/walk-recall-scope.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import { synthesizeProvince } from "../src/services/synth/synthesize-province.ts";
import { traceBackward } from "../src/services/trace/trace-backward.ts";
import { traceForward } from "../src/services/trace/trace-forward.ts";
import { findLotById } from "../src/store/lot-store.ts";
import type { Database } from "../src/store/schema.ts";
import { openStore, type Store } from "../src/store/store.ts";
import { createTestDatabase, type EngineName, postgresReachable } from "../test/engines.ts";
import { testPlatform } from "../test/factories.ts";
import { type BenchResult, type BenchRun, percentile } from "./harness.ts";

export const run: BenchRun = async (ctx) => {
  const out: BenchResult[] = [];
  const engines: EngineName[] = ["sqlite"];
  if (await postgresReachable()) engines.push("postgres");
  const only = process.env.BENCH_TRACE_ENGINES?.split(",") as EngineName[] | undefined;
  const size = ctx.quick
    ? { holders: 1_000, depth: 10, background: 1_000, samples: 50 }
    : { holders: 10_000, depth: 10, background: 10_000, samples: 200 };
  if (process.env.BENCH_TRACE_DB) {
    // Already synthesized databases (e.g. 1M and 10M events), measured in the order given; two or more also give
    // the growth from the first to the last.
    const urls = process.env.BENCH_TRACE_DB.split(",");
    const bySize: BenchResult[][] = [];
    for (const url of urls) bySize.push(await measureSynth(url, 0, ctx.quick, engineOf(url)));
    const sizes = bySize.map((r) =>
      Number(/synthetic ([\d,]+) events/.exec((r[0] as BenchResult).name)?.[1]?.replace(/,/g, "")),
    );
    return [...bySize.flat(), ...(bySize.length >= 2 ? growth(engineOf(urls[0] as string), sizes, bySize) : [])];
  }
  for (const engine of only ?? engines) {
    if (process.env.BENCH_TRACE_SKIP_GENERATED !== "1") out.push(...(await measure(engine, size, ctx.quick)));
    // On synthetic provinces (suyuan synth): BENCH_TRACE_EVENTS=1000000,10000000 for the growth figure.
    const sizes = (process.env.BENCH_TRACE_EVENTS ?? (ctx.quick ? "5000" : "100000")).split(",").map(Number);
    const bySize: BenchResult[][] = [];
    for (const events of sizes) {
      const database = await createTestDatabase(engine);
      try {
        bySize.push(await measureSynth(database.url, events, ctx.quick, engine));
      } finally {
        await database.drop();
      }
    }
    out.push(...bySize.flat());
    if (bySize.length >= 2) out.push(...growth(engine, sizes, bySize));
  }
  return out;
};

/** The synthetic-province measures: backward from shop holdings, forward and recall scope of the dairy lot. */
async function measureSynth(url: string, events: number, quick: boolean, engine = "given database") {
  const store = await openStore(url);
  try {
    await store.migrate();
    const platform = testPlatform(store);
    const op = contextFor(platform, systemActor("bench"), cliOrigin);
    const made = events > 0 ? await synthesizeProvince(op, { events, seed: 1 }) : undefined;
    const db = store.db;
    const megaLotId =
      made?.megaLotId ??
      ((
        await db
          .selectFrom("shipmentLines")
          .select(["lotId", (eb) => eb.fn.countAll().as("n")])
          .groupBy("lotId")
          .orderBy("n", "desc")
          .limit(1)
          .executeTakeFirstOrThrow()
      ).lotId as string);
    const total = Number(
      (
        await db
          .selectFrom("events")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // Shop holdings (the ends of chains) picked by a seeded generator among the first 20,000 by key.
    const pool = await db
      .selectFrom("holdings")
      .innerJoin("parties", "parties.id", "holdings.partyId")
      .select(["holdings.lotId", "holdings.partyId"])
      .where("parties.kind", "in", ["retailer", "canteen"])
      .orderBy("holdings.lotId")
      .limit(20_000)
      .execute();
    const rng = new Prng(2);
    const n = quick ? 50 : 300;
    const starts = Array.from({ length: n }, () => rng.pick(pool));
    const regulator = contextFor(
      platform,
      { kind: "regulator", keyId: "bench", label: "bench", regionCode: "350000" },
      cliOrigin,
    );
    // Each measure runs its calls twice: a first pass in a fresh process over a database just opened (statements
    // prepared and compiled for the first time, pages read into the cache; its p99 is reported as "cold"), then
    // the pass that counts — a server that has been answering for a while.
    let lastCold: number[] = [];
    const time = async (fn: (i: number) => Promise<unknown>, k: number) => {
      const pass = async () => {
        const samples: number[] = [];
        for (let i = 0; i < k; i++) {
          const t0 = performance.now();
          await fn(i);
          samples.push(performance.now() - t0);
        }
        return samples;
      };
      lastCold = await pass();
      return pass();
    };
    const base = await time((i) => findLotById(db, (starts[i] as { lotId: string }).lotId), n);
    const back = await time((i) => traceBackward(regulator, starts[i] as { lotId: string; partyId: string }), n);
    const backCold = lastCold;
    let holders = 0;
    const fwd = await time(
      async () => {
        const t = await traceForward(regulator, { lotId: megaLotId });
        holders = new Set(t.holdings.map((h) => h.partyId)).size;
      },
      quick ? 3 : 10,
    );
    let tasks = 0;
    const scope = await time(
      async () => {
        tasks = (await walkRecallScope(db, [megaLotId])).scope.tasks.length;
      },
      quick ? 3 : 10,
    );
    const label = `${engine}, synthetic ${total.toLocaleString("en-US")} events`;
    const p50base = percentile(base, 50);
    return [
      { name: `pk select of a lot p50 (${label})`, unit: "ms", value: p50base },
      {
        name: `backward trace from a shop's holding p50 (${label})`,
        unit: "ms",
        value: percentile(back, 50),
        baselineName: "pk select p50",
        baselineValue: p50base,
      },
      {
        name: `backward trace from a shop's holding p99 (${label})`,
        unit: "ms",
        value: percentile(back, 99),
        target: "≤ 5 ms",
        ...(quick ? {} : { met: percentile(back, 99) <= 5 }),
        notes: `${n} holdings, each traced once before (that cold first pass: p50 ${percentile(backCold, 50).toFixed(2)}, p99 ${percentile(backCold, 99).toFixed(2)} ms)`,
      },
      {
        name: `forward trace of the dairy lot p50 (${label})`,
        unit: "ms",
        value: percentile(fwd, 50),
        target: "≤ 100 ms",
        ...(quick ? {} : { met: percentile(fwd, 50) <= 100 }),
        notes: `${holders.toLocaleString("en-US")} holders, parties and documents included`,
      },
      {
        name: `recall scope of the dairy lot p50 (${label})`,
        unit: "ms",
        value: percentile(scope, 50),
        target: "≤ 100 ms",
        ...(quick ? {} : { met: percentile(scope, 50) <= 100 }),
        notes: `${tasks.toLocaleString("en-US")} tasks${made ? `; synth ${Math.round(made.events / made.seconds).toLocaleString("en-US")} events/s` : ""}`,
      },
    ] satisfies BenchResult[];
  } finally {
    await store.close();
  }
}

/** The cost at the largest size over the smallest: the target is ≤ 1.5× (cost follows the answer, not the database). */
function growth(engine: string, sizes: number[], bySize: BenchResult[][]): BenchResult[] {
  const first = bySize[0] as BenchResult[];
  const last = bySize.at(-1) as BenchResult[];
  return [1, 2, 3, 4].map((i) => {
    const ratio = (last[i] as BenchResult).value / (first[i] as BenchResult).value;
    return {
      name: `growth ${sizes[0]?.toLocaleString("en-US")} → ${sizes.at(-1)?.toLocaleString("en-US")} events: ${(first[i] as BenchResult).name.replace(/ \(.*$/, "")} (${engine})`,
      unit: "×",
      value: ratio,
      target: "≤ 1.5×",
      met: ratio <= 1.5,
    };
  });
}

type Size = { holders: number; depth: number; background: number; samples: number };

async function measure(engine: EngineName, size: Size, quick: boolean): Promise<BenchResult[]> {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url);
  try {
    await store.migrate();
    const net = await generate(store, size);
    const platform = testPlatform(store);
    const regulator = contextFor(
      platform,
      { kind: "regulator", keyId: "bench", label: "bench", regionCode: "350000" },
      cliOrigin,
    );
    const time = async (fn: () => Promise<unknown>, n: number) => {
      for (let i = 0; i < Math.min(5, n); i++) await fn(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await fn();
        samples.push(performance.now() - t0);
      }
      return samples;
    };
    const baseline = await time(() => findLotById(store.db, net.fanLot), size.samples);
    const chainBack = await time(
      () => traceBackward(regulator, { lotId: net.chainLot, partyId: net.chainEnd }),
      size.samples,
    );
    const holderBack = await time(
      () => traceBackward(regulator, { lotId: net.fanLot, partyId: net.someHolder }),
      size.samples,
    );
    const madeBack = await time(() => traceBackward(regulator, { lotId: net.lastMade }), size.samples);
    const fwdSamples = quick ? 5 : 10;
    const forward = await time(() => traceForward(regulator, { lotId: net.fanLot }), fwdSamples);
    let scopeTasks = 0;
    const scope = await time(async () => {
      scopeTasks = (await walkRecallScope(store.db, [net.fanLot])).scope.tasks.length;
    }, fwdSamples);

    const p50base = percentile(baseline, 50);
    const label = `${engine}, ${size.holders.toLocaleString("en-US")} holders, ${net.rows.toLocaleString("en-US")} rows`;
    const back = (name: string, s: number[], notes: string): BenchResult[] => [
      {
        name: `${name} p50 (${label})`,
        unit: "ms",
        value: percentile(s, 50),
        baselineName: "pk select p50",
        baselineValue: p50base,
        notes,
      },
      {
        name: `${name} p99 (${label})`,
        unit: "ms",
        value: percentile(s, 99),
        target: "≤ 5 ms",
        ...(quick ? {} : { met: percentile(s, 99) <= 5 }),
      },
    ];
    return [
      { name: `pk select of a lot p50 (${engine})`, unit: "ms", value: p50base },
      ...back("backward trace, chain end", chainBack, `${size.depth} hops`),
      ...back("backward trace, one of the fan-out holders", holderBack, "1 hop"),
      ...back("backward trace, 5 levels of transformation", madeBack, "5 input lots"),
      {
        name: `forward trace of a lot reaching ${size.holders.toLocaleString("en-US")} holders (${engine})`,
        unit: "ms",
        value: percentile(forward, 50),
        baselineName: "pk select p50",
        baselineValue: p50base,
        target: "≤ 100 ms",
        ...(quick ? {} : { met: percentile(forward, 50) <= 100 }),
        notes: "p50, parties and documents included",
      },
      {
        name: `recall scope of that lot (${engine})`,
        unit: "ms",
        value: percentile(scope, 50),
        target: "≤ 100 ms",
        ...(quick ? {} : { met: percentile(scope, 50) <= 100 }),
        notes: `${scopeTasks.toLocaleString("en-US")} tasks`,
      },
    ];
  } finally {
    await store.close();
    await database.drop();
  }
}

/** Inserts the network with batched inserts (no services: the point is the size, not the path). */
async function generate(store: Store, size: Size) {
  const db = store.db;
  const now = Date.now();
  let rows = 0;
  const batch = async <T extends keyof Database>(table: T, values: Record<string, unknown>[]) => {
    for (let i = 0; i < values.length; i += 500) {
      await db
        .insertInto(table)
        .values(values.slice(i, i + 500) as never)
        .execute();
    }
    rows += values.length;
  };
  let serial = 0;
  const code = () => `B${(serial++).toString(36).toUpperCase().padStart(10, "0")}`;
  const party = (kind: string) => ({
    id: randomUUID(),
    name: `bench ${kind} ${serial}`,
    creditCode: null,
    kind,
    regionCode: "350102",
    address: null,
    contactJson: null,
    licencesJson: "[]",
    gln: null,
    keyParty: 0,
    homePlatform: "suyuan",
    partyCode: code(),
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  const producer = party("producer");
  const processor = party("processor");
  const holders = Array.from({ length: size.holders }, () => party("retailer"));
  const chain = Array.from({ length: size.depth }, () => party("wholesaler"));
  const backgroundParties = Array.from({ length: 100 }, () => party("wholesaler"));
  await batch("parties", [producer, processor, ...holders, ...chain, ...backgroundParties]);
  const product = {
    id: randomUUID(),
    partyId: producer.id,
    name: "bench",
    spec: null,
    unit: "kg",
    categoryCode: "vegetables",
    shelfLifeDays: null,
    gtin: null,
    description: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const made = { ...product, id: randomUUID(), partyId: processor.id };
  await batch("products", [product, made]);
  const lot = (productId: string, partyId: string, quantityMilli: number, entry = "coded") => {
    const c = code();
    return {
      id: randomUUID(),
      productId,
      partyId,
      lotCode: c,
      gtin: null,
      platformCode: c,
      traceKey: `t/${c}`,
      productionDate: "2026-11-01",
      expiryDate: null,
      quantityMilli,
      unit: "kg",
      originRegion: "350102",
      originPlace: null,
      location: null,
      entry,
      entryJson: null,
      eventId: "bench",
      createdAt: now,
      revokedAt: null,
      revokeReason: null,
    };
  };
  const lots: ReturnType<typeof lot>[] = [];
  const shipments: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const movements: Record<string, unknown>[] = [];
  const holdings = new Map<string, number>();
  const move = (lotId: string, partyId: string, kind: string, delta: number, shipmentId: string | null) => {
    movements.push({
      id: randomUUID(),
      lotId,
      partyId,
      kind,
      deltaMilli: delta,
      shipmentId,
      eventId: "bench",
      at: now,
    });
    holdings.set(`${lotId}|${partyId}`, (holdings.get(`${lotId}|${partyId}`) ?? 0) + delta);
  };
  const ship = (lotId: string, from: string, to: string, q: number, pending = false) => {
    const id = randomUUID();
    shipments.push({
      id,
      voucherCode: code(),
      shipperPartyId: from,
      receiverKind: "party",
      receiverPartyId: to,
      receiverJson: null,
      status: pending ? "in_transit" : "received",
      shippedAt: now,
      eventId: "bench",
      revokeReason: null,
    });
    lines.push({
      shipmentId: id,
      lineNo: 1,
      lotId,
      quantityMilli: q,
      unit: "kg",
      state: pending ? "pending" : "received",
      receivedMilli: pending ? null : q,
      reason: null,
      settledAt: pending ? null : now,
    });
    move(lotId, from, "shipped", -q, id);
    if (!pending) move(lotId, to, "received", q, id);
  };

  // The lot reaching N holders (one in ten still in transit), and the processor.
  const fan = lot(product.id, producer.id, (size.holders + 10) * 1000);
  lots.push(fan);
  move(fan.id, producer.id, "coded", fan.quantityMilli, null);
  for (const [i, h] of holders.entries()) ship(fan.id, producer.id, h.id, 1000, i % 10 === 9);
  ship(fan.id, producer.id, processor.id, 5000);
  // Five levels of transformation at the processor.
  let input = fan;
  const inputs: Record<string, unknown>[] = [];
  for (let level = 0; level < 5; level++) {
    const out = lot(made.id, processor.id, 1000, "transformation");
    lots.push(out);
    move(input.id, processor.id, "consumed", -1000, null);
    move(out.id, processor.id, "coded", 1000, null);
    inputs.push({ outputLotId: out.id, inputLotId: input.id, quantityMilli: 1000 });
    input = out;
  }
  // A chain of depth D.
  const chainLot = lot(product.id, producer.id, 1000);
  lots.push(chainLot);
  move(chainLot.id, producer.id, "coded", 1000, null);
  let from = producer.id;
  for (const p of chain) {
    ship(chainLot.id, from, p.id, 1000);
    from = p.id;
  }
  // Background: lots of the same producer shipped among other parties, which no trace above should touch.
  for (let i = 0; i < size.background; i++) {
    const b = lot(product.id, producer.id, 5000);
    lots.push(b);
    move(b.id, producer.id, "coded", 5000, null);
    for (let k = 0; k < 3; k++) ship(b.id, producer.id, (backgroundParties[(i + k) % 100] as { id: string }).id, 1000);
  }
  await batch("lots", lots);
  await batch("lotInputs", inputs);
  await batch("shipments", shipments);
  await batch("shipmentLines", lines);
  await batch("movements", movements);
  await batch(
    "holdings",
    [...holdings].map(([k, q]) => {
      const [lotId, partyId] = k.split("|");
      return { lotId, partyId, quantityMilli: q, updatedAt: now };
    }),
  );
  return {
    fanLot: fan.id,
    chainLot: chainLot.id,
    chainEnd: from,
    someHolder: (holders[Math.floor(size.holders / 2)] as { id: string }).id,
    lastMade: input.id,
    rows,
  };
}

const engineOf = (url: string) => (/^postgres(ql)?:/.test(url) ? "postgres" : "sqlite");
