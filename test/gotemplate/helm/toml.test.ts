import { describe, expect, it } from 'vitest';
import { encodeToml, TomlError } from '../../../src/gotemplate/helm/toml.js';
import { goInt, type GoValue } from '../../../src/gotemplate/value.js';

// Inputs are values as templates see them (YAML numbers are float64, template literals int);
// outputs were recorded from helm v4.1.4's toToml.
const cases: [name: string, value: GoValue, want: string][] = [
  ['battery toToml', { b: 2, a: 1, c: 3 }, 'a = 1.0\nb = 2.0\nc = 3.0\n'],
  [
    'scalars',
    { x: 1, s: 'str', b: true, f: 1.5, n: null, big: 1000000, e: 1e25, small: 1e-7, neg: -3 },
    'b = true\nbig = 1e+06\ne = 1e+25\nf = 1.5\nneg = -3.0\ns = "str"\nsmall = 1e-07\nx = 1.0\n',
  ],
  [
    'tables, arrays and arrays of tables',
    {
      z: 1,
      t: { true: 2, u: { k: 'v' } },
      arr: [1, 2],
      tabs: [{ p: 1 }, { q: { r: 2 } }],
      mixed: [1, 'a'],
      empty: [],
      emptymap: {},
    },
    'arr = [1.0, 2.0]\nempty = []\nmixed = [1.0, "a"]\nz = 1.0\n\n[emptymap]\n\n[t]\n  true = 2.0\n  [t.u]\n    k = "v"\n\n[[tabs]]\n  p = 1.0\n\n[[tabs]]\n  [tabs.q]\n    r = 2.0\n',
  ],
  [
    'key quoting and byte order',
    { 'a b': 1, ä: 2, '1': 3, '': 4, 'a.b': 5, 'q"x': 6, 'A-z_9': 7 },
    '"" = 4.0\n1 = 3.0\nA-z_9 = 7.0\n"a b" = 1.0\n"a.b" = 5.0\n"q\\"x" = 6.0\n"ä" = 2.0\n',
  ],
  [
    'string escapes',
    { nl: 'a\nb', tab: 'a\tb', q: 'a"b', bs: 'a\\b', uni: 'é', ctl: '\u0001', del: '\u007f', s: '\b\f\r' },
    'bs = "a\\\\b"\nctl = "\\u0001"\ndel = "\\u007f"\nnl = "a\\nb"\nq = "a\\"b"\ns = "\\b\\f\\r"\ntab = "a\\tb"\nuni = "é"\n',
  ],
  [
    'nested arrays and tables in arrays',
    { nested: [[1, 2], ['a']], maps_in_list: [{ a: 1, b: { c: 2 } }] },
    'nested = [[1.0, 2.0], ["a"]]\n\n[[maps_in_list]]\n  a = 1.0\n  [maps_in_list.b]\n    c = 2.0\n',
  ],
  ['inline tables in mixed arrays', { mixed: [1, { a: 1 }] }, 'mixed = [1.0, {a = 1.0}]\n'],
  [
    'inline tables nested',
    { k: [[{ a: goInt(1) }], { b: { c: goInt(1) } }] },
    'k = [[{a = 1}], {b = {c = 1}}]\n',
  ],
  [
    'array of tables inside a table',
    { t: { arr: [{ x: 1 }, { y: { z: 1 } }], after: 1 } },
    '[t]\n  after = 1.0\n\n  [[t.arr]]\n    x = 1.0\n\n  [[t.arr]]\n    [t.arr.y]\n      z = 1.0\n',
  ],
  [
    'quoted table names',
    { 'x y': { 'a b': { c: 1 } }, ä: { k: 1 } },
    '["x y"]\n  ["x y"."a b"]\n    c = 1.0\n\n["ä"]\n  k = 1.0\n',
  ],
  [
    'deep tables',
    { a: { b: { c: { d: 1 } }, e: 2 }, f: { g: 3 } },
    '[a]\n  e = 2.0\n  [a.b]\n    [a.b.c]\n      d = 1.0\n\n[f]\n  g = 3.0\n',
  ],
  ['empty tables in an array', { arrmaps: [{}, {}] }, '[[arrmaps]]\n\n[[arrmaps]]\n'],
  [
    'float forms',
    { f: [100000, 0.0001, 1.5e-5, 123456789, -0, 1e21, 12345678901234567000, 0.1, 100, 3e-5] },
    'f = [100000.0, 0.0001, 1.5e-05, 1.23456789e+08, -0.0, 1e+21, 1.2345678901234567e+19, 0.1, 100.0, 3e-05]\n',
  ],
  ['ints', { i: goInt(3), i64: goInt(5, 'int64'), u: [goInt(1)] }, 'i = 3\ni64 = 5\nu = [1]\n'],
  ['a nil inside a table is skipped', { a: { b: null, c: goInt(1) } }, '[a]\n  c = 1\n'],
  ['an empty map', {}, ''],
  ['an empty nested map', { a: {} }, '[a]\n'],
  ['a list at the top', [1, 2], '[1.0, 2.0]'],
  ['a string at the top', 's', '"s"'],
  ['an empty key for a table', { '': { x: goInt(1) } }, '[""]\n  x = 1\n'],
];

describe('encodeToml', () => {
  it.each(cases)('%s', (_name, value, want) => {
    expect(encodeToml(value)).toBe(want);
  });

  it.each([
    [{ withnull: [1, null] }, 'toml: cannot encode array with nil element'],
    [[{ a: 1 }], 'toml: top-level values must be Go maps or structs'],
  ] as [GoValue, string][])('fails as BurntSushi does: %j', (value, message) => {
    expect(() => encodeToml(value)).toThrow(TomlError);
    expect(() => encodeToml(value)).toThrow(message);
  });

  it('fails on nil as reflect panics', () => {
    expect(() => encodeToml(null)).toThrow('reflect: call of reflect.Value.Type on zero Value');
  });
});
