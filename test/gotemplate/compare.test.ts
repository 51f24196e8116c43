import { describe, expect, it } from 'vitest';
import { eq, ge, gt, le, lt, ne } from '../../src/gotemplate/compare.js';
import { GoFloat32, GoStruct, goInt, type GoValue } from '../../src/gotemplate/value.js';

const u8 = (n: number) => goInt(n, 'uint8');

describe('eq', () => {
  it.each<[string, GoValue, GoValue[], boolean]>([
    ['equal strings', 'a', ['a'], true],
    ['any of several', 'a', ['b', 'c', 'a'], true],
    ['none of several', 'a', ['b', 'c'], false],
    ['ints of different types', goInt(3), [goInt(3, 'int64')], true],
    ['signed and unsigned by value', goInt(3), [u8(3)], true],
    ['a negative int is no uint', goInt(-1), [goInt(-1, 'uint64')], false],
    ['float64 and float32', 1.5, [new GoFloat32(1.5)], true],
    ['bools', true, [true], true],
    ['nil and missing', null, [undefined], true],
    ['a value and nil', 'a', [null], false],
    ['nil pointers are nil', new GoStruct('*T', {}, {}, true), [undefined], true],
    ['a map and nil', { a: 1 }, [undefined], false],
  ])('%s', (_, a, rest, want) => expect(eq(a, ...rest)).toBe(want));

  it.each<[string, GoValue, GoValue, string]>([
    ['int and float', goInt(1), 1, 'incompatible types for comparison: int and float64'],
    ['string and int', 'a', goInt(1), 'incompatible types for comparison: string and int'],
    ['maps', { a: 1 }, { a: 1 }, 'non-comparable type map[a:%!s(float64=1)]: map[string]interface {}'],
    [
      'map and slice',
      { a: 1 },
      [1],
      'non-comparable types map[a:%!s(float64=1)]: map[string]interface {}, []interface {}: [1]',
    ],
  ])('rejects %s', (_, a, b, message) => expect(() => eq(a, b)).toThrow(message));

  it('needs a second operand', () => expect(() => eq('a')).toThrow('missing argument for comparison'));

  it('ne is not eq', () => {
    expect(ne('a', 'b')).toBe(true);
    expect(ne(goInt(1), u8(1))).toBe(false);
  });
});

describe('ordering', () => {
  it.each<[GoValue, GoValue, [boolean, boolean, boolean, boolean]]>([
    [goInt(1), goInt(2), [true, true, false, false]],
    [goInt(2), goInt(2), [false, true, false, true]],
    [2.5, 1.5, [false, false, true, true]],
    ['a', 'b', [true, true, false, false]],
    ['\uffff', '\u{1F600}', [true, true, false, false]],
    [goInt(-1), u8(0), [true, true, false, false]],
    [u8(5), goInt(3), [false, false, true, true]],
  ])('ordering case %#: lt le gt ge', (a, b, [l, le_, g, ge_]) => {
    expect([lt(a, b), le(a, b), gt(a, b), ge(a, b)]).toEqual([l, le_, g, ge_]);
  });

  it.each<[GoValue, GoValue, string]>([
    [goInt(1), 2.5, 'incompatible types for comparison: int and float64'],
    [true, false, 'invalid type for comparison'],
    [undefined, goInt(1), 'invalid type for comparison'],
    [[1], [2], 'invalid type for comparison'],
  ])('lt fails: %s', (a, b, message) => {
    expect(() => lt(a, b)).toThrow(message);
    expect(() => ge(a, b)).toThrow(message);
  });
});
