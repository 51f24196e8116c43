import { describe, expect, it } from 'vitest';
import { coalesceChartValues } from '../../../src/helm/values/coalesce.js';
import { enabledCharts } from '../../../src/helm/values/dependencies.js';
import type { Chart } from '../../../src/helm/chart/types.js';
import type { ChartDependency } from '../../../src/gotemplate/helm/chart.js';
import type { JsonObject } from '../../../src/core/json.js';

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

describe('coalesceChartValues', () => {
  it('merges maps, replaces lists and scalars, deletes on null, leaves the defaults alone', () => {
    const c = chart('top', { a: { b: 1, c: 2 }, list: [1, 2], s: 'x', gone: { deep: 1 } });
    const out = coalesceChartValues(c, { a: { c: 3, d: 4 }, list: [9], gone: null, extra: null });
    expect(out).toEqual({ a: { b: 1, c: 3, d: 4 }, list: [9], s: 'x', extra: null });
    expect(c.values).toEqual({ a: { b: 1, c: 2 }, list: [1, 2], s: 'x', gone: { deep: 1 } });
  });

  it('scopes subchart values by name and passes globals down, the parent winning', () => {
    const sub = chart('sub', { port: 80, global: { g: 'sub', only: 'sub' } });
    const top = chart('top', { global: { g: 'top' }, sub: { port: 81 } }, [sub]);
    const out = coalesceChartValues(top, { sub: { extra: true } });
    expect(out).toEqual({
      global: { g: 'top' },
      sub: { port: 81, extra: true, global: { g: 'top', only: 'sub' } },
    });
  });

  it('a user null deletes a subchart default', () => {
    const sub = chart('sub', { a: 1, b: 2 });
    const out = coalesceChartValues(chart('top', {}, [sub]), { sub: { a: null } });
    expect(out.sub).toEqual({ b: 2, global: {} });
  });
});

describe('enabledCharts', () => {
  const deps: ChartDependency[] = [
    { name: 'a', condition: 'a.enabled' },
    { name: 'b', tags: ['extra'] },
    { name: 'c', alias: 'see', version: '1.x', condition: 'missing.path,see.on' },
  ];
  const top = (): Chart =>
    chart('top', { a: { enabled: false } }, [chart('a', {}), chart('b', {}), chart('c', { on: true })], deps);
  const names = (c: Chart): string[] => c.dependencies.map((d) => d.metadata.name);

  it('applies conditions, tags and aliases', () => {
    expect(names(enabledCharts(top(), {}))).toEqual(['a', 'b', 'see'].filter((n) => n !== 'a'));
    expect(names(enabledCharts(top(), { a: { enabled: true }, tags: { extra: false } }))).toEqual([
      'a',
      'see',
    ]);
    expect(names(enabledCharts(top(), { see: { on: false } }))).toEqual(['b']);
  });

  it('requires every listed dependency under charts/', () => {
    expect(() => enabledCharts(chart('top', {}, [], [{ name: 'vector' }]), {})).toThrow(
      'found in Chart.yaml, but missing in charts/ directory: vector',
    );
  });
});
