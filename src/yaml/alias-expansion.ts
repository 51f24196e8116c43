/**
 * What a loaded document costs once its aliases are expanded, measured without expanding
 * them. js-yaml hands back an alias as a second reference to its anchor's value, so a
 * "billion laughs" document loads in microseconds and explodes in whatever walks it next;
 * go-yaml refuses it while decoding (excessive aliasing), and so must we.
 */
import { MAX_YAML_DEPTH } from './limits.js';

export type ExpansionProblem = 'alias-limit' | 'depth-limit';

interface Cost {
  /** Nodes once every alias is expanded. */
  size: number;
  /** Collections nested, expanded. */
  height: number;
}

// go-yaml's allowedAliasRatio: small documents may come 99% from aliases, huge ones 10%.
export function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

/** go-yaml's excessive-aliasing test. */
export function excessiveAliasing(aliasCount: number, decodeCount: number): boolean {
  return aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount);
}

function children(value: object): unknown[] {
  return Array.isArray(value) ? value : Object.values(value);
}

/**
 * The problem go-yaml (or our nesting bound) would find in `root`, a value js-yaml loaded
 * (plain objects and arrays, shared where the text used aliases); undefined when it is fine.
 * Iterative, as alias chains can nest deeper than the text does.
 */
export function expansionProblem(root: unknown): ExpansionProblem | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const costs = new Map<object, Cost>();
  const open = new Set<object>();
  let distinct = 0;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as object;
    if (costs.has(node)) {
      stack.pop();
      continue;
    }
    const kids = children(node);
    if (!open.has(node)) {
      open.add(node);
      for (const kid of kids) {
        if (kid === null || typeof kid !== 'object' || costs.has(kid)) continue;
        // A value that contains itself can only be an alias loop: no finite expansion.
        if (open.has(kid)) return 'alias-limit';
        stack.push(kid);
      }
      continue;
    }
    stack.pop();
    open.delete(node);
    let size = 1;
    let height = 0;
    distinct++;
    for (const kid of kids) {
      if (kid === null || typeof kid !== 'object') {
        size++;
        distinct++;
        continue;
      }
      const c = costs.get(kid) as Cost;
      size += c.size;
      height = Math.max(height, c.height);
    }
    if (height + 1 > MAX_YAML_DEPTH) return 'depth-limit';
    costs.set(node, { size, height: height + 1 });
  }
  const total = (costs.get(root) as Cost).size;
  return excessiveAliasing(total - distinct, total) ? 'alias-limit' : undefined;
}
