/** The storage contract seen from core: async readers, restart from stored nodes, and misbehaving readers. */
import { describe, expect, it } from "vitest";
import { consistencyProof, consistencyProofAsync } from "./consistency-proof.ts";
import { toHex } from "./encoding.ts";
import { frontierFromHashes, frontierNodeIds, integrate } from "./frontier.ts";
import { inclusionProof, inclusionProofAsync } from "./inclusion-proof.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { EMPTY_ROOT, type Hash, leafHash } from "./merkle-hash.ts";
import { merkleRoot, planRoot } from "./merkle-root.ts";
import type { AsyncNodeReader, NodeReader } from "./node-reader.ts";
import { readPlan } from "./node-reader.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};
const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)));
const store = MemoryNodeStore.fromLeafHashes(leaves);

describe("NodeReader contract", () => {
  it("gives the same proofs through an asynchronous reader, in one batched read", async () => {
    let reads = 0;
    const remote: AsyncNodeReader = {
      async readNodes(ids) {
        reads++;
        return store.readNodes(ids);
      },
    };
    for (const [i, n] of [
      [0, 1000],
      [999, 1000],
      [377, 600],
    ] as const) {
      expect(must(await inclusionProofAsync(remote, i, n)).map(toHex)).toEqual(
        must(inclusionProof(store, i, n)).map(toHex),
      );
      expect(must(await consistencyProofAsync(remote, i + 1, n)).map(toHex)).toEqual(
        must(consistencyProof(store, i + 1, n)).map(toHex),
      );
    }
    // One read per proof; 1000 → 1000 is the empty proof and reads nothing.
    expect(reads).toBe(5);
  });

  it("computes any past root from stored nodes", () => {
    for (const n of [0, 1, 2, 3, 255, 256, 257, 999, 1000]) {
      const root = n === 0 ? EMPTY_ROOT : (must(readPlan(store, must(planRoot(n))))[0] as Hash);
      expect(toHex(root)).toBe(toHex(merkleRoot(leaves.slice(0, n))));
    }
  });

  it("restarts integration from the stored frontier", () => {
    const size = 777;
    const frontier = must(frontierFromHashes(size, store.readNodes(frontierNodeIds(size))));
    const resumed = integrate(frontier, leaves.slice(size));
    expect(toHex(resumed.root)).toBe(toHex(merkleRoot(leaves)));
    expect(frontierFromHashes(size, []).ok).toBe(false);
    expect(frontierFromHashes(size, [new Uint8Array(31), ...store.readNodes(frontierNodeIds(size)).slice(1)]).ok).toBe(
      false,
    );
  });

  it("reports a reader that returns the wrong number or size of hashes", () => {
    const short: NodeReader = { readNodes: (ids) => store.readNodes(ids).slice(1) };
    const truncated: NodeReader = { readNodes: (ids) => store.readNodes(ids).map((h) => h.subarray(1)) };
    expect(inclusionProof(short, 5, 1000)).toMatchObject({ ok: false, error: { code: "reader-mismatch" } });
    expect(inclusionProof(truncated, 5, 1000)).toMatchObject({ ok: false, error: { code: "reader-mismatch" } });
  });

  it("never asks for a node beyond the tree (the memory store would throw)", () => {
    const small = MemoryNodeStore.fromLeafHashes(leaves.slice(0, 13));
    for (let n = 1; n <= 13; n++) {
      for (let i = 0; i < n; i++) expect(inclusionProof(small, i, n).ok).toBe(true);
      for (let m = 1; m <= n; m++) expect(consistencyProof(small, m, n).ok).toBe(true);
    }
    expect(() => small.readNodes([{ level: 0, index: 13 }])).toThrow(RangeError);
  });
});
