import { describe, expect, it } from 'vitest';
import { GoInt, goInt, typeOf, type GoValue } from '../../../src/gotemplate/value.js';
import { call, callError, int, rows } from './call.js';

const i64 = (n: number | bigint): GoValue => goInt(n, 'int64');
const ints = (...n: number[]): GoValue[] => n.map((x) => goInt(x));

// Expected values are helm v4.1.4's output for the same calls; numbers from values are float64.
const cases: [string, GoValue[], GoValue][] = [
  ['add', [int(1), 2.5], i64(3)],
  ['add', [], i64(0)],
  ['add', [int(1), '2', 2.9, true], i64(6)],
  ['div', [int(7), int(2)], i64(3)],
  ['div', [int(-7), int(2)], i64(-3)],
  ['mod', [int(-7), int(3)], i64(-1)],
  ['mul', [8080, int(2)], i64(16160)],
  ['mul', [int(2), int(3), int(4)], i64(24)],
  ['sub', [int(1), int(3)], i64(-2)],
  ['sub', [goInt(9223372036854775807n), int(-1)], i64(-9223372036854775808n)],
  ['max', [int(1), int(5), int(3)], i64(5)],
  ['max', [int(1), '9'], i64(9)],
  ['biggest', [int(4), int(5)], i64(5)],
  ['min', [int(3), int(-2)], i64(-2)],
  ['add1', [1.5], i64(2)],
  ['add1', [null], i64(1)],
  ['mulf', [1.5, int(2)], 3],
  ['divf', [int(1), int(3)], 0.3333333333333333],
  ['addf', [1.1, 2.2], 3.3],
  ['subf', [int(1), 0.9], 0.1],
  ['mulf', [1.1, int(3)], 3.3],
  ['divf', [int(2), int(3)], 0.6666666666666667],
  ['divf', [int(-2), int(3)], -0.6666666666666667],
  ['divf', [int(1), int(7)], 0.1428571428571429],
  ['divf', [int(10), int(4)], 2.5],
  ['mulf', [0.1, 0.2], 0.02],
  ['add1f', [1.5], 2.5],
  ['addf', [], 0],
  ['maxf', [int(1), 2.5], 2.5],
  ['minf', [int(1), -0.5], -0.5],
  ['ceil', [1.2], 2],
  ['floor', [-1.2], -2],
  ['ceil', [-0.5], -0],
  ['round', [123.555555, int(3)], 123.556],
  ['round', [123.5555, int(3), 0.6], 123.555],
  ['round', [-1.5, int(0)], -2],
  ['round', [2.5, int(0)], 3],
  ['round', [1.005, int(2)], 1],
  ['round', [1234.5, int(-2)], 1200],
  ['round', ['1.25', int(1)], 1.3],
  ['int', [8080], int(8080)],
  ['int', ['12'], int(12)],
  ['int', [2.9], int(2)],
  ['int', ['0x10'], int(16)],
  ['int', ['1.5'], int(0)],
  ['int', [true], int(1)],
  ['int64', [1000000], i64(1000000)],
  ['int64', ['1.0'], i64(1)],
  ['float64', ['1.5'], 1.5],
  ['float64', ['1e3'], 1000],
  ['float64', [null], 0],
  ['atoi', ['7'], int(7)],
  ['atoi', [' 7'], int(0)],
  ['atoi', ['+7'], int(7)],
  ['atoi', ['99999999999999999999'], goInt(9223372036854775807n)],
  ['toDecimal', ['0777'], i64(511)],
  ['toDecimal', [int(777)], i64(511)],
  ['toDecimal', ['8'], i64(0)],
  ['seq', [], ''],
  ['seq', ints(3), '1 2 3'],
  ['seq', ints(-3), '1 0 -1 -2 -3'],
  ['seq', ints(0), '1 0'],
  ['seq', ints(2, 5), '2 3 4 5'],
  ['seq', ints(5, 2), '5 4 3 2'],
  ['seq', ints(0, 2, 10), '0 2 4 6 8 10'],
  ['seq', ints(10, -3, 0), '10 7 4 1'],
  ['seq', ints(10, 3, 0), ''],
  ['seq', ints(1, 2, 3, 4), ''],
  ['seq', ints(1, 0, 5), ''],
];

describe('sprig math functions', () => {
  it.each(rows(cases))('%s', (_, name, args, want) => {
    expect(call(name, ...args)).toStrictEqual(want);
  });

  it.each([
    ['until', ints(3), [0, 1, 2]],
    ['until', ints(-3), [0, -1, -2]],
    ['until', ints(0), []],
    ['untilStep', ints(0, 10, 3), [0, 3, 6, 9]],
    ['untilStep', ints(10, 0, -4), [10, 6, 2]],
    ['untilStep', ints(0, 10, -1), []],
  ] as [string, GoValue[], number[]][])('%s %# gives a []int', (name, args, want) => {
    const got = call(name, ...args);
    expect(typeOf(got)).toBe('[]int');
    expect((got as GoInt[]).map((i) => i.type)).toEqual(want.map(() => 'int'));
    expect((got as GoInt[]).map((i) => Number(i.value))).toEqual(want);
  });

  it.each([
    ['div', [int(1), int(0)], 'runtime error: integer divide by zero'],
    ['mod', [int(1), 'x'], 'runtime error: integer divide by zero'],
    ['divf', [int(1), int(0)], 'decimal division by 0'],
    ['addf', [Infinity], 'Cannot create a Decimal from +Inf'],
  ] as [string, GoValue[], string][])('%s %# fails as Go does', (name, args, message) => {
    expect(callError(name, ...args)).toBe(message);
  });

  it('stops runaway sequences with an error naming the limit', () => {
    expect(callError('until', int(100_000_000))).toMatch(/until would produce 100000000 elements.*limit/);
    expect(callError('untilStep', ...ints(0, 2_000_000_000, 1))).toMatch(/untilStep .* limit/);
    expect(callError('seq', int(5_000_000))).toMatch(/seq .* limit/);
  });
});
