import { describe, expect, it as test } from 'vitest';
import { formatValue, sprint, sprintf, sprintln } from '../../src/gotemplate/fmt.js';
import {
  GoFloat32,
  GoStruct,
  goInt,
  newMap,
  setMapKey,
  typedSlice,
  type GoMap,
  type GoValue,
  type IntType,
} from '../../src/gotemplate/value.js';

// Expected texts are what Go's fmt prints (recorded through helm v4.1.4's printf).
const i = (n: number | bigint): GoValue => goInt(n);
const it = (n: number | bigint, type: IntType): GoValue => goInt(n, type);
const f = (x: number): GoValue => x;
const strs = (...xs: string[]): GoValue => typedSlice(xs, '[]string');
function map(entries: Record<string, GoValue>, type?: string): GoMap {
  const m = newMap(type);
  for (const [k, v] of Object.entries(entries)) setMapKey(m, k, v);
  return m;
}

const PRINTF: [string, GoValue[], string][] = [
  ['%s-%d-%05.2f-%q-%x-%t', ['a', i(3), f(3.14159), 'x', 'hi', true], 'a-3-03.14-"x"-6869-true'],
  ['%d', [f(8080)], '%!d(float64=8080)'],
  ['%v %v %v', [f(1000000), f(1e21), f(100000000000000000000)], '1e+06 1e+21 1e+20'],
  ['%v %v %v %v', [f(0.0001), f(0.00001), f(123456), f(1234567)], '0.0001 1e-05 123456 1.234567e+06'],
  ['%v', [null], '<nil>'],
  ['%d', [null], '%!d(<nil>)'],
  ['%s', [null], '%!s(<nil>)'],
  ['%d %d', [i(1)], '1 %!d(MISSING)'],
  ['%d', [i(1), i(2)], '1%!(EXTRA int=2)'],
  ['%d', [i(1), 'a', null], '1%!(EXTRA string=a, <nil>)'],
  ['%!', [i(1)], '%!!(int=1)'],
  ['%', [i(1)], '%!(NOVERB)%!(EXTRA int=1)'],
  ['abc%', [], 'abc%!(NOVERB)'],
  ['%[2]d %[1]d', [i(1), i(2)], '2 1'],
  ['%[3]d', [i(1), i(2)], '%!d(BADINDEX)'],
  ['%[0]d', [i(1)], '%!d(BADINDEX)'],
  ['%[x]d', [i(1)], '%!d(BADINDEX)'],
  ['%[1]*d', [i(5), i(3)], '    3'],
  ['%*d', [i(5), i(3)], '    3'],
  ['%-*d|', [i(5), i(3)], '3    |'],
  ['%*d', [f(5), i(3)], '%!(BADWIDTH)3'],
  ['%.*d', [i(-1), i(3)], '%!(BADPREC)3'],
  ['%.*f', [i(2), f(3.14159)], '3.14'],
  ['%*d', [i(5)], '%!d(MISSING)'],
  ['%.*d', ['x', i(3)], '%!(BADPREC)3'],
  ['%5s|%-5s|%.2s|%5.1s', ['abc', 'abc', 'abc', 'abc'], '  abc|abc  |ab|    a'],
  ['%05s|%-05s|', ['ab', 'ab'], '000ab|ab   |'],
  [
    '%05d|%-05d|%+d|% d|%+05d|%x|%X|%#x|%#o|%o|%O|%b|%#b',
    [i(42), i(42), i(42), i(42), i(42), i(255), i(255), i(255), i(8), i(8), i(8), i(5), i(5)],
    '00042|42   |+42| 42|+0042|ff|FF|0xff|010|10|0o10|101|0b101',
  ],
  [
    '%d|%x|%05d|%.3d|%8.3d|%-8.3d|%.0d|%5.0d|',
    [i(-42), i(-255), i(-42), i(-7), i(-7), i(7), i(0), i(0)],
    '-42|-ff|-0042|-007|    -007|007     ||     |',
  ],
  [
    '%c|%q|%U|%#U|%c|%q',
    [i(65), i(65), i(128512), i(128512), i(-1), i(1114112)],
    "A|'A'|U+1F600|U+1F600 '😀'|�|'�'",
  ],
  [
    '%e|%E|%f|%F|%g|%G',
    [f(1234.5678), f(1234.5678), f(1234.5678), f(1234.5678), f(1234.5678), f(1e-7)],
    '1.234568e+03|1.234568E+03|1234.567800|1234.567800|1234.5678|1E-07',
  ],
  [
    '%.0f|%.0f|%.0f|%.0f|%.1f|%.2f',
    [f(0.5), f(1.5), f(2.5), f(-0.5), f(0.05), f(1.005)],
    '0|2|2|-0|0.1|1.00',
  ],
  [
    '%.3e|%.0e|%.10e|%.20f',
    [f(1.0005), f(15), f(3.141592653589793), f(0.1)],
    '1.000e+00|2e+01|3.1415926536e+00|0.10000000000000000555',
  ],
  [
    '%.3g|%.3g|%.2g|%.10g|%g|%g',
    [f(1), f(100), f(100), f(0.3333333333333333), f(0.00001), f(123456789)],
    '1|100|1e+02|0.3333333333|1e-05|1.23456789e+08',
  ],
  [
    '%#g|%#.3g|%#v|%#.0f|%#e|%#x',
    [f(1), f(1), f(1), f(3), f(1), f(1)],
    '1.00000|1.00|1|3.|1.000000e+00|0x1.0000p+00',
  ],
  [
    '%x|%X|%.3x|%b',
    [f(1.5), f(-0.1), f(3.14159), f(1)],
    '0x1.8p+00|-0X1.999999999999AP-04|0x1.922p+01|4503599627370496p-52',
  ],
  [
    '%v|%v|%v|%5.1f|%-8.2f|%08.3f|%+.2e|% f',
    [f(NaN), f(Infinity), f(-Infinity), f(NaN), f(Infinity), f(-3.14159), f(12345), f(1)],
    'NaN|+Inf|-Inf|  NaN|+Inf    |-003.142|+1.23e+04| 1.000000',
  ],
  ['%05v|%+v|%v|%v', [f(NaN), f(NaN), f(-0), f(5e-324)], '  NaN|NaN|-0|5e-324'],
  [
    '%v|%+v|%#v',
    [[i(1), 'a', null, true, f(2.5)], [i(1)], [i(1), 'a', null]],
    '[1 a <nil> true 2.5]|[1]|[]interface {}{1, "a", interface {}(nil)}',
  ],
  [
    '%v|%#v|%+v',
    [map({ b: i(2), a: 'x' }), map({ b: i(2), a: 'x' }), map({ n: null })],
    'map[a:x b:2]|map[string]interface {}{"a":"x", "b":2}|map[n:<nil>]',
  ],
  [
    '%d|%s|%x|%q',
    [
      [i(1), 'a'],
      [i(1), 'a'],
      ['hi', i(255)],
      ['a', i(65)],
    ],
    '[1 %!d(string=a)]|[%!s(int=1) a]|[6869 ff]|["a" \'A\']',
  ],
  ['%d|%s', [map({ a: i(1) }), map({ a: 'x' })], 'map[%!d(string=a):1]|map[a:x]'],
  [
    '%v|%#v|%T|%T',
    [strs('a', 'b'), strs('a'), strs(), map({})],
    '[a b]|[]string{"a"}|[]string|map[string]interface {}',
  ],
  [
    '%T|%T|%T|%T|%T|%T|%T',
    [i(1), it(1, 'int64'), f(1), '', true, null, []],
    'int|int64|float64|string|bool|<nil>|[]interface {}',
  ],
  ['%t|%v|%d|%5t|%-6t|', [true, false, true, true, false], 'true|false|%!d(bool=true)| true|false |'],
  [
    '%q|%+q|%#q|%#q|%q',
    ['a"b\n', 'h\u00e9llo\u263a', 'abc', 'a`b', '\u0000\u007f\u00a0\u2028'],
    '"a\\"b\\n"|"h\\u00e9llo\\u263a"|`abc`|"a`b"|"\\x00\\x7f\\u00a0\\u2028"',
  ],
  [
    '%x|% x|%#x|% #x|%X|%10x|%-10x|%.1x',
    ['hi', 'hi', 'hi', 'hi', 'hi', 'hi', 'hi', 'hi'],
    '6869|68 69|0x6869|0x68 0x69|6869|      6869|6869      |68',
  ],
  [
    '%v %d',
    [it(9223372036854775807n, 'int64'), it(-9223372036854775808n, 'int64')],
    '9223372036854775807 -9223372036854775808',
  ],
  [
    '%6.2f|%-10.3e|%010.4g|%+010d',
    [f(3.14159), f(1234.5), f(3.14159), i(42)],
    '  3.14|1.234e+03 |000003.142|+000000042',
  ],
  ['%z %!z', [i(1), 'x'], '%!z(int=1) %!!(string=x)z'],
  ['%ä', [i(1)], '%!ä(int=1)'],
  ['%.', [i(1)], '%!.(int=1)'],
  ['%5', [i(1)], '%!(NOVERB)%!(EXTRA int=1)'],
  ['%-', [i(1)], '%!(NOVERB)%!(EXTRA int=1)'],
  ['%p', [i(1)], '%!p(int=1)'],
  ['%w', ['x'], '%!w(string=x)'],
  ['%v %v', ['a'], 'a %!v(MISSING)'],
  ['%[2]*[1]d', [i(12), i(5)], '   12'],
  ['%[5]d', [i(1)], '%!d(BADINDEX)'],
  ['%[2]d', [i(1), i(2), i(3)], '2'],
  ['%[1]d %d %d', [i(1), i(2)], '1 2 %!d(MISSING)'],
  ['%3c|%-3c|%03c', [i(65), i(65), i(65)], '  A|A  |00A'],
  ['%010s|%-010s', ['ab', 'ab'], '00000000ab|ab        '],
  ['%.3q|%10q|%-10q|', ['abcdef', 'ab', 'ab'], '"abc"|      "ab"|"ab"      |'],
  ['%8.3v|%v', [f(1234.5678), f(100000)], '1.23e+03|100000'],
  [
    '%v|%v|%v|%v|%v|%v',
    [f(0.0001), f(0.00001), f(999999), f(1000000), f(12345678.9), f(0.000123456)],
    '0.0001|1e-05|999999|1e+06|1.23456789e+07|0.000123456',
  ],
  ['%s', [f(1.5)], '%!s(float64=1.5)'],
  ['%s', [i(7)], '%!s(int=7)'],
  ['%s', [true], '%!s(bool=true)'],
  ['%6.2v|%.2v', ['hello', ['hello', f(3.14159)]], '    he|[he 3.1]'],
];

