import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../../src/core/diagnostic.js';
import type { Chart } from '../../../../src/helm/chart/types.js';
import { SCHEMA_HEADER, validateChartValues } from '../../../../src/helm/values/schema/index.js';

const encoder = new TextEncoder();

function chart(name: string, schema?: string, dependencies: Chart[] = []): Chart {
  return {
    metadata: { apiVersion: 'v2', name, version: '0.1.0' } as Chart['metadata'],
    values: {},
    schema: schema === undefined ? undefined : encoder.encode(schema),
    templates: [],
    files: [],
    dependencies,
    source: `charts/${name}`,
  };
}

function failure(c: Chart, values: Record<string, unknown>): DiagnosticError | undefined {
  try {
    validateChartValues(c, values);
    return undefined;
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
}

describe('validateChartValues', () => {
  it('passes values that satisfy every schema, and charts without one', () => {
    expect(failure(chart('p', '{"type":"object"}', [chart('s')]), { s: {} })).toBeUndefined();
  });

  it('lists every failing chart under its name, parent first, in helm words', () => {
    const c = chart('p', '{"properties":{"x":{"type":"string"}}}', [
      chart('s1', '{"required":["need"]}'),
      chart('s2', '{"required":["need"]}'),
    ]);
    const e = failure(c, { x: 1, s1: {}, s2: { need: 1 } });
    expect(e?.message).toBe(
      `${SCHEMA_HEADER}p:\n- at '/x': got number, want string\ns1:\n- at '': missing property 'need'\n`,
    );
    expect(e?.diagnostic).toMatchObject({ rule: 'helm-values-schema', file: 'charts/p/values.schema.json' });
  });

  it('skips a subchart whose values are null and reports one whose values are not a map', () => {
    const c = chart('p', undefined, [chart('a', 'false'), chart('b', 'false')]);
    expect(failure(c, { a: null, b: 3 })?.message).toBe(
      `${SCHEMA_HEADER}b:\ninvalid type for values: expected object (map), got float64\n`,
    );
  });

  it('prints a schema that does not parse as helm does, without a final newline', () => {
    expect(failure(chart('p', '{'), {})?.message).toBe(`${SCHEMA_HEADER}p:\nunexpected EOF`);
  });

  it('reports a remote $ref by name and never fetches it', () => {
    const e = failure(chart('p', '{"$ref":"https://example.com/s.json"}'), {});
    expect(e?.message).toContain('"https://example.com/s.json"');
    expect(e?.message).toContain('never fetches');
  });
});
