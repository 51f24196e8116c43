import { describe, expect, it as test } from 'vitest';
import {
  ConversionError,
  convertArg,
  floatToInt64,
  strval,
  toBool,
  toFloat64,
  toInt,
  toInt64,
  toString,
} from '../../src/gotemplate/convert.js';
import {
  GoFloat32,
  GoInt,
  GoStruct,
  goInt,
  newMap,
  typedSlice,
  type GoValue,
} from '../../src/gotemplate/value.js';

// Expected values are helm v4.1.4's answers (sprig v3.3.0 over spf13/cast v1.7.0, Go on amd64).
const i = (n: number | bigint): GoValue => goInt(n);

function intText(v: GoInt): string {
  return `${v.type}:${v.value}`;
}

describe('convertArg (text/template validateType)', () => {
  test.each<[GoValue, string, string]>([
    [1.5, 'string', 'wrong type for value; expected string; got float64'],
    [8080, 'int', 'wrong type for value; expected int; got float64'],
    [goInt(3, 'int64'), 'int', 'wrong type for value; expected int; got int64'],
    [undefined, 'string', 'invalid value; expected string'],
    [null, 'string', 'wrong type for value; expected string; got interface {}'],
    [
      null,
      'map[string]interface {}',
      'wrong type for value; expected map[string]interface {}; got interface {}',
    ],
    [
      [i(1)],
      'map[string]interface {}',
      'wrong type for value; expected map[string]interface {}; got []interface {}',
    ],
    [
      typedSlice(['a'], '[]string'),
      'map[string]interface {}',
      'wrong type for value; expected map[string]interface {}; got []string',
    ],
    [
      newMap('map[string]string'),
      'map[string]interface {}',
      'wrong type for value; expected map[string]interface {}; got map[string]string',
    ],
    [newMap('common.Values'), 'string', 'wrong type for value; expected string; got common.Values'],
    [
      new GoStruct('common.KubeVersion', {}),
      'string',
      'wrong type for value; expected string; got common.KubeVersion',
    ],
    [
      typedSlice(['a'], '[]string'),
      '[]interface {}',
      'wrong type for value; expected []interface {}; got []string',
    ],
    [
      new GoStruct('*semver.Version', {}, {}, true),
      'semver.Version',
      'dereference of nil pointer of type semver.Version',
    ],
  ])('%# rejects', (value, type, message) => {
    expect(() => convertArg(value, type)).toThrow(new ConversionError(message));
  });

  test('assignable values pass unchanged', () => {
    const values = newMap('common.Values');
    expect(convertArg(values, 'map[string]interface {}')).toBe(values);
    expect(convertArg('a', 'string')).toBe('a');
    expect(convertArg(1.5, 'float64')).toBe(1.5);
    expect(convertArg(true, 'bool')).toBe(true);
    const n = goInt(3, 'int64');
    expect(convertArg(n, 'int64')).toBe(n);
    const strs = typedSlice(['a'], '[]string');
    expect(convertArg(strs, '[]string')).toBe(strs);
  });

  test('interface {} takes anything; an invalid value becomes nil', () => {
    expect(convertArg(undefined, 'interface {}')).toBeNull();
    expect(convertArg(null, 'interface {}')).toBeNull();
    expect(convertArg(1.5, 'interface {}')).toBe(1.5);
  });

  test('an invalid value is nil for nil-able parameter types', () => {
    expect(convertArg(undefined, 'map[string]interface {}')).toBeNull();
    expect(convertArg(undefined, '[]interface {}')).toBeNull();
    expect(convertArg(undefined, '*semver.Version')).toBeNull();
  });

  test('a pointer argument is dereferenced for a struct parameter', () => {
    const v = convertArg(new GoStruct('*semver.Version', { Major: i(1) }), 'semver.Version');
    expect(v).toBeInstanceOf(GoStruct);
    expect((v as GoStruct).typeName).toBe('semver.Version');
  });
});