describe('sprintf', () => {
  test.each(PRINTF)('printf %s', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });
});

const KUBE_VERSION = new GoStruct(
  'common.KubeVersion',
  { Version: 'v1.35.0', normalizedVersion: 'v1.35.0', Major: '1', Minor: '35' },
  { String: { params: [], result: 'string', fn: () => 'v1.35.0' } },
);
const BUILD_INFO = new GoStruct('version.BuildInfo', { Version: 'v4.1.4', GoVersion: 'go1.25.9' });

describe('sprint and sprintln', () => {
  test.each<[GoValue[], string]>([
    [[i(1), i(2), 'a', 'b', i(3)], '1 2ab3'],
    [['a', null, 'b'], 'a<nil>b'],
    [[null, i(1), undefined], '<nil> 1 <nil>'],
    [[], ''],
    [[[i(1), 'a'], map({ k: [] }), 2.5, true], '[1 a] map[k:[]] 2.5 true'],
    [[new GoFloat32(0.1), new GoFloat32(1 / 3)], '0.1 0.33333334'],
    [[BUILD_INFO], '{v4.1.4 go1.25.9}'],
    [[new GoStruct('*version.BuildInfo', BUILD_INFO.fields)], '&{v4.1.4 go1.25.9}'],
    [[[new GoStruct('*version.BuildInfo', BUILD_INFO.fields, {}, true)]], '[<nil>]'],
  ])('sprint %#', (args, expected) => {
    expect(sprint(args)).toBe(expected);
  });

  test('sprintln separates every operand and ends the line', () => {
    expect(sprintln(['a', i(1), null])).toBe('a 1 <nil>\n');
    expect(sprintln([])).toBe('\n');
  });

  test('structs print their fields; %+v and %#v name them', () => {
    const info = new GoStruct('version.BuildInfo', { Version: 'v4.1.4', GitTreeState: 'clean' });
    expect(sprintf('%v|%+v|%#v', [info, info, info])).toBe(
      '{v4.1.4 clean}|{Version:v4.1.4 GitTreeState:clean}|version.BuildInfo{Version:"v4.1.4", GitTreeState:"clean"}',
    );
    expect(sprintf('%d', [info])).toBe('{%!d(string=v4.1.4) %!d(string=clean)}');
  });
});

