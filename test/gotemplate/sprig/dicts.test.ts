import { describe, expect, it } from 'vitest';
import {
  GO_TYPE,
  GoInt,
  goInt,
  newMap,
  typeOf,
  typedSlice,
  type GoMap,
  type GoValue,
} from '../../../src/gotemplate/value.js';
import { call, callError, int } from './call.js';

const plain = (v: GoValue): unknown =>
  JSON.parse(JSON.stringify(v, (_, x: unknown) => (x instanceof GoInt ? Number(x.value) : x)));
const dict = (...kv: GoValue[]): GoMap => call('dict', ...kv) as GoMap;
const typed = (type: string, entries: Record<string, GoValue>): GoMap => Object.assign(newMap(type), entries);

describe('sprig dictionary functions', () => {
  it('builds dicts with strval keys and "" for a missing value', () => {
    expect(dict(int(1), int(2), null, int(3), true, int(4), 'odd')).toStrictEqual({
      '1': int(2),
      '<nil>': int(3),
      true: int(4),
      odd: '',
    });
  });

  it('gets, sets and unsets in place', () => {
    const d = dict('a', int(1));
    expect(call('set', d, 'b', int(2))).toBe(d);
    expect(d).toStrictEqual({ a: int(1), b: int(2) });
    expect(call('hasKey', d, 'a')).toBe(true);
    expect(call('unset', d, 'a')).toBe(d);
    expect(d).toStrictEqual({ b: int(2) });
    expect(call('get', d, 'b')).toStrictEqual(int(2));
    expect(call('get', d, 'x')).toBe('');
    expect(call('get', null, 'x')).toBe('');
    expect(call('hasKey', null, 'a')).toBe(false);
    expect(typeOf(call('unset', null, 'a'))).toBe('map[string]interface {}');
    expect(callError('set', null, 'a', int(1))).toBe('assignment to entry in nil map');
    const proto = dict();
    call('set', proto, '__proto__', 'x');
    expect(call('hasKey', proto, '__proto__')).toBe(true);
    expect(call('get', proto, '__proto__')).toBe('x');
  });

  it('picks, omits, plucks and lists keys and values', () => {
    const m = { b: 2, a: 1, c: 3 };
    expect(call('pick', m, 'a', 'b', 'z')).toStrictEqual({ a: 1, b: 2 });
    expect(call('omit', m, 'a')).toStrictEqual({ b: 2, c: 3 });
    expect(call('pluck', 'a', { a: 1 }, { b: 2 }, { a: 3 })).toStrictEqual([1, 3]);
    const keys = call('keys', { b: 1 }, { a: 2 });
    expect(keys).toStrictEqual(['b', 'a']);
    expect(typeOf(keys)).toBe('[]string');
    expect(call('keys', m)).toStrictEqual(['a', 'b', 'c']);
    expect(call('values', m)).toStrictEqual([1, 2, 3]);
  });

  it('digs through plain maps only, as its type assertions do', () => {
    const nested = { x: { y: 'z' } };
    expect(call('dig', 'x', 'y', 'def', nested)).toBe('z');
    expect(call('dig', 'a', 'b', 'd', dict('a', dict('b', int(0))))).toStrictEqual(int(0));
    expect(call('dig', 'a', 'z', 'd', dict('a', dict('b', int(0))))).toBe('d');
    const values = typed('common.Values', { m: { a: 1 } });
    expect(callError('dig', 'm', 'a', 'd', values)).toBe(
      'interface conversion: interface {} is common.Values, not map[string]interface {}',
    );
    expect(callError('dig', 'a', 'b', 'd', dict('a', null))).toBe(
      'interface conversion: interface {} is nil, not map[string]interface {}',
    );
    expect(callError('dig', 'a', 'b', 'd', dict('a', 'x'))).toBe(
      'interface conversion: interface {} is string, not map[string]interface {}',
    );
    expect(callError('dig', int(1), 'd', dict('a', 'x'))).toBe(
      'interface conversion: interface {} is int, not string',
    );
    expect(callError('dig', 'a', dict('a', 'x'))).toBe('dig needs at least three arguments');
  });

  it('deep-copies maps and lists with their Go types', () => {
    const src = typed('common.Values', {
      l: typedSlice(['a'], '[]string'),
      m: typed('map[string]string', { k: 'v' }),
    });
    const copy = call('deepCopy', src) as GoMap;
    expect(copy).not.toBe(src);
    expect(copy[GO_TYPE]).toBe('common.Values');
    expect(typeOf(copy.l)).toBe('[]string');
    expect(typeOf(copy.m)).toBe('map[string]string');
    expect(copy.m).not.toBe(src.m);
    expect(plain(copy)).toEqual(plain(src));
    expect(callError('deepCopy', null)).toBe('reflect: call of reflect.Value.Type on zero Value');
    const loop = dict();
    call('set', loop, 'self', loop);
    expect(callError('mustDeepCopy', loop)).toMatch(/contains itself/);
  });

  it('stops at a nesting limit instead of overflowing the stack', () => {
    let deep: GoMap = dict();
    for (let i = 0; i < 5000; i++) deep = dict('a', deep);
    expect(callError('deepCopy', deep)).toMatch(/deepCopy: the value nests more than 1000 levels/);
    expect(callError('deepEqual', deep, deep.a ?? null)).toMatch(/deepEqual: the value nests/);
    let other: GoMap = dict();
    for (let i = 0; i < 5000; i++) other = dict('a', other);
    expect(callError('merge', deep, other)).toMatch(/merge: the value nests/);
  });
});

