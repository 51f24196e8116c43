import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import type { ChartDependency } from '../../../src/gotemplate/helm/chart.js';
import { typeOf, type GoMap, type GoValue } from '../../../src/gotemplate/value.js';
import type { Chart } from '../../../src/helm/chart/types.js';
import { coalesceChartValues } from '../../../src/helm/values/coalesce.js';
import { importValues } from '../../../src/helm/values/import-values.js';

function chart(
  name: string,
  values: JsonObject,
  dependencies: Chart[] = [],
  deps?: ChartDependency[],
): Chart {
  return {
    metadata: { name, version: '1.0.0', apiVersion: 'v2', dependencies: deps },
    values,
    templates: [],
    files: [],
    dependencies,
    source: name,
  };
}

const dep = (name: string, importValues: GoValue[]): ChartDependency => ({ name, importValues });

// The values the parent's templates see with no user values, subchart sections left out.
function parentView(c: Chart): GoMap {
  const out = coalesceChartValues(importValues(c), {});
  for (const d of c.dependencies) delete out[d.metadata.name];
  return out;
}

describe('importValues', () => {
  const child = (values: JsonObject): Chart => chart('child', values);
  const cases: [string, Chart, GoMap][] = [
    [
      'a string imports exports.<name> at the top level; the parent wins',
      chart(
        'p',
        { a: 'parent' },
        [child({ exports: { data: { a: 'child', b: 'child' } } })],
        [dep('child', ['data'])],
      ),
      { a: 'parent', b: 'child' },
    ],
    [
      'child/parent imports a table under a dotted path, merged with the parent`s',
      chart(
        'p',
        { x: { y: { own: 1 } } },
        [child({ t: { u: { v: 1 } } })],
        [dep('child', [{ child: 't.u', parent: 'x.y' }])],
      ),
      { x: { y: { own: 1, v: 1 } } },
    ],
    [
      'parent `.` is the top level',
      chart('p', {}, [child({ t: { v: 1 } })], [dep('child', [{ child: 't', parent: '.' }])]),
      { v: 1 },
    ],
    [
      'a path that is no table imports nothing',
      chart(
        'p',
        {},
        [child({ scalar: 1, exports: { list: [1] } })],
        [dep('child', ['list', 'missing', { child: 'scalar', parent: 's' }, { child: 'nope', parent: 'n' }])],
      ),
      {},
    ],
    [
      'an earlier import wins over a later one',
      chart(
        'p',
        {},
        [child({ one: { k: 1 }, two: { k: 2, l: 2 } })],
        [
          dep('child', [
            { child: 'one', parent: '.' },
            { child: 'two', parent: '.' },
          ]),
        ],
      ),
      { k: 1, l: 2 },
    ],
    [
      'the parent`s own nulls stay, imported nulls too',
      chart('p', { k: null }, [child({ exports: { d: { k: 1, n: null } } })], [dep('child', ['d'])]),
      { k: null, n: null },
    ],
    [
      'a missing parent key reads <nil>, as Go prints it',
      chart('p', {}, [child({ t: { v: 1 } })], [dep('child', [{ child: 't' }])]),
      { '<nil>': { v: 1 } },
    ],
  ];
  it.each(cases)('%s', (_, c, want) => {
    expect(parentView(c)).toEqual(want);
  });

  it('uses the alias a dependency is enabled under', () => {
    const aliased = chart('aka', { exports: { d: { v: 'aliased' } } });
    const c = chart('p', {}, [aliased], [{ name: 'aka', importValues: ['d'] }]);
    expect(parentView(c)).toEqual({ v: 'aliased' });
  });

  it('imports bottom up: a grandchild`s export reaches the parent through the child', () => {
    const grand = chart('grand', { g: { deep: 1 } });
    const mid = chart('mid', {}, [grand], [dep('grand', [{ child: 'g', parent: 'exports.up' }])]);
    const top = chart('top', {}, [mid], [dep('mid', ['up'])]);
    expect(parentView(top)).toEqual({ deep: 1 });
    const processed = importValues(top);
    expect(processed.dependencies[0]!.values).toMatchObject({ exports: { up: { deep: 1 } } });
  });

  it('gives a chart with dependencies its subcharts` defaults, and leaves the input alone', () => {
    const c = chart('p', { own: 1 }, [child({ port: 80 })], [dep('child', [])]);
    const out = importValues(c);
    expect(out.values).toEqual({ own: 1, child: { port: 80, global: {} } });
    expect(c.values).toEqual({ own: 1 });
  });

  it('leaves a chart without dependencies as it is', () => {
    const c = chart('p', { own: 1 }, [child({})]);
    expect(importValues(c).values).toBe(c.values);
  });

  it('rewrites each import list to child/parent maps of strings', () => {
    const c = chart('p', {}, [child({})], [dep('child', ['d', { child: 'a', parent: 1 }, 7])]);
    const list = importValues(c).metadata.dependencies![0]!.importValues!;
    expect(list).toEqual([
      { child: 'exports.d', parent: '.' },
      { child: 'a', parent: '1' },
    ]);
    expect(typeOf(list[0])).toBe('map[string]string');
  });
});
