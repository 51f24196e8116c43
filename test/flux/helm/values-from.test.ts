import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import type { JsonObject } from '../../../src/core/json.js';
import { GoInt, type GoMap } from '../../../src/gotemplate/value.js';
import { chartValues, mergeMaps } from '../../../src/flux/helm/values-from.js';
import { setPathValue } from '../../../src/flux/helm/target-path.js';
import type { ValuesReference } from '../../../src/flux/models/helm-release.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const OBJECTS: Record<string, JsonObject> = {
  'ConfigMap/base': { kind: 'ConfigMap', data: { 'values.yaml': 'a: 1\nb: {c: 2, d: 3}\nlist: [1, 2]\n' } },
  'ConfigMap/over': { kind: 'ConfigMap', data: { 'values.yaml': 'b: {c: 20}\nlist: [9]\n', other: 'x: z' } },
  'ConfigMap/empty': { kind: 'ConfigMap', data: { 'values.yaml': '' } },
  'ConfigMap/list': { kind: 'ConfigMap', data: { 'values.yaml': '- 1\n' } },
  'Secret/pw': { kind: 'Secret', data: { password: b64('s3cret') } },
  'Secret/typed': {
    kind: 'Secret',
    stringData: { n: '42', t: 'true', q: '"42"', c: 'a,b' },
    data: { n: b64('7') },
  },
  'Secret/values': { kind: 'Secret', data: { 'values.yaml': b64('b: {d: 30}') } },
};

function ref(
  kind: ValuesReference['kind'],
  name: string,
  extra: Partial<ValuesReference> = {},
): ValuesReference {
  return { kind, name, valuesKey: 'values.yaml', optional: false, ...extra };
}

function run(valuesFrom: ValuesReference[], values?: JsonObject): GoMap {
  return chartValues({
    namespace: 'ns',
    ...(values ? { values } : {}),
    valuesFrom,
    lookup: (kind, name) => OBJECTS[`${kind}/${name}`],
    where: { file: 'hr.yaml', line: 3 },
  });
}

function error(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('chartValues (helm-controller valuesFrom)', () => {
  it.each<[string, ValuesReference[], JsonObject | undefined, GoMap]>([
    ['inline values alone', [], { a: 1 }, { a: 1 }],
    ['no values at all', [], undefined, {}],
    [
      'references merge in order, maps deep, lists replaced, inline last',
      [ref('ConfigMap', 'base'), ref('ConfigMap', 'over'), ref('Secret', 'values')],
      { a: 5 },
      { a: 5, b: { c: 20, d: 30 }, list: [9] },
    ],
    ['an empty values key is no values', [ref('ConfigMap', 'empty')], { a: 1 }, { a: 1 }],
    [
      'valuesKey picks another key',
      [ref('ConfigMap', 'over', { valuesKey: 'other' })],
      undefined,
      { x: 'z' },
    ],
    [
      'an optional missing object or key is skipped',
      [
        ref('ConfigMap', 'absent', { optional: true }),
        ref('ConfigMap', 'base', { valuesKey: 'nope', optional: true }),
      ],
      { a: 1 },
      { a: 1 },
    ],
    [
      'targetPath sets a Secret value at a path',
      [ref('Secret', 'pw', { valuesKey: 'password', targetPath: 'database.external.password' })],
      { database: { type: 'external' } },
      { database: { type: 'external', external: { password: 's3cret' } } },
    ],
    [
      'a targetPath value wins over the same inline value (the inline map is shared, as in Go)',
      [ref('Secret', 'pw', { valuesKey: 'password', targetPath: 'db.password' })],
      { db: { password: 'inline' } },
      { db: { password: 's3cret' } },
    ],
    [
      'at the top level the inline value wins over a targetPath value',
      [ref('Secret', 'pw', { valuesKey: 'password', targetPath: 'password' })],
      { password: 'inline' },
      { password: 'inline' },
    ],
    [
      'targetPath values are typed as --set types them; stringData wins over data',
      [
        ref('Secret', 'typed', { valuesKey: 'n', targetPath: 'n' }),
        ref('Secret', 'typed', { valuesKey: 't', targetPath: 't' }),
        ref('Secret', 'typed', { valuesKey: 'q', targetPath: 'q' }),
      ],
      undefined,
      { n: new GoInt('int64', 42n), t: true, q: '42' },
    ],
  ])('%s', (_name, valuesFrom, values, expected) => {
    expect(run(valuesFrom, values)).toEqual(expected);
  });

  it('does not change the inline values it is given', () => {
    const values = { db: { password: 'inline' } };
    run([ref('Secret', 'pw', { valuesKey: 'password', targetPath: 'db.password' })], values);
    expect(values).toEqual({ db: { password: 'inline' } });
  });

  it.each<[string, ValuesReference, string]>([
    [
      'a missing object',
      ref('Secret', 'absent'),
      "could not resolve Secret chart values reference 'ns/absent' with key 'values.yaml': resource not found",
    ],
    [
      'a missing key',
      ref('ConfigMap', 'base', { valuesKey: 'nope' }),
      "could not resolve ConfigMap chart values reference 'ns/base' with key 'nope': key not found",
    ],
    [
      'values that are not a map',
      ref('ConfigMap', 'list'),
      "could not resolve ConfigMap chart values reference 'ns/list' with key 'values.yaml': failed to read values data: not a YAML map",
    ],
    [
      'a value with a comma starts a second assignment without a value',
      ref('Secret', 'typed', { valuesKey: 'c', targetPath: 'c' }),
      "could not resolve Secret chart values reference 'ns/typed' with key 'c': failed to merge value: key \"b\" has no value",
    ],
  ])('fails on %s', (_name, r, message) => {
    expect(error(() => run([r]))).toBe(message);
  });
});

// The parser is helm's strvals (tested with --set); these pin what ReplacePathValue adds to it.
describe('setPathValue (ReplacePathValue: strvals of path=value)', () => {
  const int = (n: bigint) => new GoInt('int64', n);
  it.each<[string, GoMap, string, string, GoMap]>([
    ['a nested path into an existing map', { a: { x: 1 } }, 'a.b.c', 'v', { a: { x: 1, b: { c: 'v' } } }],
    ['a value typed as --set types it', {}, 'a', '42', { a: int(42n) }],
    ['null', {}, 'a', 'null', { a: null }],
    ['a list index', {}, 'a[1]', 'x', { a: [null, 'x'] }],
    ['single quotes force a string', {}, 'a', "'true'", { a: 'true' }],
    ['double quotes force a string', {}, 'a', '"42"', { a: '42' }],
    ['every outer quote goes', {}, 'a', `"'x'"`, { a: 'x' }],
    ['a quote at one end only stays', {}, 'a', '"x', { a: '"x' }],
    ['a comma starts another assignment', {}, 'a', 'x,b=y', { a: 'x', b: 'y' }],
  ])('%s', (_name, start, path, value, expected) => {
    setPathValue(start, path, value);
    expect(start).toEqual(expected);
  });

  it('reports what the parser rejects', () => {
    expect(error(() => setPathValue({}, 'a.', 'v'))).toBe('key map "a" has no value');
  });

  it('mergeMaps replaces a map by a scalar and a scalar by a map', () => {
    expect(mergeMaps({ a: { b: 1 }, c: 1 }, { a: 2, c: { d: 1 } })).toEqual({ a: 2, c: { d: 1 } });
  });
});
