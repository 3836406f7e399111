/**
 * The cycles of a directed graph given by its edges: every strongly connected component with more than one node,
 * or one node with an edge to itself (Tarjan 1972, iterative so a long chain cannot overflow the stack). A cycle
 * is listed from its smallest key, following edges, so the answer is stable. Valid supply-chain data has cycles
 * only where goods went round between parties; a lot made from itself is bad data the trace reports.
 */
export function findCycles(edgesIn: readonly { readonly from: string; readonly to: string }[]): string[][] {
  const edges = outsideAcyclicPart(edgesIn);
  if (edges.length === 0) return [];
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of [...next.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; i: number };
      const succ = next.get(frame.node) as string[];
      if (frame.i < succ.length) {
        const w = succ[frame.i++] as string;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        const selfLoop = component.length === 1 && succ.includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(orderCycle(component, next));
      }
    }
  }
  return components.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
}

/**
 * The edges left after peeling, again and again, every node no remaining edge enters (Kahn 1962): a node on a
 * cycle is never peeled, and in a valid supply chain — no cycles — nothing is left, in linear time, so the sorting
 * and bookkeeping of Tarjan's walk are paid only by the few nodes of bad data.
 */
function outsideAcyclicPart(
  edges: readonly { readonly from: string; readonly to: string }[],
): readonly { readonly from: string; readonly to: string }[] {
  const entering = new Map<string, number>();
  const leaving = new Map<string, string[]>();
  const nodes = new Set<string>();
  for (const e of edges) {
    nodes.add(e.from).add(e.to);
    entering.set(e.to, (entering.get(e.to) ?? 0) + 1);
    const list = leaving.get(e.from);
    if (list) list.push(e.to);
    else leaving.set(e.from, [e.to]);
  }
  const peel = [...nodes].filter((n) => !entering.has(n));
  const peeled = new Set(peel);
  for (let i = 0; i < peel.length; i++) {
    for (const to of leaving.get(peel[i] as string) ?? []) {
      const left = (entering.get(to) as number) - 1;
      entering.set(to, left);
      if (left === 0) {
        peeled.add(to);
        peel.push(to);
      }
    }
  }
  return peeled.size === nodes.size ? [] : edges.filter((e) => !peeled.has(e.from));
}

/** Lists a component from its smallest node, then along edges inside it (a walk that visits each node once). */
function orderCycle(component: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const inside = new Set(component);
  const start = [...component].sort()[0] as string;
  const order = [start];
  const seen = new Set(order);
  let at = start;
  for (;;) {
    const step = (next.get(at) ?? []).filter((n) => inside.has(n) && !seen.has(n)).sort()[0];
    if (step === undefined) break;
    order.push(step);
    seen.add(step);
    at = step;
  }
  // A component whose nodes no single path visits keeps its remaining members, sorted, after the path.
  for (const n of [...component].sort()) if (!seen.has(n)) order.push(n);
  return order;
}
