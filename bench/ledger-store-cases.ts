/**
 * The ledger measured with its store and with the platform around it (used by ledger.bench.ts): proofs read from
 * stored nodes at a large tree size on each engine, receipt verification, the cost of the ledger on the
 * supply-chain capture (ledger on vs off, same run) and the time from commit to signed checkpoint under that load.
 */
import { randomFillSync, webcrypto } from "node:crypto";
import {
  appendToTiles,
  consistencyProofAsync,
  cosignerFromSeed,
  EMPTY_TILE_TREE,
  formatCheckpoint,
  formatReceipt,
  type Hash,
  inclusionProofAsync,
  type JsonValue,
  leafHash,
  parsePolicy,
  RECORD_COMMITMENT_TAG,
  recordCommitment,
  sha256,
  signNote,
  type TileTree,
  verifyReceipt,
} from "../src/core/ledger/index.ts";
import { integrateAll, startLedgerIntegrator } from "../src/services/ledger/integrate-ledger.ts";
import { ephemeralLedgerIdentity } from "../src/services/ledger/ledger-key.ts";
import { cliOrigin, contextFor } from "../src/services/service-context.ts";
import { readNodes, writeTiles } from "../src/store/ledger-tile-store.ts";
import { openStore, type Store } from "../src/store/store.ts";
import { verifyReceipt as browserVerify } from "../src/web/assets/verify-receipt.js";
import { createTestDatabase, type EngineName, postgresReachable } from "../test/engines.ts";
import { testPlatform } from "../test/factories.ts";
import type { BenchResult } from "./harness.ts";
import { percentile } from "./harness.ts";
import { codeShipReceive, setUp } from "./supply-chain.bench.ts";

export async function reachableEngines(): Promise<EngineName[]> {
  return (await postgresReachable()) ? ["sqlite", "postgres"] : ["sqlite"];
}

/**
 * A tree of `size` entries in a fresh database, built as the integrator stores it (tiles, with their inner nodes)
 * in batches of 65,536 entries, then `samples` inclusion and consistency proofs generated from the stored tiles
 * through the store's reader (one statement for the rows its cache lacks).
 */
export async function storedProofs(engine: EngineName, size: number, samples: number): Promise<BenchResult[]> {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url, { backgroundCheckpoint: true });
  try {
    await store.migrate();
    const buildStart = performance.now();
    let tree: TileTree = EMPTY_TILE_TREE;
    const batch = 1 << 16;
    for (let at = 0; at < size; at += batch) {
      // Random leaf hashes: the tree's cost is its node hashes and rows, not how its leaves were made.
      const bytes = randomFillSync(new Uint8Array(32 * Math.min(batch, size - at)));
      const leaves: Hash[] = [];
      for (let i = 0; i < bytes.length; i += 32) leaves.push(bytes.subarray(i, i + 32));
      const done = appendToTiles(tree, leaves);
      tree = done.tree;
      await store.transaction((tx) => writeTiles(tx, done.written));
    }
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const reader = { readNodes: (ids: Parameters<typeof readNodes>[1]) => readNodes(store.db, ids) };
    const time = async (fn: (r: number) => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < samples; i++) {
        const r = Math.random();
        const t = performance.now();
        await fn(r);
        ms.push(performance.now() - t);
      }
      return ms;
    };
    const inclusionAt = (r: number) => inclusionProofAsync(reader, Math.floor(r * size), size);
    // The first proofs after the build find the database's caches cold (PostgreSQL's shared buffers hold 128 MiB
    // of the 10,000,000-entry tree's ~640 MiB of tiles; the rest is read through the OS cache): measured and
    // reported apart, then the log serves for a while — as a running log does — before the figures that count.
    const cold = await time(inclusionAt);
    await time(inclusionAt);
    await time(inclusionAt);
    const inclusion = await time(inclusionAt);
    const consistency = await time((r) => consistencyProofAsync(reader, 1 + Math.floor(r * (size - 1)), size));
    const n = size.toLocaleString("en-US");
    return [
      ["inclusion", inclusion],
      ["consistency", consistency],
    ].map(([what, ms]) => ({
      name: `${engine}: ${what} proof from stored tiles at ${n} entries, p99`,
      unit: "ms",
      value: percentile(ms as number[], 99),
      target: "<= 1 ms",
      met: percentile(ms as number[], 99) <= 1,
      notes: `p50 ${percentile(ms as number[], 50).toFixed(3)} ms, after ${(3 * samples).toLocaleString("en-US")} proofs served; the first ${samples.toLocaleString("en-US")} inclusion proofs after the build (cold caches): p50 ${percentile(cold, 50).toFixed(3)}, p99 ${percentile(cold, 99).toFixed(3)} ms; tree built in ${buildSeconds.toFixed(0)} s`,
    }));
  } finally {
    await store.close();
    await database.drop();
  }
}

