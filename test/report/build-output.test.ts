/** Build output in chunks prints exactly what the whole-array forms print. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { buildJsonChunks, buildYamlChunks, formatBuildJson } from '../../src/report/build-output.js';
import { emitYaml } from '../../src/yaml/emit.js';

const sortDeep = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortDeep)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, sortDeep(x)]),
        )
      : v;

const cases: [string, JsonObject[]][] = [
  ['no objects', []],
  ['one object', [{ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a' } }]],
  [
    'nested values, empty collections and strings with newlines',
    [
      { b: { z: [1, { y: 'x\ny', a: [] }], a: {} }, a: 'line\nline' },
      { kind: 'Secret', data: { k: 'dg==' }, list: [[], [[]]], n: null, t: true },
    ],
  ],
];

describe('buildJsonChunks', () => {
  it.each(cases)('%s: the same text as one JSON.stringify of the array, keys sorted', (_, objects) => {
    const text = [...buildJsonChunks(objects)].join('');
    expect(text).toBe(`${JSON.stringify(sortDeep(objects), null, 2)}\n`);
    expect(formatBuildJson(objects)).toBe(text);
  });

  it('yields one chunk per object and one to close', () => {
    expect([...buildJsonChunks([{ a: 1 }, { b: 2 }])]).toHaveLength(3);
  });

  it('fails on a number JSON cannot hold, as Go does', () => {
    expect(() => [...buildJsonChunks([{ a: Infinity }])]).toThrow(/unsupported value/);
  });
});

describe('buildYamlChunks', () => {
  it('prints each object followed by ---, one chunk each', () => {
    const objects = cases[2]![1];
    expect([...buildYamlChunks(objects)]).toEqual(objects.map((o) => `${emitYaml(o)}---\n`));
  });

  it('reads its objects lazily, one at a time', () => {
    let read = 0;
    const objects = function* () {
      for (let i = 0; i < 3; i++) {
        read++;
        yield { i };
      }
    };
    const it = buildYamlChunks(objects());
    it.next();
    expect(read).toBe(1);
  });
});
