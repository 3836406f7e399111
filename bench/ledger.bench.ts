/**
 * Ledger: tree integration throughput against raw SHA-256 over the same inputs (the ceiling: integration
 * needs one leaf hash plus, amortised, one node hash per entry), proof generation latency from an in-memory
 * node store and from a synthetic reader at 2^40 leaves (cost must stay O(log n) reads), and proof verification;
 * then with the store (ledger-store-cases.ts): proofs from stored nodes at 10,000,000 entries on each engine,
 * receipt verification (Node and the browser module), the ledger's cost on the supply-chain capture (on vs off,
 * same run) and commit → signed checkpoint under that load.
 */
import { hash } from "node:crypto";
import type { NodeId } from "../src/core/ledger/index.ts";
import {
  consistencyProof,
  EMPTY_FRONTIER,
  type Hash,
  inclusionProof,
  integrate,
  leafHash,
  MemoryNodeStore,
  type NodeReader,
  verifyConsistency,
  verifyInclusion,
} from "../src/core/ledger/index.ts";
import { type BenchResult, type BenchRun, opsPerSecond, percentile } from "./harness.ts";
import { ledgerCost, reachableEngines, receiptVerification, storedProofs } from "./ledger-store-cases.ts";

/** Leaf inputs shaped like record commitments: 32 bytes each. */
function inputs(count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) out.push(hash("sha256", `record ${i}`, "buffer"));
  return out;
}

/** Integrates in batches, as the log's integrator would; returns entries per second. */
function integrationRate(entries: readonly Uint8Array[], batch: number): number {
  const start = performance.now();
  let frontier = EMPTY_FRONTIER;
  for (let at = 0; at < entries.length; at += batch) {
    const leaves = entries.slice(at, at + batch).map(leafHash);
    frontier = integrate(frontier, leaves).frontier;
  }
  return entries.length / ((performance.now() - start) / 1000);
}

function rawHashRate(entries: readonly Uint8Array[]): number {
  const start = performance.now();
  for (const e of entries) hash("sha256", e, "buffer");
  return entries.length / ((performance.now() - start) / 1000);
}

/** Latency samples (ms) of `fn` called with `count` random arguments. */
function latencies(count: number, fn: (r: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.random();
    const t = performance.now();
    fn(r);
    samples.push(performance.now() - t);
  }
  return samples;
}

/**
 * A reader that answers any node with one fixed hash, at no cost: what remains is planning and folding, which
 * must stay O(log n) however large the tree (2^40 leaves here; a store would add its O(log n) reads).
 */
const FIXED = hash("sha256", "synthetic", "buffer");
const syntheticReader: NodeReader = { readNodes: (ids: readonly NodeId[]) => ids.map(() => FIXED) };

export const run: BenchRun = async (ctx) => {
  const size = ctx.quick ? 1 << 16 : 1 << 20;
  const samples = ctx.quick ? 2_000 : 20_000;
  const seconds = ctx.quick ? 0.2 : 1;
  const entries = inputs(size);
  const results: BenchResult[] = [];

  // Warm both paths once so neither pays for JIT in its measured run.
  integrationRate(entries.slice(0, 4096), 1024);
  rawHashRate(entries.slice(0, 4096));
  const raw = rawHashRate(entries);
  const rate = integrationRate(entries, 1024);
  results.push({
    name: `integrate ${size.toLocaleString("en-US")} entries (LH + compact range, batches of 1024)`,
    unit: "entries/s",
    value: rate,
    baselineName: "raw SHA-256 of the same inputs",
    baselineValue: raw,
    target: ">= 200,000 entries/s",
    met: ctx.quick ? undefined : rate >= 200_000,
    notes: "ceiling ≈ 0.5× raw: two SHA-256 per entry",
  });

  const store = MemoryNodeStore.fromLeafHashes(entries.map(leafHash));
  const root = store.appendLeafHashes([]);
  const huge = 2 ** 40;
  const cases: [string, NodeReader, number, (reader: NodeReader, n: number, r: number) => unknown][] = [
    ["inclusion proof", store, size, (reader, n, r) => inclusionProof(reader, Math.floor(r * n), n)],
    ["consistency proof", store, size, (reader, n, r) => consistencyProof(reader, 1 + Math.floor(r * (n - 1)), n)],
    ["inclusion proof", syntheticReader, huge, (reader, n, r) => inclusionProof(reader, Math.floor(r * n), n)],
    [
      "consistency proof",
      syntheticReader,
      huge,
      (reader, n, r) => consistencyProof(reader, 1 + Math.floor(r * (n - 1)), n),
    ],
  ];
  for (const [what, reader, n, prove] of cases) {
    latencies(200, (r) => prove(reader, n, r));
    const ms = latencies(samples, (r) => prove(reader, n, r));
    const where = reader === store ? "memory store" : "synthetic reader";
    results.push({
      name: `${what} generation at ${n.toLocaleString("en-US")} leaves (${where}), p99`,
      unit: "ms",
      value: percentile(ms, 99),
      target: "<= 1 ms",
      met: ctx.quick ? undefined : percentile(ms, 99) <= 1,
      notes: `p50 ${percentile(ms, 50).toFixed(3)} ms`,
    });
  }

  const index = Math.floor(size / 3);
  const incl = inclusionProof(store, index, size);
  const cons = consistencyProof(store, index, size);
  const oldRoot = new MemoryNodeStore().appendLeafHashes(entries.slice(0, index).map(leafHash));
  if (!incl.ok || !cons.ok) throw new Error("bench setup: proof generation failed");
  const leaf = leafHash(entries[index] as Uint8Array);
  const one = hash("sha256", "x", "buffer") as Hash;
  const rawOps = opsPerSecond(() => hash("sha256", one, "buffer"), seconds);
  const verifyInc = opsPerSecond(() => verifyInclusion(index, size, leaf, incl.value, root), seconds, 100);
  const verifyCon = opsPerSecond(() => verifyConsistency(index, size, oldRoot, root, cons.value), seconds, 100);
  for (const [what, ops, length] of [
    ["verify inclusion proof", verifyInc, incl.value.length],
    ["verify consistency proof", verifyCon, cons.value.length],
  ] as const) {
    results.push({
      name: `${what} (${length} hashes, size ${size.toLocaleString("en-US")})`,
      unit: "ops/s",
      value: ops,
      baselineName: "raw SHA-256 calls",
      baselineValue: rawOps,
    });
  }

  // With the store: proofs from stored nodes at a large size, on each engine (BENCH_LEDGER_SIZE overrides).
  const engines = await reachableEngines();
  const storedSize = Number(process.env.BENCH_LEDGER_SIZE ?? (ctx.quick ? 100_000 : 10_000_000));
  for (const engine of engines) results.push(...(await storedProofs(engine, storedSize, ctx.quick ? 500 : 5_000)));
  results.push(...(await receiptVerification(ctx.quick ? 500 : 5_000)));
  // The ledger's cost on the supply-chain capture, and commit → signed checkpoint under that load.
  for (const engine of engines) {
    results.push(...(await ledgerCost(engine, ctx.quick ? 6 : 40, ctx.quick ? 50 : 200)));
  }
  return results;
};
