/**
 * EPCIS capture throughput (issue "EPCIS 2.0 interface"): HTTP capture of EPCIS documents of 1,000 mixed events
 * (all five event types, sensor data, ILMD, bizTransactions, sources and destinations) over loopback to a
 * listening server, 1,000,000 events in all (quick: 5,000; EPCIS_BENCH_EVENTS overrides), on SQLite and
 * PostgreSQL. Baseline, measured in the same run: a raw batched insert of the same rows (events, EPC index,
 * fields, parties; 1,000 events a transaction) into a fresh database of the same engine. Then query by EPC
 * (`GET /epcis/events?MATCH_epc=…`) at that size: p99 latency.
 * Targets: ≥ 10,000 events/s sustained and ≥ 0.5× raw; query by EPC p99 ≤ 10 ms at 1,000,000 events.
 */
import type { AddressInfo } from "node:net";
import { systemActor } from "../src/core/auth/actor.ts";
import { prepareCapture } from "../src/core/epcis/capture/prepare-capture.ts";
import type { AnyEpcisDocument } from "../src/core/epcis/epcis-types.ts";
import { buildApp } from "../src/http/app.ts";
import { CapturePool } from "../src/services/epcis/capture-pool.ts";
import { createApiKey } from "../src/services/keys/create-api-key.ts";
import { registerParty } from "../src/services/parties/register-party.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import { insertEvents, type StoredEvent } from "../src/store/event-store.ts";
import { openStore } from "../src/store/store.ts";
import { createTestDatabase, type EngineName, postgresReachable } from "../test/engines.ts";
import { partyInput, testPlatform } from "../test/factories.ts";
import { type BenchResult, type BenchRun, percentile } from "./harness.ts";

const PER_DOCUMENT = 1000;
/** Capture requests in flight at once. */
const CONCURRENCY = 3;
const CTX = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

export const run: BenchRun = async (ctx) => {
  const total = Number(process.env.EPCIS_BENCH_EVENTS ?? (ctx.quick ? 5_000 : 1_000_000));
  const out: BenchResult[] = [];
  const engines: EngineName[] = ["sqlite"];
  if (await postgresReachable()) engines.push("postgres");
  for (const engine of engines)
    out.push(...(await measure(engine, Math.max(1, Math.round(total / PER_DOCUMENT)), ctx.quick)));
  return out;
};

/** Document `d` of the run: 1,000 events of the five types, every EPC new. */
export function benchDocument(d: number): string {
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < PER_DOCUMENT; i++) {
    const n = d * PER_DOCUMENT + i;
    const sgtin = (k: number) => `urn:epc:id:sgtin:6901234.000005.${k}`;
    const time = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    const common = {
      eventTime: time,
      eventTimeZoneOffset: "+08:00",
      readPoint: { id: "urn:epc:id:sgln:6901234.00001.0" },
    };
    const lot = `urn:epc:class:lgtin:6901234.000005.L${Math.floor(n / 100)}`;
    switch (i % 5) {
      case 0:
        events.push({
          type: "ObjectEvent",
          ...common,
          action: "OBSERVE",
          bizStep: "shipping",
          disposition: "in_transit",
          epcList: [sgtin(n * 2), sgtin(n * 2 + 1)],
          bizTransactionList: [{ type: "desadv", bizTransaction: `urn:example:desadv:${n}` }],
          sourceList: [{ type: "owning_party", source: "urn:epc:id:pgln:6901234.00001" }],
          destinationList: [{ type: "owning_party", destination: "urn:epc:id:pgln:6909999.00001" }],
        });
        break;
      case 1:
        events.push({
          type: "ObjectEvent",
          ...common,
          action: "ADD",
          bizStep: "commissioning",
          disposition: "active",
          epcList: [sgtin(n * 2)],
          quantityList: [{ epcClass: lot, quantity: 10, uom: "KGM" }],
          ilmd: { "cbvmda:lotNumber": `L${Math.floor(n / 100)}`, "cbvmda:itemExpirationDate": "2027-01-01" },
          sensorElementList: [
            { sensorMetadata: { time }, sensorReport: [{ type: "Temperature", value: 4.5 + (n % 7), uom: "CEL" }] },
          ],
        });
        break;
      case 2:
        events.push({
          type: "AggregationEvent",
          ...common,
          action: "ADD",
          bizStep: "packing",
          parentID: `urn:epc:id:sscc:6901234.${String(n).padStart(10, "0")}`,
          childEPCs: [sgtin(n * 2), sgtin(n * 2 + 1)],
        });
        break;
      case 3:
        events.push({
          type: "TransformationEvent",
          ...common,
          bizStep: "commissioning",
          inputQuantityList: [{ epcClass: lot, quantity: 3, uom: "KGM" }],
          outputEPCList: [sgtin(n * 2)],
        });
        break;
      default:
        events.push({
          type: i % 10 === 4 ? "TransactionEvent" : "AssociationEvent",
          ...common,
          action: "ADD",
          bizStep: i % 10 === 4 ? "receiving" : "assembling",
          parentID: `urn:epc:id:grai:6901234.00001.${n}`,
          ...(i % 10 === 4
            ? { epcList: [sgtin(n * 2)], bizTransactionList: [{ type: "po", bizTransaction: `urn:example:po:${n}` }] }
            : { childEPCs: [sgtin(n * 2)] }),
        });
    }
  }
  return JSON.stringify({
    "@context": [CTX],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2026-11-23T10:00:00+08:00",
    epcisBody: { eventList: events },
  });
}