describe('formatValue (what {{ x }} prints)', () => {
  test.each<[GoValue, string]>([
    [undefined, '<no value>'],
    // A nil interface result is unwrapped to no value by the executor's pipeline.
    [null, '<no value>'],
    [[i(1), i(2), i(3)], '[1 2 3]'],
    [map({ b: 2, a: 1, c: 3 }), 'map[a:1 b:2 c:3]'],
    [map({ x: map({ y: 'z' }) }), 'map[x:map[y:z]]'],
    [[1, 'a', null, true, 2.5], '[1 a <nil> true 2.5]'],
    [[], '[]'],
    [map({}), 'map[]'],
    [[null], '[<nil>]'],
    [strs('a', 'b'), '[a b]'],
    [map({ _0: 'a', _1: 'b' }, 'map[string]string'), 'map[_0:a _1:b]'],
    [1e6, '1e+06'],
    [8080, '8080'],
    [1.5, '1.5'],
    [-3, '-3'],
    [0.1, '0.1'],
    [1.2345e-5, '1.2345e-05'],
    [1e21, '1e+21'],
    [i(1000000), '1000000'],
    [it(5, 'int64'), '5'],
    [true, 'true'],
    ['s', 's'],
    [KUBE_VERSION, 'v1.35.0'],
    [new GoStruct('*version.BuildInfo', BUILD_INFO.fields), '{v4.1.4 go1.25.9}'],
    [new GoStruct('*semver.Version', {}, {}, true), '<nil>'],
  ])('%#', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  test('map keys sort by Go string order (UTF-8 bytes), not UTF-16 units', () => {
    expect(formatValue(map({ '\u{1F600}': 1, '\uFF01': 2, b: 3, B: 4 }))).toBe('map[B:4 b:3 ！:2 😀:1]');
  });
});
