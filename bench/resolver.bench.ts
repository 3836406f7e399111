/**
 * The resolver under load (issue "Public trace"): with N lots loaded by direct batched inserts (quick 10,000; full
 * 1,000,000) and their public records materialised by the background refresher's backfill (timed: records/s),
 * autocannon over loopback at 50 connections against the resolver's JSON and HTML answers, and a minimal Fastify
 * hello-world route measured in the same run as the baseline. Server and load generator run in separate
 * processes. Targets: ≥ 0.5 × hello-world requests/s and p99 ≤ 20 ms.
 * Two access patterns: one lot scanned over and over (a pack in many hands), and scans spread over 10,000 random
 * lots of the N. Both read the lot's materialised row by primary key at every scan.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { withCheckDigit } from "../src/core/gs1/index.ts";
import { refreshPublicLots } from "../src/services/public/refresh-public-lots.ts";
import { openStore } from "../src/store/store.ts";
import { testPlatform } from "../test/factories.ts";
import type { BenchResult, BenchRun } from "./harness.ts";

export const run: BenchRun = async (ctx) => {
  const lots = ctx.quick ? 10_000 : 1_000_000;
  const seconds = ctx.quick ? 3 : 10;
  const dir = mkdtempSync(join(tmpdir(), "suyuan-resolver-bench-"));
  const url = join(dir, "bench.db");
  const gtin = withCheckDigit("0690123456789");
  try {
    await generate(url, lots, gtin);
    const backfill = await materialise(url);
    const hello = await serve(["hello"], url);
    const app = await serve(["app"], url);
    try {
      const hot = `/01/${gtin}/10/L${lots >> 1}`;
      const spread = Array.from({ length: 10_000 }, () => `/01/${gtin}/10/L${Math.floor(Math.random() * lots)}`);
      const base = `http://127.0.0.1:${app.port}`;
      // Warm the database pages the way a running server would be.
      await load(base, { accept: "application/json" }, 1, spread);
      const patterns: [string, () => ReturnType<typeof load>][] = [
        ["resolver JSON, one lot", () => load(`${base}${hot}`, { accept: "application/json" }, seconds)],
        ["resolver HTML, one lot", () => load(`${base}${hot}`, { accept: "text/html" }, seconds)],
        ["resolver JSON, 10,000 random lots", () => load(base, { accept: "application/json" }, seconds, spread)],
        ["resolver HTML, 10,000 random lots", () => load(base, { accept: "text/html" }, seconds, spread)],
      ];
      // Each run is paired with a hello-world run just before it: on a shared machine the load moves between
      // runs, and a ratio of neighbours is steadier than a ratio to one baseline run.
      const hellos: Awaited<ReturnType<typeof load>>[] = [];
      const out: BenchResult[] = [
        {
          name: `public records built by the refresher's backfill (${lots.toLocaleString("en-US")} lots)`,
          unit: "records/s",
          value: backfill.perSecond,
          notes: `${(backfill.ms / 1000).toFixed(1)} s, ${(backfill.bytes / lots).toFixed(0)} bytes of JSON a record`,
        },
      ];
      for (const [name, measure] of patterns) {
        const h = await load(`http://127.0.0.1:${hello.port}/`, {}, seconds);
        const r = await measure();
        hellos.push(h);
        out.push({
          name: `${name} (${lots.toLocaleString("en-US")} lots)`,
          unit: "req/s",
          value: r.rps,
          baselineName: "hello-world just before",
          baselineValue: h.rps,
          target: "≥ 0.5× hello-world, p99 ≤ 20 ms",
          met: r.rps >= 0.5 * h.rps && r.p99 <= 20 && r.errors === 0,
          notes: `p99 ${r.p99} ms, p50 ${r.p50} ms (hello-world p99 ${h.p99} ms)${r.errors ? `, ${r.errors} errors/non-2xx` : ""}`,
        });
      }
      out.splice(1, 0, {
        name: "hello-world Fastify (baseline), mean of its runs",
        unit: "req/s",
        value: hellos.reduce((n, h) => n + h.rps, 0) / hellos.length,
        notes: `p99 ${hellos.map((h) => h.p99).join(" / ")} ms`,
      });
      return out;
    } finally {
      hello.child.kill();
      app.child.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

async function load(url: string, headers: Record<string, string>, seconds: number, paths?: readonly string[]) {
  const r = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    headers,
    ...(paths
      ? {
          requests: [
            { setupRequest: (req: object) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] }) },
          ],
        }
      : {}),
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

function serve(args: string[], databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./resolver-server.ts", import.meta.url).pathname, ...args],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", (d: Buffer) => resolve({ child, port: Number(d.toString().trim()) }));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/**
 * Gives every lot its public record the way a running server does (services/public/refresh-public-lots.ts, in
 * batches of 1,000), and says how fast.
 */