async function measure(engine: EngineName, documents: number, quick: boolean): Promise<BenchResult[]> {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url);
  const rawDatabase = await createTestDatabase(engine);
  // Raw means the rows alone: no ledger commitments (those are part of the platform's work being measured).
  const rawStore = await openStore(rawDatabase.url, { ledger: false });
  try {
    await store.migrate();
    await rawStore.migrate();
    // As `serve` runs it: the checks and hash IDs in a pool of threads, one per core beyond the request thread's.
    // As `serve` runs by default: no capture pool. EPCIS_BENCH_WORKERS=n measures with one of n threads.
    const workers = Number(process.env.EPCIS_BENCH_WORKERS ?? 0);
    const capturePool = workers > 0 ? new CapturePool(workers) : undefined;
    const platform = {
      ...testPlatform(store),
      logger: { info() {}, warn() {}, error() {} },
      ...(capturePool ? { capturePool } : {}),
    };
    const operator = contextFor(platform, systemActor("bench"), cliOrigin);
    const party = await registerParty(operator, partyInput({ kind: "processor", gln: "6901234000016" }));
    const { secret } = await createApiKey(operator, { role: "enterprise", partyId: party.id });
    // Baseline first (so that no HTTP connection idles through it and meets a closed socket afterwards): the same
    // rows, prepared outside the clock, inserted set-based, 1,000 events a transaction.
    let rawSeconds = 0;
    for (let d = 0; d < documents; d++) {
      const prepared = prepareCapture(JSON.parse(benchDocument(d)) as AnyEpcisDocument);
      if (!prepared.ok) throw new Error("bench document does not prepare");
      const rows: StoredEvent[] = prepared.events.map((e) => ({
        ...e.index,
        eventId: e.eventId,
        recordTime: Date.now(),
        partyId: party.id,
        source: "epcis",
        captureId: "bench",
        hashId: null,
        event: e.event,
        parties: [{ partyId: party.id, regionCode: party.regionCode, role: "owner" }],
      }));
      const t0 = performance.now();
      await rawStore.transaction((tx) => insertEvents(tx, rows));
      rawSeconds += (performance.now() - t0) / 1000;
    }

    const app = await buildApp({ platform, logger: false, bodyLimit: 64 * 1024 * 1024 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/ld+json" };

    // HTTP capture with CONCURRENCY documents in flight (an ERP's uploads overlap; decision 0002), documents
    // generated ahead in windows of 50 so that only the server's work is timed.
    let captureSeconds = 0;
    for (let first = 0; first < documents; first += 50) {
      const bodies = Array.from({ length: Math.min(50, documents - first) }, (_, i) => benchDocument(first + i));
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < bodies.length; i = next++) {
            const res = await fetch(`${url}/epcis/capture`, { method: "POST", headers, body: bodies[i] });
            if (res.status !== 202) throw new Error(`capture ${first + i}: ${res.status} ${await res.text()}`);
          }
        }),
      );
      captureSeconds += (performance.now() - t0) / 1000;
    }
    const events = documents * PER_DOCUMENT;

    // Query by EPC: random serials among those captured, through HTTP.
    const samples: number[] = [];
    const queries = quick ? 200 : 1000;
    for (let q = 0; q < queries; q++) {
      const n = Math.floor(Math.random() * events);
      const epc = encodeURIComponent(`urn:epc:id:sgtin:6901234.000005.${n * 2}`);
      const t0 = performance.now();
      const res = await fetch(`${url}/epcis/events?MATCH_epc=${epc}`, {
        headers: { authorization: headers.authorization },
      });
      await res.arrayBuffer();
      samples.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`query: ${res.status}`);
    }
    await app.close();
    await capturePool?.close();
    const rate = events / captureSeconds;
    const raw = events / rawSeconds;
    const p99 = percentile(samples, 99);
    return [
      {
        name: `${engine}: HTTP capture, ${documents} documents of ${PER_DOCUMENT} mixed events (${events.toLocaleString("en-US")} events, ${CONCURRENCY} in flight)`,
        unit: "events/s",
        value: rate,
        baselineName: "raw batched insert of the same rows",
        baselineValue: raw,
        target: ">= 10,000 events/s and >= 0.5x raw",
        met: quick ? undefined : rate >= 10_000 && rate >= 0.5 * raw,
      },
      {
        name: `${engine}: query by EPC at ${events.toLocaleString("en-US")} events (${queries} queries, HTTP)`,
        unit: "ms p99",
        value: p99,
        target: "<= 10 ms p99 at 1,000,000 events",
        met: quick || events < 1_000_000 ? undefined : p99 <= 10,
        notes: `p50 ${percentile(samples, 50).toFixed(2)} ms`,
      },
    ];
  } finally {
    await store.close();
    await rawStore.close();
    await database.drop();
    await rawDatabase.drop();
  }
}
