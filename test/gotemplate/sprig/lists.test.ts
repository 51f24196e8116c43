import { describe, expect, it } from 'vitest';
import { goInt, typedSlice, typeOf, type GoValue } from '../../../src/gotemplate/value.js';
import { call, callError, int, rows } from './call.js';

const strs = (...s: string[]): GoValue => typedSlice(s, '[]string');
const NIL = 'runtime error: invalid memory address or nil pointer dereference';

// Expected values are helm v4.1.4's output for the same calls.
const cases: [string, GoValue[], GoValue][] = [
  ['list', [int(1), 'a', 2.5], [int(1), 'a', 2.5]],
  ['tuple', [int(1)], [int(1)]],
  ['append', [[int(1)], int(2)], [int(1), int(2)]],
  ['push', [strs('a'), 'b'], ['a', 'b']],
  ['prepend', [[int(1)], int(0)], [int(0), int(1)]],
  ['first', [[1, 2, 3]], 1],
  ['first', [[]], null],
  ['last', [[1, 2, 3]], 3],
  ['rest', [[1, 2, 3]], [2, 3]],
  ['rest', [[]], []],
  ['initial', [[int(1), int(2)]], [int(1)]],
  ['reverse', [[int(1), int(2)]], [int(2), int(1)]],
  ['compact', [[int(0), '', int(1), null, false, 'a']], [int(1), 'a']],
  ['uniq', [[int(1), int(1), int(2)]], [int(1), int(2)]],
  ['uniq', [[int(1), 1, '1', int(1), [int(1)], [int(1)]]], [int(1), 1, '1', [int(1)]]],
  ['without', [[int(1), int(2), int(3)], int(2)], [int(1), int(3)]],
  ['without', [[int(1), int(2), { a: int(1) }], { a: int(1) }], [int(1), int(2)]],
  ['has', [2, [1, 2, 3]], true],
  ['has', [int(2), [1, 2, 3]], false],
  ['has', [int(1), null], false],
  ['mustHas', ['b', strs('a', 'b')], true],
  ['concat', [[int(1)], [int(2), int(3)]], [int(1), int(2), int(3)]],
  ['concat', [[int(1)], strs('a')], [int(1), 'a']],
  ['concat', [], []],
  ['slice', [[1, 2, 3], int(1)], [2, 3]],
  ['slice', [[1, 2, 3]], [1, 2, 3]],
  ['slice', [[1, 2, 3], int(0), int(2), int(9)], [1, 2]],
  ['slice', [[], int(5)], null],
  ['slice', [[1, 2, 3], '1', 2.9], [2]],
  ['chunk', [int(2), [1, 2, 3, 4, 5]], [[1, 2], [3, 4], [5]]],
  ['chunk', [int(2), []], []],
];

describe('sprig list functions', () => {
  it.each(rows(cases))('%s', (_, name, args, want) => {
    expect(call(name, ...args)).toStrictEqual(want);
  });

  it('keeps or builds the Go slice types', () => {
    expect(typeOf(call('slice', strs('a', 'b'), int(1)))).toBe('[]string');
    expect(typeOf(call('reverse', strs('a', 'b')))).toBe('[]interface {}');
    expect(typeOf(call('chunk', int(2), [1]))).toBe('[][]interface {}');
    expect(typeOf(call('list'))).toBe('[]interface {}');
  });

  it('does not change its input', () => {
    const input = [1, 2, 3];
    call('append', input, 4);
    call('reverse', input);
    call('prepend', input, 0);
    expect(input).toEqual([1, 2, 3]);
  });

  it.each([
    ['first', ['abc'], 'Cannot find first on type string'],
    ['mustFirst', ['abc'], 'Cannot find first on type string'],
    ['first', [null], NIL],
    ['without', [null, int(1)], NIL],
    ['uniq', ['x'], 'Cannot find uniq on type string'],
    ['mustAppend', [{}, int(1)], 'Cannot push on type map'],
    ['prepend', [1.5, int(1)], 'Cannot prepend on type float64'],
    ['concat', [[int(1)], int(2)], 'Cannot concat type int as list'],
    ['chunk', [int(0), [int(1), int(2)]], 'runtime error: makeslice: len out of range'],
    ['chunk', [int(-1), [int(1)]], 'runtime error: makeslice: len out of range'],
    ['slice', ['abcdef', int(1), int(3)], 'list should be type of slice or array but string'],
    ['slice', [[1, 2, 3], int(2), int(5)], 'reflect.Value.Slice: slice index out of bounds'],
    ['slice', [[1, 2, 3], int(-1)], 'reflect.Value.Slice: slice index out of bounds'],
    ['mustSlice', [[1, 2, 3], int(2), int(1)], 'reflect.Value.Slice: slice index out of bounds'],
    ['mustHas', [int(1), 'x'], 'Cannot find has on type string'],
    ['last', [goInt(1)], 'Cannot find last on type int'],
  ] as [string, GoValue[], string][])('%s %# fails with sprig words', (name, args, message) => {
    expect(callError(name, ...args)).toBe(message);
  });
});
