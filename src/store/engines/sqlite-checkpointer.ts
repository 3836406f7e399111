import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Checkpoints the WAL from a second connection on its own thread. SQLite's automatic checkpoint runs inside the
 * COMMIT that crosses the threshold, so one writer in every few hundred pays for copying the WAL into the database
 * and its fsync — over half the commit time in the supply-chain benchmark. Here the writer's connection never
 * checkpoints on its own below a large safety threshold (if this thread falls behind, the writer still does), and a
 * PASSIVE checkpoint (which never blocks readers or the writer: SQLite docs, "wal_checkpoint") runs every
 * `intervalMs` in parallel with the writes.
 *
 * The worker is plain CommonJS evaluated in place, so it needs no loader for TypeScript.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
const run = () => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (e) { parentPort.postMessage({ error: String(e && e.message || e) }); }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m === "stop") { clearInterval(timer); db.close(); parentPort.close(); }
});
`;

export function startCheckpointer(
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const module = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, module, intervalMs: options.intervalMs ?? 200 },
  });
  worker.on("message", (m: { error?: string }) => m.error && options.onError?.(m.error));
  worker.on("error", (e) => options.onError?.(e.message));
  worker.unref();
  return {
    async stop() {
      // Held until it has closed its connection: the writer's close must be the last, to checkpoint fully.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("stop");
      await exited;
    },
  };
}
