import { describe, expect, it } from 'vitest';
import { GoStruct, goInt, typedSlice, type GoValue } from '../../../src/gotemplate/value.js';
import { call, callError, int, rows } from './call.js';

// Expected values are helm v4.1.4's output for the same calls.
const cases: [string, GoValue[], GoValue][] = [
  ['default', ['d', null], 'd'],
  ['default', ['d', false], 'd'],
  ['default', ['d', int(0)], 'd'],
  ['default', ['d', 0], 'd'],
  ['default', ['d', []], 'd'],
  ['default', ['d', {}], 'd'],
  ['default', ['d', 'hello'], 'hello'],
  ['default', [int(5)], int(5)],
  ['empty', [0], true],
  ['empty', [{}], true],
  ['empty', [''], true],
  ['empty', [null], true],
  ['empty', [false], true],
  ['empty', [[int(0)]], false],
  ['empty', [new GoStruct('time.Time', {})], false],
  ['empty', [new GoStruct('*semver.Version', {}, {}, true)], true],
  ['coalesce', [null, '', 'x'], 'x'],
  ['coalesce', [int(0), null, ''], null],
  ['all', [int(1), 'a', true], true],
  ['all', [int(1), int(0)], false],
  ['all', [], true],
  ['any', [], false],
  ['any', [int(0), '', int(1)], true],
  ['ternary', ['a', 'b', true], 'a'],
  ['ternary', [int(1), int(2), false], int(2)],
  ['typeOf', [[]], '[]interface {}'],
  ['typeOf', [{}], 'map[string]interface {}'],
  ['typeOf', [1.5], 'float64'],
  ['typeOf', [goInt(3, 'int64')], 'int64'],
  ['typeOf', [null], '<nil>'],
  ['typeIs', ['int', int(1)], true],
  ['typeIsLike', ['int', int(1)], true],
  ['typeIsLike', ['common.Capabilities', new GoStruct('*common.Capabilities', {})], true],
  ['kindOf', [8080], 'float64'],
  ['kindOf', ['s'], 'string'],
  ['kindOf', [null], 'invalid'],
  ['kindOf', [new GoStruct('*common.Capabilities', {})], 'ptr'],
  ['kindIs', ['map', {}], true],
  ['kindIs', ['slice', typedSlice(['a'], '[]string')], true],
  ['deepEqual', [int(1), 1], false],
  ['deepEqual', [[int(1)], [int(1)]], true],
  ['deepEqual', [{ a: [int(1)] }, { a: [int(1)] }], true],
  ['deepEqual', [{ a: 1 }, { a: 1, b: 2 }], false],
  ['deepEqual', [null, null], true],
  [
    'deepEqual',
    [
      [1, 2, 3],
      [1, 2, 3],
    ],
    true,
  ],
  ['deepEqual', [typedSlice(['a'], '[]string'), ['a']], false],
  ['deepEqual', [NaN, NaN], false],
];

describe('sprig defaults, flow control and reflection', () => {
  it.each(rows(cases))('%s', (_, name, args, want) => {
    expect(call(name, ...args)).toStrictEqual(want);
  });

  it('fails with the given message', () => {
    expect(callError('fail', 'boom')).toBe('boom');
  });

  it('compares cyclic values without looping', () => {
    const a: Record<string, GoValue> = {};
    a.self = a;
    const b: Record<string, GoValue> = {};
    b.self = b;
    expect(call('deepEqual', a, b)).toBe(true);
  });
});
