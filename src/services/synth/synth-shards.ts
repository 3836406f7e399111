import { Worker } from "node:worker_threads";
import type { SynthBatch } from "./synth-generator.ts";
import type { Cast } from "./synth-network.ts";

/** What a shard generates: its own seed and share of the events, over the same cast and time span. */
export interface ShardPlan {
  readonly shard: number;
  readonly seed: number;
  readonly events: number;
  /** Holders of the dairy lot, generated first by the shard that has it (0 for the others). */
  readonly megaHolders: number;
  readonly cast: Cast;
  readonly start: number;
  readonly step: number;
  readonly baseUrl: string;
  readonly regionCode: string;
}

export type FromShard =
  | { readonly type: "reserve"; readonly id: number; readonly scope: string; readonly count: number }
  | { readonly type: "batch"; readonly batch: SynthBatch }
  | {
      readonly type: "done";
      readonly events: number;
      readonly lots: number;
      readonly shipments: number;
      readonly megaLotId: string | null;
    };

export type ToShard = { readonly type: "reserved"; readonly id: number; readonly first: number } | { type: "written" };

export interface ShardResult {
  readonly events: number;
  readonly lots: number;
  readonly shipments: number;
  readonly megaLotId: string | null;
}

export interface ShardHost {
  reserve(scope: string, count: number): Promise<number>;
  /** Writes one batch; calls are serialised here, so batches of different shards never interleave. */
  write(batch: SynthBatch): Promise<void>;
}

/**
 * Runs each plan in its own worker thread (node:worker_threads) and serves them: code reservations as they come,
 * batches written one at a time in arrival order. The threads run the TypeScript sources through tsx, as the
 * process does (bin/suyuan.js); the first failure stops every shard.
 */
export async function runShards(plans: readonly ShardPlan[], host: ShardHost): Promise<ShardResult[]> {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./synth-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const workers: Worker[] = [];
  let writes: Promise<void> = Promise.resolve();
  try {
    return await Promise.all(
      plans.map(
        (plan) =>
          new Promise<ShardResult>((resolve, reject) => {
            const w = new Worker(boot, { eval: true, workerData: plan });
            workers.push(w);
            const send = (m: ToShard) => w.postMessage(m);
            w.on("error", reject);
            w.on("exit", (code) => reject(new Error(`synth shard ${plan.shard} stopped (exit code ${code})`)));
            w.on("message", (m: FromShard) => {
              if (m.type === "reserve") {
                host.reserve(m.scope, m.count).then((first) => send({ type: "reserved", id: m.id, first }), reject);
              } else if (m.type === "batch") {
                writes = writes.then(() => host.write(m.batch));
                writes.then(() => send({ type: "written" }), reject);
              } else {
                resolve({ events: m.events, lots: m.lots, shipments: m.shipments, megaLotId: m.megaLotId });
              }
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
