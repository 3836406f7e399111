/** The Merkle Tree Hash of a list of leaves (RFC 9162 §2.1.1), from leaf hashes or from stored nodes. */
import { EMPTY_FRONTIER, frontierRoot, integrate } from "./frontier.ts";
import type { Hash } from "./merkle-hash.ts";
import { appendRange, newPlanBuilder } from "./merkle-path.ts";
import { EMPTY_PLAN, type ProofPlan } from "./node-reader.ts";
import { fail, ok, type Result } from "./result.ts";

/** MTH(D[0:n]) of already-hashed leaves, in O(n) hashes and O(log n) memory. */
export function merkleRoot(leafHashes: readonly Hash[]): Hash {
  return frontierRoot(integrate(EMPTY_FRONTIER, leafHashes).frontier);
}

/** The stored nodes whose fold is the root at `size` (one group; empty for the empty tree, whose root is EMPTY_ROOT). */
export function planRoot(size: number): Result<ProofPlan> {
  if (!Number.isSafeInteger(size) || size < 0) return fail("out-of-range", `tree size ${size} is not valid`);
  if (size === 0) return ok(EMPTY_PLAN);
  const plan = newPlanBuilder();
  appendRange(plan, 0, size);
  return ok(plan);
}
