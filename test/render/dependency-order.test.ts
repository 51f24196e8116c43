import { describe, expect, it } from 'vitest';
import { dependencyOrder, type DependencyNode } from '../../src/render/dependency-order.js';

const n = (name: string, ...deps: string[]): DependencyNode => ({
  ref: { namespace: 'flux-system', name },
  dependsOn: deps.map((d) => ({ namespace: 'flux-system', name: d })),
});

describe('dependencyOrder', () => {
  it.each<[string, DependencyNode[], string[]]>([
    ['no dependencies keeps input order', [n('a'), n('b'), n('c')], ['a', 'b', 'c']],
    ['dependencies first', [n('apps', 'infra'), n('infra', 'repos'), n('repos')], ['repos', 'infra', 'apps']],
    ['diamond', [n('d', 'b', 'c'), n('b', 'a'), n('c', 'a'), n('a')], ['a', 'b', 'c', 'd']],
    ['unknown dependencies are ignored here', [n('a', 'missing'), n('b')], ['a', 'b']],
  ])('%s', (_name, nodes, expected) => {
    const r = dependencyOrder(nodes);
    expect(r.ok && r.order.map((x) => x.name)).toEqual(expected);
  });

  it('names the chain of a cycle (case 44)', () => {
    const r = dependencyOrder([n('A', 'B'), n('B', 'A')]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(
      'circular dependency detected: flux-system/A -> flux-system/B -> flux-system/A',
    );
  });

  it('finds a longer cycle behind an acyclic prefix', () => {
    const r = dependencyOrder([n('x', 'a'), n('a', 'b'), n('b', 'c'), n('c', 'a')]);
    expect(!r.ok && r.message).toBe(
      'circular dependency detected: flux-system/a -> flux-system/b -> flux-system/c -> flux-system/a',
    );
  });
});
