import { Worker } from "node:worker_threads";
import type { CheckRequest } from "./capture-pool-worker.ts";
import { type CaptureStamp, type CheckedCapture, checkCapture } from "./check-capture.ts";

/**
 * Worker threads for the CPU-only part of EPCIS capture (check-capture.ts: schema, semantic checks, hash IDs,
 * index rows, ledger seals), so that on a machine with more than one core the request thread keeps only parsing and the writes,
 * and documents arriving together overlap: one is hashed while another is stored (docs/decisions/0002). The result
 * is the same data the request thread would compute; a document's atomicity and idempotency are unchanged, since
 * storing still happens in one transaction on the request's side.
 *
 * The threads run the TypeScript sources through tsx, as the process does (bin/suyuan.js). Each takes the next
 * document from a shared queue; a thread that dies fails its document and is replaced.
 */
export class CapturePool {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { request: CheckRequest; settle: Settle }[] = [];
  readonly #pending = new Map<Worker, Settle>();
  readonly #size: number;
  #nextId = 0;
  #closed = false;

  constructor(size: number) {
    this.#size = Math.max(1, size);
    for (let i = 0; i < this.#size; i++) this.#spawn();
  }

  /** Checks and prepares a document in a pool thread; resolves with what checkCapture would return here. */
  check(
    document: unknown,
    base: string,
    xmlHashIds?: readonly string[],
    stamp?: CaptureStamp,
  ): Promise<CheckedCapture> {
    if (this.#closed) return Promise.resolve(checkCapture(document, base, xmlHashIds, stamp));
    return new Promise((resolve, reject) => {
      const request: CheckRequest = {
        id: this.#nextId++,
        document,
        base,
        ...(xmlHashIds ? { xmlHashIds } : {}),
        ...(stamp ? { stamp } : {}),
      };
      this.#queue.push({ request, settle: { resolve, reject } });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const { settle } of this.#queue.splice(0)) settle.reject(new Error("capture pool closed"));
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #spawn(): void {
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./capture-pool-worker.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true });
    worker.unref();
    this.#workers.push(worker);
    worker.on("message", (m: { ready?: true; id?: number; result?: CheckedCapture; error?: string }) => {
      worker.unref();
      if (!m.ready) {
        const settle = this.#pending.get(worker);
        this.#pending.delete(worker);
        if (m.error !== undefined) settle?.reject(new Error(`capture check failed in a pool thread: ${m.error}`));
        else settle?.resolve(m.result as CheckedCapture);
      }
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on("error", (e) => this.#lost(worker, e));
    worker.on("exit", (code) => this.#lost(worker, new Error(`capture pool thread stopped (exit code ${code})`)));
  }

  #lost(worker: Worker, error: Error): void {
    const at = this.#workers.indexOf(worker);
    if (at < 0) return;
    this.#workers.splice(at, 1);
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    this.#pending.get(worker)?.reject(error);
    this.#pending.delete(worker);
    if (!this.#closed) this.#spawn();
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.shift() as Worker;
      const job = this.#queue.shift() as { request: CheckRequest; settle: Settle };
      this.#pending.set(worker, job.settle);
      // Held while it works, so a process with nothing else to do waits for the answer.
      worker.ref();
      worker.postMessage(job.request);
    }
  }
}

interface Settle {
  resolve(result: CheckedCapture): void;
  reject(error: Error): void;
}
