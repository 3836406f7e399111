/**
 * Memo of the AI lists that met the association rules of GenSpecs §4.13 without depending on any value: they
 * passed the exclusion (ex=) and requisite (req=) rules, which depend only on which AIs appear in which order
 * (the order decides which error is reported first), and hold no repeated AI and no 8030 (whose rules read the
 * values). A platform sees the same few lists again and again ("01,10", "01,10,17", "414,254"): after the first
 * time, the answer is a walk down a trie keyed by the AIs' slots, with nothing allocated.
 * Only such clean lists are remembered; any other list is checked in full, and its error built as before.
 */
import { aiSlotAt } from "./ai-dictionary.ts";
import type { AiElement } from "./ai-element.ts";

interface Node {
  passed: boolean;
  readonly next: Map<number, Node>;
}

/** Bounds the memory an adversary can make the memo hold (each node is one AI of one remembered list). */
const MAX_NODES = 20_000;

const root: Node = { passed: false, next: new Map() };
let nodes = 1;

/** Slot of the AI, or -1 for an AI the dictionary does not know (such lists are never remembered). */
function position(ai: string): number {
  return aiSlotAt(ai, 0, ai.length);
}

export function knownToPass(elements: readonly AiElement[]): boolean {
  let node: Node | undefined = root;
  for (let i = 0; i < elements.length && node !== undefined; i++) {
    const p = position((elements[i] as AiElement).ai);
    node = p < 0 ? undefined : node.next.get(p);
  }
  return node?.passed === true;
}

export function rememberPassing(elements: readonly AiElement[]): void {
  if (nodes + elements.length > MAX_NODES) return;
  let node = root;
  for (const e of elements) {
    const p = position(e.ai);
    if (p < 0) return;
    let child = node.next.get(p);
    if (child === undefined) {
      child = { passed: false, next: new Map() };
      node.next.set(p, child);
      nodes++;
    }
    node = child;
  }
  node.passed = true;
}