describe('cast.ToInt / ToInt64', () => {
  test.each<[GoValue, bigint]>([
    ['12', 12n],
    ['1.5', 0n],
    [2.9, 2n],
    [-2.9, -2n],
    ['012', 10n],
    ['08', 0n],
    ['0x10', 16n],
    ['-0x10', -16n],
    ['0b101', 5n],
    ['0o17', 15n],
    ['1_000', 1000n],
    [' 12', 0n],
    ['12.0', 12n],
    ['12.', 0n],
    ['.0', 0n],
    ['0.0', 0n],
    ['100', 100n],
    ['1e3', 0n],
    ['+5', 5n],
    ['', 0n],
    ['9223372036854775808', 0n],
    [true, 1n],
    [false, 0n],
    [null, 0n],
    [undefined, 0n],
    [[], 0n],
    [newMap(), 0n],
    [1e19, -9223372036854775808n],
    [-1e19, -9223372036854775808n],
    [9.3e18, -9223372036854775808n],
    [NaN, -9223372036854775808n],
    [Infinity, -9223372036854775808n],
    [1e300, -9223372036854775808n],
    [8080, 8080n],
    [goInt(7, 'int64'), 7n],
    [goInt(255, 'uint8'), 255n],
    [goInt(2n ** 64n - 1n, 'uint64'), -1n],
    [new GoFloat32(2.5), 2n],
  ])('%# → %s', (value, expected) => {
    expect(intText(toInt64(value))).toBe(`int64:${expected}`);
    expect(intText(toInt(value))).toBe(`int:${expected}`);
  });

  test('floatToInt64 truncates toward zero', () => {
    expect(floatToInt64(-0.5)).toBe(0n);
    expect(floatToInt64(2 ** 62)).toBe(2n ** 62n);
  });
});

describe('cast.ToFloat64', () => {
  test.each<[GoValue, number]>([
    ['1.5', 1.5],
    ['abc', 0],
    ['1_000', 1000],
    ['1__0', 0],
    ['0x1p4', 16],
    ['0x_1p0', 1],
    ['0x10', 0],
    ['inf', Infinity],
    ['Infinity', Infinity],
    ['-inf', -Infinity],
    ['NaN', NaN],
    ['1e400', 0],
    [' 1', 0],
    ['.5', 0.5],
    ['1.', 1],
    ['-0', -0],
    ['+1.5e3', 1500],
    ['1e', 0],
    [true, 1],
    [goInt(3, 'int64'), 3],
    [goInt(2n ** 64n - 1n, 'uint64'), 18446744073709552000],
    [null, 0],
    [[], 0],
    [new GoFloat32(0.1), Math.fround(0.1)],
  ])('%# → %s', (value, expected) => {
    expect(toFloat64(value)).toBe(expected);
  });
});

describe('cast.ToBool and cast.ToString', () => {
  test.each<[GoValue, boolean]>([
    ['true', true],
    ['T', true],
    ['1', true],
    ['yes', false],
    ['False', false],
    [2.5, true],
    [0, false],
    [i(0), false],
    [i(-1), true],
    [null, false],
  ])('toBool %#', (value, expected) => {
    expect(toBool(value)).toBe(expected);
  });

  test.each<[GoValue, string]>([
    [1e6, '1000000'],
    [1.5, '1.5'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [new GoFloat32(0.1), '0.1'],
    [goInt(-5, 'int64'), '-5'],
    [true, 'true'],
    [null, ''],
    [[i(1)], ''],
    [typedSlice([goInt(104, 'uint8'), goInt(105, 'uint8')], '[]uint8'), 'hi'],
    [new GoStruct('*semver.Version', {}, { String: { params: [], fn: () => '1.2.3' } }), '1.2.3'],
  ])('toString %#', (value, expected) => {
    expect(toString(value)).toBe(expected);
  });
});

describe("sprig's strval (toString, quote, join)", () => {
  test.each<[GoValue, string]>([
    [1.5, '1.5'],
    [1e6, '1e+06'],
    [null, '<nil>'],
    [undefined, '<nil>'],
    [[i(1), i(2), i(3)], '[1 2 3]'],
    [goInt(5, 'int64'), '5'],
    [true, 'true'],
    [newMap(), 'map[]'],
    ['s', 's'],
    [typedSlice([goInt(98, 'uint8'), goInt(45, 'uint8')], '[]uint8'), 'b-'],
    [[goInt(98, 'uint8')], '[98]'],
  ])('%#', (value, expected) => {
    expect(strval(value)).toBe(expected);
  });
});
