import { refKey, type ObjectRef } from '../../render/model.js';

export interface GraphNode {
  ref: ObjectRef;
  dependsOn: readonly ObjectRef[];
}

/**
 * Every dependency cycle, once each: the strongly connected components with more than one
 * node (or a self edge), each as a chain `a -> b -> a` starting at its first node in input
 * order. Edges to unknown nodes are ignored (dependson-missing reports them).
 */
export function findCycles(nodes: readonly GraphNode[]): ObjectRef[][] {
  const byKey = new Map(nodes.map((n) => [refKey(n.ref), n]));
  const order = new Map(nodes.map((n, i) => [refKey(n.ref), i]));
  const deps = (key: string): string[] =>
    (byKey.get(key)?.dependsOn ?? []).map(refKey).filter((k) => byKey.has(k));
  // Tarjan's algorithm (recursive: dependency graphs are small).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of deps(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || deps(v).includes(v)) components.push(comp);
    }
  };
  for (const n of nodes) if (!index.has(refKey(n.ref))) visit(refKey(n.ref));

  return components
    .map((comp) => {
      const members = new Set(comp);
      const start = [...comp].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] as string;
      // Walk inside the component from the start until it closes: a concrete chain to show.
      const chain = [start];
      const seen = new Set([start]);
      let at = start;
      for (;;) {
        const inside = deps(at).filter((d) => members.has(d));
        const step = inside.includes(start) ? start : (inside.find((d) => !seen.has(d)) ?? inside[0]);
        if (step === undefined) break;
        chain.push(step);
        if (seen.has(step)) break;
        seen.add(step);
        at = step;
      }
      return chain.map((k) => (byKey.get(k) as GraphNode).ref);
    })
    .sort(
      (a, b) => (order.get(refKey(a[0] as ObjectRef)) ?? 0) - (order.get(refKey(b[0] as ObjectRef)) ?? 0),
    );
}
