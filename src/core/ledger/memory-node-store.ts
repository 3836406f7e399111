/**
 * An in-memory NodeReader for tests and benchmarks: each level is one growable byte array of packed 32-byte
 * hashes, so millions of nodes cost 32 bytes each rather than an object apiece.
 */
import type { StoredNode } from "./frontier.ts";
import { EMPTY_FRONTIER, type Frontier, integrate } from "./frontier.ts";
import { HASH_SIZE, type Hash } from "./merkle-hash.ts";
import type { NodeId } from "./node-id.ts";
import type { NodeReader } from "./node-reader.ts";

export class MemoryNodeStore implements NodeReader {
  private readonly levels: Uint8Array[] = [];
  private readonly counts: number[] = [];
  private current: Frontier = EMPTY_FRONTIER;

  /** Builds the store of a whole tree from its leaf hashes. */
  static fromLeafHashes(leafHashes: readonly Hash[]): MemoryNodeStore {
    const store = new MemoryNodeStore();
    store.appendLeafHashes(leafHashes);
    return store;
  }

  /** Number of leaves integrated through appendLeafHashes. */
  get size(): number {
    return this.current.size;
  }

  get frontier(): Frontier {
    return this.current;
  }

  /** Integrates leaf hashes and stores every completed node; returns the new root. */
  appendLeafHashes(leafHashes: readonly Hash[]): Hash {
    const result = integrate(this.current, leafHashes);
    this.put(result.nodes);
    this.current = result.frontier;
    return result.root;
  }

  /** Stores nodes as an integrator produced them (any order; gaps are allowed but must be filled before reads). */
  put(nodes: readonly StoredNode[]): void {
    for (const { level, index, hash } of nodes) {
      while (this.levels.length <= level) {
        this.levels.push(new Uint8Array(HASH_SIZE * 1024));
        this.counts.push(0);
      }
      let bytes = this.levels[level] as Uint8Array;
      const end = (index + 1) * HASH_SIZE;
      if (end > bytes.length) {
        const grown = new Uint8Array(Math.max(end, bytes.length * 2));
        grown.set(bytes);
        bytes = grown;
        this.levels[level] = grown;
      }
      bytes.set(hash, index * HASH_SIZE);
      if (index + 1 > (this.counts[level] as number)) this.counts[level] = index + 1;
    }
  }

  readNodes(ids: readonly NodeId[]): readonly Hash[] {
    return ids.map(({ level, index }) => {
      const bytes = this.levels[level];
      if (bytes === undefined || index >= (this.counts[level] as number)) {
        throw new RangeError(`node (${level}, ${index}) is not stored`);
      }
      return bytes.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE);
    });
  }
}
