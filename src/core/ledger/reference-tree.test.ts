/** The 8-leaf reference tree of transparency-dev/merkle (conformance/tlog/vectors.md §A), table-driven. */
import { describe, expect, it } from "vitest";
import { consistencyProof } from "./consistency-proof.ts";
import { toHex } from "./encoding.ts";
import { EMPTY_FRONTIER, frontierNodeIds, integrate } from "./frontier.ts";
import { inclusionProof } from "./inclusion-proof.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { leafHash } from "./merkle-hash.ts";
import { merkleRoot } from "./merkle-root.ts";
import { verifyConsistency } from "./verify-consistency.ts";
import { verifyInclusion } from "./verify-inclusion.ts";

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "hex"));
const INPUTS = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(
  hex,
);
const LEAVES = INPUTS.map(leafHash);

const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

const NODES: [number, number, string][] = [
  [1, 0, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
  [1, 1, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"],
  [1, 2, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"],
  [1, 3, "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"],
  [2, 0, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
  [2, 1, "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
  [3, 0, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
];

const store = MemoryNodeStore.fromLeafHashes(LEAVES);
const node = (level: number, index: number): string => toHex(store.readNodes([{ level, index }])[0] as Uint8Array);
const leaf = (i: number): string => toHex(LEAVES[i] as Uint8Array);
const N = Object.fromEntries(NODES.map(([l, i, h]) => [`${l},${i}`, h]));

describe("RFC 9162 reference tree (vectors.md §A)", () => {
  it("hashes the leaves (A.1)", () => {
    expect(leaf(0)).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(leaf(7)).toBe("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");
  });

  it.each(NODES)("stores node (%i, %i) (A.2)", (level, index, hash) => {
    expect(node(level, index)).toBe(hash);
  });

  it.each(ROOTS.map((root, size) => [size, root] as const))("root of size %i (A.3)", (size, root) => {
    expect(toHex(merkleRoot(LEAVES.slice(0, size)))).toBe(root);
    expect(toHex(new MemoryNodeStore().appendLeafHashes(LEAVES.slice(0, size)))).toBe(root);
  });

  it("integrates in batches to the same roots and nodes", () => {
    let frontier = EMPTY_FRONTIER;
    const seen = new Map<string, string>();
    for (const batch of [[0], [1, 2], [3, 4, 5], [6], [7]]) {
      const result = integrate(
        frontier,
        batch.map((i) => LEAVES[i] as Uint8Array),
      );
      frontier = result.frontier;
      expect(toHex(result.root)).toBe(ROOTS[frontier.size]);
      for (const n of result.nodes) seen.set(`${n.level},${n.index}`, toHex(n.hash));
    }
    for (const [key, hash] of Object.entries(N)) expect(seen.get(key)).toBe(hash);
    expect(seen.size).toBe(15);
  });

  it("describes the frontier per size as CompactTrees() does (A.3)", () => {
    expect(frontierNodeIds(3)).toEqual([
      { level: 1, index: 0 },
      { level: 0, index: 2 },
    ]);
    expect(frontierNodeIds(7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(frontierNodeIds(8)).toEqual([{ level: 3, index: 0 }]);
    expect(frontierNodeIds(0)).toEqual([]);
  });

  const inclusion: [number, number, string[]][] = [
    [0, 1, []],
    [0, 8, [leaf(1), N["1,1"], N["2,1"]]],
    [5, 8, [leaf(4), N["1,3"], N["2,0"]]],
    [2, 3, [N["1,0"]]],
    [1, 5, [leaf(0), N["1,1"], leaf(4)]],
    [4, 7, [leaf(5), leaf(6), N["2,0"]]],
    [7, 8, [leaf(6), N["1,2"], N["2,0"]]],
  ] as [number, number, string[]][];

  it.each(inclusion)("inclusion proof of leaf %i in size %i (A.4)", (index, size, expected) => {
    const proof = inclusionProof(store, index, size);
    expect(proof.ok && proof.value.map(toHex)).toEqual(expected);
    if (!proof.ok) return;
    expect(verifyInclusion(index, size, LEAVES[index] as Uint8Array, proof.value, hex(ROOTS[size] as string)).ok).toBe(
      true,
    );
  });

  const consistency: [number, number, string[]][] = [
    [1, 1, []],
    [1, 8, [leaf(1), N["1,1"], N["2,1"]]],
    [6, 8, [N["1,2"], N["1,3"], N["2,0"]]],
    [2, 5, [N["1,1"], leaf(4)]],
    [6, 7, [N["1,2"], leaf(6), N["2,0"]]],
    [3, 7, [leaf(2), leaf(3), N["1,0"], "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"]],
    [4, 8, [N["2,1"]]],
  ] as [number, number, string[]][];

  it.each(consistency)("consistency proof %i → %i (A.5)", (size1, size2, expected) => {
    const proof = consistencyProof(store, size1, size2);
    expect(proof.ok && proof.value.map(toHex)).toEqual(expected);
    if (!proof.ok) return;
    const check = verifyConsistency(
      size1,
      size2,
      hex(ROOTS[size1] as string),
      hex(ROOTS[size2] as string),
      proof.value,
    );
    expect(check.ok).toBe(true);
  });

  it("refuses to plan proofs outside the tree", () => {
    expect(inclusionProof(store, 8, 8)).toMatchObject({ ok: false, error: { code: "out-of-range" } });
    expect(inclusionProof(store, -1, 8).ok).toBe(false);
    expect(consistencyProof(store, 5, 4).ok).toBe(false);
    expect(consistencyProof(store, 0.5, 4).ok).toBe(false);
  });
});
