import { randomFillSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../test/engines.ts";
import {
  appendToTiles,
  consistencyProof,
  consistencyProofAsync,
  EMPTY_TILE_TREE,
  type Hash,
  inclusionProof,
  inclusionProofAsync,
  type TileTree,
} from "../core/ledger/index.ts";
import { MemoryNodeStore } from "../core/ledger/memory-node-store.ts";
import { readNodes, writeTiles } from "./ledger-tile-store.ts";
import type { Store } from "./store.ts";

describe.each(engines)("stored tree tiles on %s", (engine) => {
  let store: Store;
  afterEach(async () => store?.close());

  it("answers every proof as the reference tree does, from full tiles (read as slices) and partial ones", async () => {
    store = await openTestStore(engine);
    // 2,000 leaves: seven full level-0 tiles (whose nodes are read as slices) and a partial eighth, in three
    // integrator batches so that tiles grow across writes.
    const bytes = randomFillSync(new Uint8Array(32 * 2_000));
    const leaves: Hash[] = [];
    for (let i = 0; i < bytes.length; i += 32) leaves.push(bytes.subarray(i, i + 32));
    let tree: TileTree = EMPTY_TILE_TREE;
    for (const [from, to] of [
      [0, 300],
      [300, 1_100],
      [1_100, 2_000],
    ] as const) {
      const done = appendToTiles(tree, leaves.slice(from, to));
      tree = done.tree;
      await store.transaction((tx) => writeTiles(tx, done.written));
    }
    const reference = MemoryNodeStore.fromLeafHashes(leaves);
    const stored = { readNodes: (ids: Parameters<typeof readNodes>[1]) => readNodes(store.db, ids) };
    const audit = { readNodes: (ids: Parameters<typeof readNodes>[1]) => readNodes(store.db, ids, { cache: false }) };
    for (const index of [0, 1, 255, 256, 700, 1_023, 1_024, 1_791, 1_792, 1_999]) {
      const want = inclusionProof(reference, index, 2_000);
      expect(await inclusionProofAsync(stored, index, 2_000)).toEqual(want);
      expect(await inclusionProofAsync(audit, index, 2_000)).toEqual(want);
      expect(await inclusionProofAsync(stored, index, 1_100 + (index % 7))).toEqual(
        inclusionProof(
          MemoryNodeStore.fromLeafHashes(leaves.slice(0, 1_100 + (index % 7))),
          index,
          1_100 + (index % 7),
        ),
      );
    }
    for (const [m, n] of [
      [1, 2_000],
      [256, 2_000],
      [300, 1_100],
      [777, 1_999],
      [1_024, 2_000],
    ] as const) {
      const want = consistencyProof(MemoryNodeStore.fromLeafHashes(leaves.slice(0, n)), m, n);
      expect(await consistencyProofAsync(stored, m, n)).toEqual(want);
    }
  });
});
