import { parentPort, workerData } from "node:worker_threads";
import { uuidV7Generator } from "../../core/ids/uuid-v7.ts";
import { Prng } from "../../core/synth/prng.ts";
import { eventRow } from "../../store/event-store.ts";
import { type RecordSeal, sealRecord } from "../../store/ledger-store.ts";
import { lotRow } from "../../store/lot-store.ts";
import { Generator, type SynthBatch } from "./synth-generator.ts";
import { CodeAllocator } from "./synth-network.ts";
import type { ShardPlan, ToShard } from "./synth-shards.ts";

/**
 * One shard of a synthetic province, in a worker thread: it generates its lots' journeys — the CPU-heavy part, the
 * EPCIS events and their hash IDs (CBV 2.0 §8.9.2), and the ledger commitments of events and lots — and hands each batch to the main thread, which writes it. Codes
 * are reserved through the main thread too (the sequences live in the database). One batch is in flight at a time:
 * the shard generates the next while the last is written, and no further.
 */
const FLUSH_EVENTS = 4_000;

const plan = workerData as ShardPlan;
const port = parentPort as NonNullable<typeof parentPort>;
const reservations = new Map<number, (first: number) => void>();
let written: (() => void) | undefined;
let requests = 0;

port.on("message", (m: ToShard) => {
  if (m.type === "reserved") {
    reservations.get(m.id)?.(m.first);
    reservations.delete(m.id);
  } else written?.();
});

const reserve = (scope: string, count: number) =>
  new Promise<number>((resolve) => {
    const id = requests++;
    reservations.set(id, resolve);
    port.postMessage({ type: "reserve", id, scope, count });
  });

let inFlight: Promise<void> = Promise.resolve();
/**
 * The ledger commitments of the batch's events and lots are computed here too, over the very rows the stores will
 * write (eventRow, lotRow); `suyuan audit` recomputes them from the database. Copied into buffers of their own, so
 * that posting them does not clone a shared allocation pool.
 */
const sink = async (batch: SynthBatch) => {
  const seals = new Map<string, RecordSeal>();
  const seal = (ref: string, s: RecordSeal) =>
    seals.set(ref, { salt: new Uint8Array(s.salt), commitment: new Uint8Array(s.commitment) });
  for (const e of batch.stored) seal(e.eventId, sealRecord("epcis-event", eventRow(e)));
  for (const l of batch.lots) seal(l.id, sealRecord("lot", lotRow(l)));
  batch.seals = seals;
  await inFlight;
  inFlight = new Promise<void>((resolve) => {
    written = resolve;
  });
  port.postMessage({ type: "batch", batch });
};

const g = new Generator(
  { newId: uuidV7Generator(), baseUrl: plan.baseUrl, codes: new CodeAllocator(reserve, plan.regionCode), sink },
  new Prng(plan.seed),
  plan.cast,
  plan.start,
  plan.step,
);
const megaLotId = plan.megaHolders > 0 ? await g.megaJourney(plan.megaHolders) : null;
while (g.events < plan.events) {
  await g.journey();
  if (g.buffered >= FLUSH_EVENTS) await g.flush();
}
await g.flush();
await inFlight;
port.postMessage({ type: "done", events: g.events, lots: g.lotCount, shipments: g.shipmentCount, megaLotId });
