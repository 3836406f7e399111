import { Prng } from "../../core/synth/prng.ts";
import { reserveSequence } from "../../store/code-sequence-store.ts";
import { insertEvents } from "../../store/event-store.ts";
import { addToHoldings, insertMovements } from "../../store/holding-store.ts";
import { insertLotInputs, insertLots } from "../../store/lot-store.ts";
import { insertParties } from "../../store/party-store.ts";
import { insertProducts } from "../../store/product-store.ts";
import { insertShipments } from "../../store/shipment-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { ServiceContext } from "../service-context.ts";
import type { SynthBatch } from "./synth-generator.ts";
import { buildCast } from "./synth-network.ts";
import { runShards, type ShardPlan } from "./synth-shards.ts";

export interface SynthOptions {
  /** EPCIS events to generate (each coding, shipping, receipt, rejection, transformation and sale is one). */
  readonly events: number;
  readonly seed?: number;
  /** GB/T 2260 province prefix (2 digits); Fujian by default. */
  readonly province?: string;
  /** How many holders the first (dairy) lot reaches; by default events / 100, at most 10,000. */
  readonly megaHolders?: number;
  readonly onProgress?: (events: number) => void;
}

export interface SynthReport {
  readonly events: number;
  readonly parties: number;
  readonly lots: number;
  readonly shipments: number;
  /** The dairy lot reaching the most holders, and how many: what the benchmarks trace forward and recall. */
  readonly megaLotId: string;
  readonly megaHolders: number;
  readonly seconds: number;
}

const DAY = 86_400_000;
/**
 * The network is generated in independent shards, each in a worker thread with its own seed (derived from the given
 * one) and share of the events. Their number follows the size asked for only (one per 50,000 events, at most four),
 * never the machine's cores, so the same seed and size build the same network anywhere.
 */
const shardsFor = (events: number) => Math.min(4, Math.max(1, Math.ceil(events / 50_000)));

/**
 * `suyuan synth`: a realistic province network written straight into the configured database through the stores
 * (so every event, lot, party and product is committed to the ledger exactly as the use cases commit them), with a
 * seeded generator: power-law fan-out (most lots reach a few buyers; one dairy lot reaches thousands of shops),
 * transformations up to three levels deep, first-station imports, rejections, short receipts, receipts still
 * pending, and retail sales. Time runs over the 180 days before now. The journeys are generated in worker threads
 * (synth-shards.ts: the events' hash IDs are most of the CPU) and written here, one transaction per batch of ~4,000
 * events; each batch holds whole lot journeys, so stock in `holdings` always equals the sum of its movements.
 */
export async function synthesizeProvince(ctx: ServiceContext, o: SynthOptions): Promise<SynthReport> {
  const started = performance.now();
  const seed = o.seed ?? 20_261_123;
  const rng = new Prng(seed);
  const end = ctx.clock.now() - DAY;
  const start = end - 180 * DAY;
  const cast = await buildCast(
    ctx,
    rng,
    Math.max(300, Math.min(250_000, Math.ceil(o.events / 50))),
    o.province ?? "35",
    start,
  );
  await ctx.store.transaction(async (tx) => {
    await insertParties(tx, cast.parties);
    await insertProducts(tx, [...cast.productsOf.values()].flat());
  });
  const shops = [...cast.byKind.retailer, ...cast.byKind.canteen];
  const megaHolders = Math.min(
    shops.length,
    o.megaHolders ?? Math.min(10_000, Math.max(10, Math.floor(o.events / 100))),
  );
  const shardCount = shardsFor(o.events);
  const plans: ShardPlan[] = Array.from({ length: shardCount }, (_, shard) => {
    const events = Math.floor(o.events / shardCount) + (shard < o.events % shardCount ? 1 : 0);
    return {
      shard,
      seed: (seed + Math.imul(shard + 1, 0x9e3779b1)) >>> 0,
      events,
      megaHolders: shard === 0 ? megaHolders : 0,
      cast,
      start,
      step: Math.max(1, Math.floor((end - start) / Math.max(1, events))),
      baseUrl: ctx.settings.publicBaseUrl,
      regionCode: `${o.province ?? "35"}0000`,
    };
  });
  let written = 0;
  const shards = await ctx.store.engine.bulkLoad(() =>
    runShards(plans, {
      reserve: (scope, count) => reserveSequence(ctx.store.db, scope, count),
      async write(batch) {
        await writeBatch(ctx, batch);
        written += batch.stored.length;
        o.onProgress?.(written);
      },
    }),
  );
  const events = shards.reduce((n, s) => n + s.events, 0);
  await ctx.store.transaction((tx) =>
    recordAudit(tx, ctx, "synth", { type: "platform", id: null }, { events, seed: o.seed ?? null }),
  );
  return {
    events,
    parties: cast.parties.length,
    lots: shards.reduce((n, s) => n + s.lots, 0),
    shipments: shards.reduce((n, s) => n + s.shipments, 0),
    megaLotId: shards[0]?.megaLotId as string,
    megaHolders,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Writes one batch in one transaction, through the stores (events and lots committed to the ledger). */
async function writeBatch(ctx: ServiceContext, b: SynthBatch): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await insertEvents(tx, b.stored, b.seals);
    await insertLots(tx, b.lots, b.seals);
    await insertLotInputs(tx, b.inputs);
    await insertShipments(tx, b.shipments);
    await insertMovements(tx, b.movements);
    await addToHoldings(tx, b.holdings, b.at);
  });
}
