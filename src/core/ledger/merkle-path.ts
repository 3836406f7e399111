/**
 * The audit path of a full subtree inside a tree of a given size: the siblings met while walking from the node up
 * to the root, lowest first (RFC 9162 §2.1.3.1 PATH, generalised to start at any level so that §2.1.4.1 SUBPROOF
 * can reuse it). A sibling that lies wholly beyond the tree size does not exist in the RFC tree (the node is
 * promoted unchanged), so it is skipped; a sibling cut by the tree size is the MTH of its partial range.
 */
import { type NodeId, pow2, rangeNodes } from "./node-id.ts";

export interface PlanBuilder {
  readonly nodes: NodeId[];
  readonly groups: number[];
}

export function newPlanBuilder(): PlanBuilder {
  return { nodes: [], groups: [] };
}

/** Appends one proof element: the MTH of leaves [begin, end). */
export function appendRange(plan: PlanBuilder, begin: number, end: number): void {
  const nodes = rangeNodes(begin, end);
  for (const n of nodes) plan.nodes.push(n);
  plan.groups.push(nodes.length);
}

/** Appends the audit path of node (level, index) in the tree of `size` leaves. */
export function appendPath(plan: PlanBuilder, level: number, index: number, size: number): void {
  let at = index;
  for (let l = level; pow2(l) < size; l++) {
    const sibling = at % 2 === 0 ? at + 1 : at - 1;
    const width = pow2(l);
    const begin = sibling * width;
    if (begin < size) appendRange(plan, begin, Math.min(begin + width, size));
    at = Math.floor(at / 2);
  }
}