/**
 * A receipt cosigned by 2 of 3 witnesses at a tree of 2^20 leaves (a 20-hash proof), its 2-of-3 policy and its
 * record: what a consumer's browser checks (bench/receipt-browser.bench.ts measures it in Chromium).
 */
export function benchReceipt(): { receipt: string; policyText: string; record: JsonValue } {
  const log = ephemeralLedgerIdentity("trace.bench.example/log");
  const ws = [1, 2, 3].map((i) => {
    const c = cosignerFromSeed(`w${i}.example`, new Uint8Array(32).fill(i));
    if (!c.ok) throw new Error(c.error.detail);
    return c.value;
  });
  const policyText = `log ${log.signer.verifierKey}\n${ws.map((w, i) => `witness w${i} ${w.verifierKey}\n`).join("")}group g 2 w0 w1 w2\nquorum g\n`;
  const policy = parsePolicy(policyText);
  if (!policy.ok) throw new Error(policy.error.detail);
  const record = { id: "lot", quantityMilli: 1_000, origin: "福建" };
  const salt = new Uint8Array(32).fill(5);
  const commitment = recordCommitment({ tag: RECORD_COMMITMENT_TAG, kind: "lot", salt, record });
  if (!commitment.ok) throw new Error(commitment.error.detail);
  // A proof of depth 20 (size 2^20) of random sibling hashes, and the root it leads to.
  const size = 1 << 20;
  const index = 123_457;
  const proof = Array.from({ length: 20 }, (_, i) => sha256(Uint8Array.of(i)));
  let root = leafHash(commitment.value);
  for (let level = 0; level < 20; level++) {
    const right = Math.floor(index / 2 ** level) % 2 === 1;
    const buf = new Uint8Array(65);
    buf[0] = 1;
    buf.set(right ? (proof[level] as Hash) : root, 1);
    buf.set(right ? root : (proof[level] as Hash), 33);
    root = sha256(buf);
  }
  const text = formatCheckpoint({ origin: log.origin, size, rootHash: root, extensions: [] });
  if (!text.ok) throw new Error(text.error.detail);
  const note = signNote(text.value, [log.signer, ...ws.slice(0, 2).map((w) => w.at(1_790_000_000))]);
  if (!note.ok) throw new Error(note.error.detail);
  const receipt = formatReceipt(
    { kind: "lot", ref: "lot", salt, commitment: commitment.value },
    {
      index,
      proof,
      checkpoint: note.value,
    },
  );
  if (!receipt.ok) throw new Error(receipt.error.detail);
  if (!verifyReceipt(receipt.value, policy.value, record).ok) throw new Error("bench receipt does not verify");
  return { receipt: receipt.value, policyText, record };
}

/** The bench receipt verified by the core and by the browser module on Node's WebCrypto. */
export async function receiptVerification(samples: number): Promise<BenchResult[]> {
  const { receipt: text, policyText, record } = benchReceipt();
  const policy = parsePolicy(policyText);
  if (!policy.ok) throw new Error(policy.error.detail);
  const receipt = { value: text };
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    verifyReceipt(receipt.value, policy.value, record);
    ms.push(performance.now() - t);
  }
  const wc: number[] = [];
  if (!globalThis.crypto) Object.assign(globalThis, { crypto: webcrypto });
  for (let i = 0; i < Math.min(samples, 500); i++) {
    const t = performance.now();
    const r = await browserVerify(receipt.value, policyText, record);
    if (!r.ok) throw new Error(`browser verifier: ${r.error}`);
    wc.push(performance.now() - t);
  }
  return [
    {
      name: "verify a receipt in Node (core: 3 Ed25519 signatures, 20-hash proof, record), p99",
      unit: "ms",
      value: percentile(ms, 99),
      target: "<= 2 ms",
      met: percentile(ms, 99) <= 2,
      notes: `p50 ${percentile(ms, 50).toFixed(3)} ms`,
    },
    {
      name: "the same with the browser module on WebCrypto (Node's crypto.subtle), p99",
      unit: "ms",
      value: percentile(wc, 99),
      target: "<= 50 ms in the browser",
      notes: `p50 ${percentile(wc, 50).toFixed(3)} ms; in Chromium: npm run bench -- receipt-browser`,
    },
  ];
}

