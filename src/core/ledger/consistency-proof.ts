/** Consistency proof generation from stored nodes (RFC 9162 §2.1.4.1). */
import type { Hash } from "./merkle-hash.ts";
import { appendPath, newPlanBuilder } from "./merkle-path.ts";
import { pow2, trailingZeros } from "./node-id.ts";
import {
  type AsyncNodeReader,
  EMPTY_PLAN,
  type NodeReader,
  type ProofPlan,
  readPlan,
  readPlanAsync,
} from "./node-reader.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * The nodes needed to prove that the tree of `size1` leaves is a prefix of the tree of `size2` leaves.
 * SUBPROOF(m, D[n], true) unrolled: the largest full subtree ending at size1, then its audit path in the tree
 * of size2. The subtree itself is omitted when size1 is a power of two: it is then the old root, which the
 * verifier already has (RFC 9162 §2.1.4.1 "b = true" case; §2.1.4.2 step 2 prepends it back).
 * Equal sizes and size1 = 0 give an empty proof (§2.1.4.1: PROOF is empty when m = n).
 */
export function planConsistencyProof(size1: number, size2: number): Result<ProofPlan> {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size1 > size2) {
    return fail("out-of-range", `no consistency proof from size ${size1} to size ${size2}`);
  }
  if (size1 === 0 || size1 === size2) return ok(EMPTY_PLAN);
  const level = trailingZeros(size1);
  const index = (size1 - pow2(level)) / pow2(level);
  const plan = newPlanBuilder();
  if (index !== 0) {
    plan.nodes.push({ level, index });
    plan.groups.push(1);
  }
  appendPath(plan, level, index, size2);
  return ok(plan);
}

export function consistencyProof(reader: NodeReader, size1: number, size2: number): Result<Hash[]> {
  const plan = planConsistencyProof(size1, size2);
  return plan.ok ? readPlan(reader, plan.value) : plan;
}

export async function consistencyProofAsync(
  reader: AsyncNodeReader,
  size1: number,
  size2: number,
): Promise<Result<Hash[]>> {
  const plan = planConsistencyProof(size1, size2);
  return plan.ok ? readPlanAsync(reader, plan.value) : plan;
}
