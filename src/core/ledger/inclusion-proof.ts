/** Inclusion proof generation from stored nodes (RFC 9162 §2.1.3.1). */
import type { Hash } from "./merkle-hash.ts";
import { appendPath, newPlanBuilder } from "./merkle-path.ts";
import { type AsyncNodeReader, type NodeReader, type ProofPlan, readPlan, readPlanAsync } from "./node-reader.ts";
import { fail, ok, type Result } from "./result.ts";

/** The nodes needed to prove leaf `index` in the tree of `size` leaves: at most 2·log2(size) reads. */
export function planInclusionProof(index: number, size: number): Result<ProofPlan> {
  if (!Number.isSafeInteger(size) || size < 0) return fail("out-of-range", `tree size ${size} is not a valid size`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    return fail("out-of-range", `leaf index ${index} is not in a tree of size ${size}`);
  }
  const plan = newPlanBuilder();
  appendPath(plan, 0, index, size);
  return ok(plan);
}

export function inclusionProof(reader: NodeReader, index: number, size: number): Result<Hash[]> {
  const plan = planInclusionProof(index, size);
  return plan.ok ? readPlan(reader, plan.value) : plan;
}

export async function inclusionProofAsync(
  reader: AsyncNodeReader,
  index: number,
  size: number,
): Promise<Result<Hash[]>> {
  const plan = planInclusionProof(index, size);
  return plan.ok ? readPlanAsync(reader, plan.value) : plan;
}