/**
 * The supply-chain capture (code, ship, receive) with the ledger on — commitments in each use case's transaction
 * and the integrator loop running in the same process, as in `serve` — against the same capture with the ledger
 * off, in one run; and, from the ledger-on run, the time from a record's commit to its signed checkpoint.
 */
export async function ledgerCost(engine: EngineName, requests: number, perRequest: number): Promise<BenchResult[]> {
  const capture = async (ledger: boolean) => {
    const database = await createTestDatabase(engine);
    const store: Store = await openStore(database.url, { backgroundCheckpoint: true, ledger });
    try {
      await store.migrate();
      const platform = testPlatform(store);
      const network = await setUp(platform);
      await integrateAll(platform);
      const integrator = ledger ? startLedgerIntegrator(platform) : undefined;
      const startedAt = Date.now();
      const start = performance.now();
      const cpuBefore = process.cpuUsage();
      const movements = await codeShipReceive(requests, perRequest, network, (partyId) =>
        contextFor(platform, { kind: "enterprise", keyId: "bench", label: "bench", partyId }, cliOrigin),
      );
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      await integrator?.stop();
      let latencies: number[] = [];
      if (ledger) {
        const rows = await store.db
          .selectFrom("ledgerEntries")
          .select(["createdAt", "integratedAt"])
          .where("createdAt", ">=", startedAt)
          .execute();
        latencies = rows.map((r) => Number(r.integratedAt) - Number(r.createdAt));
      }
      // This process's CPU per movement (all its threads): steadier than the rate on a shared machine, and for
      // SQLite it is all of the work (PostgreSQL's own is not in it).
      return { rate: movements / seconds, cpuMicros: (cpu.user + cpu.system) / movements, latencies };
    } finally {
      await store.close();
      await database.drop();
    }
  };
  // Off, on, off, on: the machine's load drifts, so each mode gets its share of both halves.
  const off1 = await capture(false);
  const on1 = await capture(true);
  const off2 = await capture(false);
  const on2 = await capture(true);
  const off = (off1.rate + off2.rate) / 2;
  const on = (on1.rate + on2.rate) / 2;
  const lat = [...on1.latencies, ...on2.latencies];
  const cpuOff = (off1.cpuMicros + off2.cpuMicros) / 2;
  const cpuOn = (on1.cpuMicros + on2.cpuMicros) / 2;
  return [
    {
      name: `${engine}: capture with the ledger on (${requests} requests of ${perRequest} lots, integrator running)`,
      unit: "movements/s",
      value: on,
      baselineName: "ledger off, same run",
      baselineValue: off,
      target: "cost <= 10% (>= 0.9x off)",
      met: on >= 0.9 * off,
      notes: `runs off ${off1.rate.toFixed(0)}/${off2.rate.toFixed(0)}, on ${on1.rate.toFixed(0)}/${on2.rate.toFixed(0)}; this process's CPU per movement on/off ${(cpuOn / cpuOff).toFixed(2)}× (${cpuOff.toFixed(0)} → ${cpuOn.toFixed(0)} µs)`,
    },
    {
      name: `${engine}: record commit to signed checkpoint under that load (${lat.length} entries), p99`,
      unit: "ms",
      value: percentile(lat, 99),
      target: "<= 2,000 ms",
      met: percentile(lat, 99) <= 2_000,
      notes: `p50 ${percentile(lat, 50).toFixed(0)} ms; integrator every 500 ms`,
    },
  ];
}
