/**
 * Incremental integration of new leaves (the "compact range" of [0, size), as in transparency-dev/merkle
 * `compact` and Tessera's integrator). The frontier is the list of full-subtree roots that decompose the tree,
 * largest (leftmost) first — one per set bit of the size — which is all the state needed to append: every new
 * full subtree is born by merging the two rightmost frontier nodes of equal height.
 */
import { EMPTY_ROOT, type Hash, isHash, nodeHash } from "./merkle-hash.ts";
import { type NodeId, rangeNodes } from "./node-id.ts";
import { fail, ok, type Result } from "./result.ts";

export interface Frontier {
  readonly size: number;
  /** Roots of the full subtrees in rangeNodes(0, size), left to right. */
  readonly hashes: readonly Hash[];
}

/** A full subtree completed by an integration: the store persists it (it will never change). */
export interface StoredNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Hash;
}

export interface Integration {
  readonly frontier: Frontier;
  /** MTH of the first frontier.size leaves (RFC 9162 §2.1.1). */
  readonly root: Hash;
  /** Every node completed by this batch, leaves included, in the order they were completed. */
  readonly nodes: readonly StoredNode[];
}

export const EMPTY_FRONTIER: Frontier = Object.freeze({ size: 0, hashes: Object.freeze([]) as readonly Hash[] });

/** The nodes a store reads to rebuild the frontier after a restart. */
export function frontierNodeIds(size: number): NodeId[] {
  return rangeNodes(0, size);
}

/** Builds a frontier from stored hashes (of `frontierNodeIds(size)`), checking their number and length. */
export function frontierFromHashes(size: number, hashes: readonly Hash[]): Result<Frontier> {
  if (!Number.isSafeInteger(size) || size < 0) return fail("out-of-range", `tree size ${size} is not valid`);
  const expected = rangeNodes(0, size).length;
  if (hashes.length !== expected) return fail("reader-mismatch", `size ${size} needs ${expected} frontier hashes`);
  if (!hashes.every(isHash)) return fail("bad-hash-length", "a frontier hash is not 32 bytes");
  return ok({ size, hashes: [...hashes] });
}

/** The root of the tree the frontier describes: fold right to left (RFC 9162 §2.1.1, k = largest power of 2 < n). */
export function frontierRoot(frontier: Frontier): Hash {
  const { hashes } = frontier;
  if (hashes.length === 0) return EMPTY_ROOT;
  let acc = hashes[hashes.length - 1] as Hash;
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i] as Hash, acc);
  return acc;
}

/**
 * Appends leaf hashes (each 32 bytes, already LH(input)) to the tree; O(1) amortised hashes per leaf. Throws a
 * RangeError on a hash of another length: leaf hashes come from `leafHash`, never from outside, so that is a bug.
 */
export function integrate(frontier: Frontier, leafHashes: readonly Hash[]): Integration {
  const stack = [...frontier.hashes];
  const nodes: StoredNode[] = [];
  let size = frontier.size;
  for (const leaf of leafHashes) {
    if (!isHash(leaf)) throw new RangeError("integrate: leaf hashes must be 32 bytes");
    nodes.push({ level: 0, index: size, hash: leaf });
    stack.push(leaf);
    size += 1;
    // Each trailing zero bit of the new size is one pair of equal-height subtrees to merge.
    let rest = size;
    let level = 0;
    while (rest % 2 === 0) {
      const right = stack.pop() as Hash;
      const left = stack.pop() as Hash;
      const merged = nodeHash(left, right);
      stack.push(merged);
      rest /= 2;
      level += 1;
      nodes.push({ level, index: rest - 1, hash: merged });
    }
  }
  const next: Frontier = { size, hashes: stack };
  return { frontier: next, root: frontierRoot(next), nodes };
}