async function materialise(url: string): Promise<{ perSecond: number; ms: number; bytes: number }> {
  const store = await openStore(url);
  try {
    const platform = testPlatform(store);
    const state = { lotCursor: "" };
    const started = performance.now();
    let built = 0;
    for (let n = 1; n > 0; built += n) n = await refreshPublicLots(platform, state, { batch: 1_000 });
    const ms = performance.now() - started;
    const size = await store.db
      .selectFrom("publicLots")
      .select((eb) => eb.fn.sum<number>(eb.fn("length", ["recordJson"])).as("bytes"))
      .executeTakeFirstOrThrow();
    return { perSecond: (built / ms) * 1000, ms, bytes: Number(size.bytes) };
  } finally {
    await store.close();
  }
}

/** N lots of one product at one farm, each also held by one of 100 retailers: batched inserts. */
export async function generate(url: string, n: number, gtin: string): Promise<void> {
  const store = await openStore(url);
  await store.migrate();
  const db = store.db;
  const now = Date.now();
  const party = (i: number, kind: string, regionCode: string) => ({
    id: `P${i}`,
    name: `bench ${kind} ${i}`,
    creditCode: null,
    kind,
    regionCode,
    address: null,
    contactJson: null,
    licencesJson: JSON.stringify([{ type: "food_business", number: `JY${i}`, validUntil: "2029-12-31" }]),
    gln: null,
    keyParty: 0,
    homePlatform: "suyuan",
    partyCode: `BENCH${i}`,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await db
    .insertInto("parties")
    .values([party(0, "farm", "350121"), ...Array.from({ length: 100 }, (_, i) => party(i + 1, "retailer", "350103"))])
    .execute();
  await db
    .insertInto("products")
    .values({
      id: "PR0",
      partyId: "P0",
      name: "上海青",
      spec: "500g",
      unit: "kg",
      categoryCode: "vegetables/leafy",
      shelfLifeDays: 5,
      gtin,
      description: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  for (let start = 0; start < n; start += 20_000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(n, start + 20_000); i += 1_000) {
        const ids = Array.from({ length: Math.min(1_000, n - i) }, (_, k) => i + k);
        await tx
          .insertInto("lots")
          .values(
            ids.map((k) => ({
              id: `L${k}`,
              productId: "PR0",
              partyId: "P0",
              lotCode: `L${k}`,
              gtin,
              platformCode: null,
              traceKey: `01/${gtin}/10/L${k}`,
              productionDate: "2026-11-20",
              expiryDate: "2026-11-24",
              quantityMilli: 1_000_000,
              unit: "kg",
              originRegion: "350121",
              originPlace: "闽侯县",
              location: null,
              entry: "coded",
              entryJson: null,
              eventId: "bench",
              createdAt: now,
              revokedAt: null,
              revokeReason: null,
            })),
          )
          .execute();
        await tx
          .insertInto("holdings")
          .values(
            ids.flatMap((k) => [
              { lotId: `L${k}`, partyId: "P0", quantityMilli: 500_000, updatedAt: now },
              { lotId: `L${k}`, partyId: `P${(k % 100) + 1}`, quantityMilli: 500_000, updatedAt: now },
            ]),
          )
          .execute();
      }
    });
  }
  await store.close();
}
