/**
 * The storage contract for proofs (STYLE rule 7, Tessera): proofs are computed from stored full-subtree hashes,
 * never by rescanning leaves. Core code plans which nodes it needs (O(log n) of them), the store reads them in one
 * batch, and core folds them into proof hashes. The same plan works for a synchronous engine (SQLite) and an
 * asynchronous one (PostgreSQL, HTTP tiles).
 */
import { type Hash, isHash, nodeHash } from "./merkle-hash.ts";
import type { NodeId } from "./node-id.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * Reads hashes of full subtrees. MUST return exactly one 32-byte hash per requested id, in request order;
 * ids may repeat. It is only ever asked for nodes that are complete at the tree size being proved.
 */
export interface NodeReader {
  readNodes(ids: readonly NodeId[]): readonly Hash[];
}

export interface AsyncNodeReader {
  readNodes(ids: readonly NodeId[]): Promise<readonly Hash[]>;
}

/**
 * Which nodes to read and how to combine them. Output hash i is the fold of the next `groups[i]` node hashes:
 * a lone full subtree, or — for the ragged right edge of the tree — the subtrees covering a partial range,
 * combined right to left as RFC 9162 §2.1.1 MTH does (the "ephemeral" node of transparency-dev/merkle).
 */
export interface ProofPlan {
  readonly nodes: readonly NodeId[];
  readonly groups: readonly number[];
}

export const EMPTY_PLAN: ProofPlan = Object.freeze({ nodes: [], groups: [] });

/** Folds the hashes read for `plan` into the proof hashes. */
export function foldPlan(plan: ProofPlan, hashes: readonly Hash[]): Result<Hash[]> {
  if (hashes.length !== plan.nodes.length) {
    return fail("reader-mismatch", `asked for ${plan.nodes.length} nodes, got ${hashes.length}`);
  }
  for (const h of hashes)
    if (!isHash(h)) return fail("reader-mismatch", "the reader returned a hash that is not 32 bytes");
  const out: Hash[] = [];
  let next = 0;
  for (const count of plan.groups) {
    const last = next + count - 1;
    let acc = hashes[last] as Hash;
    for (let i = last - 1; i >= next; i--) acc = nodeHash(hashes[i] as Hash, acc);
    out.push(acc);
    next += count;
  }
  return ok(out);
}

export function readPlan(reader: NodeReader, plan: ProofPlan): Result<Hash[]> {
  return foldPlan(plan, plan.nodes.length === 0 ? [] : reader.readNodes(plan.nodes));
}

export async function readPlanAsync(reader: AsyncNodeReader, plan: ProofPlan): Promise<Result<Hash[]>> {
  return foldPlan(plan, plan.nodes.length === 0 ? [] : await reader.readNodes(plan.nodes));
}
