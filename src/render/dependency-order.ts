import { refKey, type ObjectRef } from './model.js';

export interface DependencyNode {
  ref: ObjectRef;
  dependsOn: readonly ObjectRef[];
}

export type OrderResult =
  { ok: true; order: ObjectRef[] } | { ok: false; cycle: ObjectRef[]; message: string };

/**
 * Dependencies before dependents, as Flux's offline sort does (fluxcd/pkg runtime/dependency):
 * a depth-first walk over the nodes in input order. Dependencies that are not nodes are
 * ignored here (the caller reports them). A cycle is an error naming the chain.
 */
export function dependencyOrder(nodes: readonly DependencyNode[]): OrderResult {
  const byKey = new Map(nodes.map((n) => [refKey(n.ref), n]));
  const done = new Set<string>();
  const onPath: string[] = [];
  const order: ObjectRef[] = [];

  const visit = (node: DependencyNode): ObjectRef[] | undefined => {
    const key = refKey(node.ref);
    if (done.has(key)) return undefined;
    const at = onPath.indexOf(key);
    if (at >= 0) {
      return [...onPath.slice(at), key].map((k) => (byKey.get(k) as DependencyNode).ref);
    }
    onPath.push(key);
    for (const dep of node.dependsOn) {
      const target = byKey.get(refKey(dep));
      if (!target) continue;
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(key);
    order.push(node.ref);
    return undefined;
  };

  for (const node of nodes) {
    const cycle = visit(node);
    if (cycle) {
      return {
        ok: false,
        cycle,
        message: `circular dependency detected: ${cycle.map(refKey).join(' -> ')}`,
      };
    }
  }
  return { ok: true, order };
}
