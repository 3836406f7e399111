/** Property tests (fast-check): generated proofs verify, and any flipped bit makes them fail. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consistencyProof, planConsistencyProof } from "./consistency-proof.ts";
import { toHex } from "./encoding.ts";
import { EMPTY_FRONTIER, integrate } from "./frontier.ts";
import { inclusionProof, planInclusionProof } from "./inclusion-proof.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { type Hash, leafHash } from "./merkle-hash.ts";
import { merkleRoot } from "./merkle-root.ts";
import { bitLength, pow2, trailingZeros } from "./node-id.ts";
import { verifyConsistency } from "./verify-consistency.ts";
import { verifyInclusion } from "./verify-inclusion.ts";

const leavesOf = (n: number, seed: number): Hash[] =>
  Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`${seed}:${i}`)));

function flip(hashes: readonly Hash[], which: number, bit: number): Hash[] {
  return hashes.map((h, i) => {
    if (i !== which) return h;
    const copy = Uint8Array.from(h);
    copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
    return copy;
  });
}

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error("unexpected failure");
  return r.value;
};

/** A tree size, an index inside it, a seed and a bit to flip. */
const inclusionCase = fc
  .integer({ min: 1, max: 600 })
  .chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(1000), fc.nat(255), fc.nat(100)));

const consistencyCase = fc
  .integer({ min: 1, max: 600 })
  .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n), fc.nat(1000), fc.nat(255), fc.nat(100)));

describe("Merkle properties", () => {
  it("every inclusion proof verifies, and a flipped bit anywhere fails", () => {
    fc.assert(
      fc.property(inclusionCase, ([n, i, seed, bit, pick]) => {
        const leaves = leavesOf(n, seed);
        const store = MemoryNodeStore.fromLeafHashes(leaves);
        const root = merkleRoot(leaves);
        const proof = must(inclusionProof(store, i, n));
        const leaf = leaves[i] as Hash;
        expect(verifyInclusion(i, n, leaf, proof, root).ok).toBe(true);
        if (proof.length > 0)
          expect(verifyInclusion(i, n, leaf, flip(proof, pick % proof.length, bit), root).ok).toBe(false);
        expect(verifyInclusion(i, n, flip([leaf], 0, bit)[0] as Hash, proof, root).ok).toBe(false);
        expect(verifyInclusion(i, n, leaf, proof, flip([root], 0, bit)[0] as Hash).ok).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(i, n, leaf, proof.slice(1), root).ok).toBe(false);
        expect(verifyInclusion(i, n, leaf, [...proof, root], root).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("every consistency proof verifies, and a flipped bit anywhere fails", () => {
    fc.assert(
      fc.property(consistencyCase, ([m, n, seed, bit, pick]) => {
        const leaves = leavesOf(n, seed);
        const store = MemoryNodeStore.fromLeafHashes(leaves);
        const root1 = merkleRoot(leaves.slice(0, m));
        const root2 = merkleRoot(leaves);
        const proof = must(consistencyProof(store, m, n));
        expect(verifyConsistency(m, n, root1, root2, proof).ok).toBe(true);
        if (proof.length > 0)
          expect(verifyConsistency(m, n, root1, root2, flip(proof, pick % proof.length, bit)).ok).toBe(false);
        expect(verifyConsistency(m, n, flip([root1], 0, bit)[0] as Hash, root2, proof).ok).toBe(false);
        expect(verifyConsistency(m, n, root1, flip([root2], 0, bit)[0] as Hash, proof).ok).toBe(false);
        if (m < n) expect(verifyConsistency(m, n, root1, root2, proof.slice(0, -1)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("integrating in any batches gives the same roots and nodes as one batch", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }), fc.nat(1000), (batches, seed) => {
        const total = batches.reduce((a, b) => a + b, 0);
        const leaves = leavesOf(total, seed);
        const whole = integrate(EMPTY_FRONTIER, leaves);
        let frontier = EMPTY_FRONTIER;
        const nodes: string[] = [];
        let at = 0;
        for (const size of batches) {
          const step = integrate(frontier, leaves.slice(at, at + size));
          at += size;
          frontier = step.frontier;
          expect(toHex(step.root)).toBe(toHex(merkleRoot(leaves.slice(0, at))));
          nodes.push(...step.nodes.map((x) => `${x.level}/${x.index}/${toHex(x.hash)}`));
        }
        expect(nodes).toEqual(whole.nodes.map((x) => `${x.level}/${x.index}/${toHex(x.hash)}`));
      }),
      { numRuns: 100 },
    );
  });

  it("plans only complete nodes and O(log n) reads, up to 2^53 − 1 leaves", () => {
    const size = fc.oneof(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(
        size,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, x, y) => {
          const i = Math.min(n - 1, Math.floor(x * n));
          const m = Math.max(1, Math.min(n, Math.floor(y * n)));
          for (const plan of [must(planInclusionProof(i, n)), must(planConsistencyProof(m, n))]) {
            for (const id of plan.nodes) expect((id.index + 1) * pow2(id.level)).toBeLessThanOrEqual(n);
            expect(plan.nodes.length).toBeLessThanOrEqual(2 * bitLength(n));
            expect(plan.groups.reduce((a, b) => a + b, 0)).toBe(plan.nodes.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("does bit arithmetic exactly beyond 32 bits", () => {
    expect(bitLength(2 ** 53 - 1)).toBe(53);
    expect(bitLength(2 ** 32)).toBe(33);
    expect(bitLength(2 ** 32 - 1)).toBe(32);
    expect(bitLength(0)).toBe(0);
    expect(trailingZeros(2 ** 40)).toBe(40);
    expect(trailingZeros(2 ** 40 + 2 ** 35)).toBe(35);
    expect(trailingZeros(6)).toBe(1);
  });
});