describe('sprig merge and mergeOverwrite (mergo)', () => {
  // Each case: merge function, destination, source, helm's toJson of the result.
  const cases: [string, () => [GoMap, GoMap], unknown][] = [
    [
      'merge',
      () => [
        dict('x', int(1), 'n', dict('p', int(1))),
        dict('x', int(2), 'y', int(3), 'n', dict('p', int(2), 'q', int(2))),
      ],
      { n: { p: 1, q: 2 }, x: 1, y: 3 },
    ],
    [
      'mergeOverwrite',
      () => [
        dict('x', int(1), 'n', dict('p', int(1))),
        dict('x', int(2), 'y', int(3), 'n', dict('p', int(2), 'q', int(2))),
      ],
      { n: { p: 2, q: 2 }, x: 2, y: 3 },
    ],
    ['merge', () => [dict('x', int(0), 'e', ''), dict('x', int(5), 'e', 'f')], { e: 'f', x: 5 }],
    ['mergeOverwrite', () => [dict('x', 's'), dict('x', dict('k', int(1)))], { x: { k: 1 } }],
    [
      'mergeOverwrite',
      () => [dict('x', true, 'y', int(1), 'z', 's'), dict('x', false, 'y', int(0), 'z', '')],
      { x: false, y: 0, z: '' },
    ],
    ['mergeOverwrite', () => [dict('x', int(1)), dict('x', null)], { x: null }],
    ['merge', () => [dict('x', int(1)), dict('x', null, 'y', null)], { x: 1 }],
    ['merge', () => [dict('l', [int(1)]), dict('l', [int(2), int(3)])], { l: [1] }],
    ['merge', () => [dict('l', [], 'm', int(1)), dict('l', [int(2), int(3)])], { l: [2, 3], m: 1 }],
    ['mergeOverwrite', () => [dict('l', [int(1)]), dict('l', [])], { l: [] }],
    ['mergeOverwrite', () => [dict('x', [int(1)]), dict('x', dict('k', int(1)))], { x: { k: 1 } }],
    ['mergeOverwrite', () => [dict('x', dict('k', int(1))), dict('x', 's')], { x: 's' }],
    ['mergeOverwrite', () => [dict('x', dict()), dict('x', 's')], { x: 's' }],
    ['merge', () => [dict('x', ''), dict('x', [int(1)])], { x: [1] }],
    ['merge', () => [dict('x', 'a'), dict('x', [int(1)])], { x: 'a' }],
  ];

  it.each(cases)('%s %#', (name, make, want) => {
    const [dst, src] = make();
    const out = call(name, dst, src);
    expect(out).toBe(dst);
    expect(plain(out)).toEqual(want);
  });

  it('starts from a fresh map for a nil destination', () => {
    expect(plain(call('merge', null, dict('a', int(1))))).toEqual({ a: 1 });
  });

  it('shares a source map stored under a missing key, as Go does', () => {
    const a = dict();
    const b = dict('n', dict('k', int(1)));
    call('merge', a, b);
    call('set', a.n ?? null, 'z', int(2));
    expect(plain(b)).toEqual({ n: { k: 1, z: 2 } });
  });

  it('keeps fields of a Values copy that are set', () => {
    const d = call('deepCopy', typed('common.Values', { str: 'hello', zero: 0 })) as GoMap;
    call('merge', d, dict('str', 'no', 'zero', int(5)));
    expect(d.str).toBe('hello');
    expect(d.zero).toStrictEqual(int(5));
  });

  it('fails as reflect does when a typed map cannot hold the value', () => {
    const dst = dict('s', typed('map[string]string', { _0: 'a' }));
    expect(callError('merge', dst, dict('s', dict('_9', 'x')))).toBe(
      'reflect.Value.SetMapIndex: value of type interface {} is not assignable to type string',
    );
  });

  it('is not fooled by keys such as __proto__', () => {
    const src = dict();
    call('set', src, '__proto__', goInt(1));
    const dst = call('merge', dict(), src) as GoMap;
    expect(Object.keys(dst)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(dst)).toBe(Object.prototype);
  });
});
