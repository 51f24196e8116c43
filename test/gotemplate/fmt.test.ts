import { describe, expect, it as test } from 'vitest';
import { formatValue, sprint, sprintf, sprintln } from '../../src/gotemplate/fmt.js';
import {
  GoCallError,
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

// Random formats (flags, widths, precisions, `*`, `[n]`, odd verbs) over mixed operands.
const FUZZ: [string, GoValue[], string][] = [
  ['%b|%.3b', [f(-2.5), f(1000000)], '-5629499534213120p-51|8589934592000000p-33'],
  ['x%6U|%0.4e%+-5o', ['', i(65), i(65)], 'x%!U(string=      )|%!e(int=0065)+101 '],
  [
    '|%1.2g%0c%T',
    [f(255), 'h\u00e9llo', f(NaN), [[i(1)], map({ k: null })]],
    '|2.6e+02%!c(string=héllo)float64%!(EXTRA []interface {}=[[1] map[k:<nil>]])',
  ],
  ['x%#d', [], 'x%!d(MISSING)'],
  ['%.7qx%-.6v', [i(0), 'a"b', f(1000000)], "'\\x00'xa\"b%!(EXTRA float64=1e+06)"],
  ['|%#.2g', [[[i(1)], map({ k: null })]], '|[[%!g(int=01)] map[%!g(string=k):<nil>]]'],
  ['% z|%0gx%-q', [[i(1), 'x'], i(42)], '[%!z(int= 1) %!z(string=x)]|%!g(int=42)x%!q(MISSING)'],
  ['x%+# 08.0dx%8.2s|%-#5O', [i(-7), [], f(1e-7)], 'x      -7x[]|%!O(float64=1.00000e-07)'],
  ['% Fx%4v', [f(-2.5), null], '-2.500000x<nil>'],
  ['x%# vx%- [1]b', [map({})], 'xmap[string]interface {}{}xmap[]'],
  ['% *O', [i(0), f(1000000), ''], '%!O(float64= 1e+06)%!(EXTRA string=)'],
  ['|%[1]9.4q%[3]0v', [i(0)], '|%!q(BADINDEX)%!v(BADINDEX)'],
  [
    'x%v%-O',
    [false, map({ b: i(1), a: ['q'] })],
    'xfalsemap[%!O(string=a):[%!O(string=q)] %!O(string=b):0o1]',
  ],
  ['|%*G%.0q%#4X', [f(3), f(1e-7), f(3.14159), 'a"b'], '|%!(BADWIDTH)1E-07%!q(float64=3)0X612262'],
  ['%.*O', [i(-1), '\t\n'], '%!(BADPREC)%!O(string=\t\n)'],
  ['|%0s', [i(65)], '|%!s(int=65)'],
  ['%z', [[i(1), 'x']], '[%!z(int=1) %!z(string=x)]'],
  ['x%#.%', [f(0)], 'x%%!(EXTRA float64=0)'],
  ['|%.4v', ['a"b'], '|a"b'],
  ['x%b|%+U', [f(-2.5), null], 'x-5629499534213120p-51|%!U(<nil>)'],
  ['|%-8z', [i(0)], '|%!z(int=0       )'],
  [
    'x%00b|%-zx%v',
    [map({ b: i(1), a: ['q'] }), false, map({})],
    'xmap[%!b(string=a):[%!b(string=q)] %!b(string=b):1]|%!z(bool=false)xmap[]',
  ],
  ['%3Ex%.Ox%.%', [i(128512), i(-7)], '%!E(int=128512)x-0o7x%'],
  ['|%11vx%9cx% .4e', [[], 'a"b', i(65)], '|[]x%!c(string=      a"b)x%!e(int= 0065)'],
  ['|%+f% .5q', [map({}), f(1000000)], '|map[]%!q(float64= 1e+06)'],
  ['x%-#.7s', ['abc'], 'xabc'],
  ['x% d|%+.*d', [i(42), i(-1), false, false], 'x 42|%!(BADPREC)%!d(bool=false)%!(EXTRA bool=false)'],
  ['x%e', [[[i(1)], map({ k: null })]], 'x[[%!e(int=1)] map[%!e(string=k):<nil>]]'],
  ['x%[1]10.2E', [], 'x%!E(BADINDEX)'],
  ['%3.2q%#F', [f(1e-7), f(1000000)], '%!q(float64=1e-07)1000000.000000'],
  ['%*.7gx%0.4z', [i(0), f(1000000), map({})], '1000000xmap[]'],
  [
    '|%zx%U%#.1f',
    [i(65), 'h\u00e9llo', [[i(1)], map({ k: null })]],
    '|%!z(int=65)x%!U(string=héllo)[[%!f(int=1)] map[%!f(string=k):<nil>]]',
  ],
  [
    '%-4%|%+d|% 0[2]c',
    [it(-9223372036854775808n, 'int64'), [i(1), 'x'], [null, f(1.5)]],
    '%|-9223372036854775808|[\u0001 %!c(string=x)]',
  ],
  [
    'x%-*Ox%+g',
    [f(3), strs('x', 'y'), [i(1), 'x']],
    'x%!(BADWIDTH)[%!O(string=x) %!O(string=y)]x[%!g(int=+1) %!g(string=x)]',
  ],
  ['x%o', ['\u65e5\u672c\u8a9e'], 'x%!o(string=日本語)'],
  ['%-4.4G%- t', [f(255), map({}), f(0)], '255 map[]%!(EXTRA float64=0)'],
  ['|%0b|%s', [f(-2.5), f(0)], '|-5629499534213120p-51|%!s(float64=0)'],
  ['|%+[1]Ox%#g%- .7v', [f(0), [i(1), 'x']], '|%!O(float64=+0)x[%!g(int=1) %!g(string=x)]%!v(MISSING)'],
  ['|%+T', [i(128512)], '|int'],
  ['|% .1x%-0O', ['abc'], '|61%!O(MISSING)'],
  ['%0.*O%v', [i(-1), 'abc', map({})], '%!(BADPREC)%!O(string=abc)map[]'],
  ['|%.4U|%-O', ['', f(NaN)], '|%!U(string=)|%!O(float64=NaN)'],
  [
    '|%0.6Gx%.5U%0.0F',
    [map({ b: i(1), a: ['q'] }), true, f(-2.5)],
    '|map[%!G(string=a):[%!G(string=q)] %!G(string=b):%!G(int=000001)]x%!U(bool=true)-2',
  ],
  ['|%0*s', [i(5), f(Infinity)], '|%!s(float64= +Inf)'],
  ['%G|%+Gx%#.*e', [map({}), 'abc', i(-1)], 'map[]|%!G(string=abc)x%!(BADPREC)%!e(MISSING)'],
  ['x%x%v|%#X', ['h\u00e9llo', 'abc', ''], 'x68c3a96c6c6fabc|'],
  ['x%- *.3%', [i(-6), '\u65e5\u672c\u8a9e'], 'x%%!(EXTRA string=日本語)'],
  [
    'x%Tx%+6vx%+-v',
    [i(42), strs('x', 'y'), map({ b: i(1), a: ['q'] }), it(300, 'int64')],
    'xintx[     x      y]xmap[a:[q] b:1]%!(EXTRA int64=300)',
  ],
  ['x%00.5T%+4.*t%#*s', [f(1000000), i(2), map({}), i(5), strs('x', 'y')], 'xfloatmap[][    x     y]'],
  ['x%-F%#*gx%[3]11v', [[], f(3), f(255), f(0)], 'x[]%!(BADWIDTH)255.000x%!v(BADINDEX)'],
  ['|%.7g%+ 11c', [f(0), '', 'abc'], '|0%!c(string=           )%!(EXTRA string=abc)'],
  ['|%z%0c%+0.1b', [f(Infinity), f(3.14159), f(NaN)], '|%!z(float64=+Inf)%!c(float64=3.14159)+NaN'],
  ['|% 09.X|%d', [strs('x', 'y'), f(-0)], '|[000000000 000000000]|%!d(float64=-0)'],
  ['|%2.f%0X', [[], false], '|[]%!X(bool=false)'],
  [
    '%+[3].7vx%[1]0.0x|%+08d',
    [it(-9223372036854775808n, 'int64'), strs('x', 'y'), ''],
    '%!v(BADINDEX)x%!x(BADINDEX)|-9223372036854775808',
  ],
  ['%0*.4b', [i(-6), f(-0)], '-0p-1074'],
  ['% X%-.0Ux%0t', [f(-2.5), f(255), map({})], '-0X1.4P+01%!U(float64=3e+02)xmap[]'],
  ['x%+z|%-Gx%E', [f(1000000), '', f(NaN)], 'x%!z(float64=+1e+06)|%!G(string=)xNaN'],
  ['|%+dx%b', [[], f(1000000)], '|[]x8589934592000000p-33'],
  ['x%bx%-v%0.0e', [it(300, 'int64'), 'a"b', i(-7)], 'x100101100xa"b%!e(int=-7)'],
  ['|%2G|% v|%E', [false, i(128512), []], '|%!G(bool=false)| 128512|[]'],
  [
    '%1.2g%5v%0F',
    ['\u65e5\u672c\u8a9e', '\u65e5\u672c\u8a9e', false],
    '%!g(string=日本)  日本語%!F(bool=false)',
  ],
  ['x% e|%b', ['\u65e5\u672c\u8a9e', '', 'abc'], 'x%!e(string=日本語)|%!b(string=)%!(EXTRA string=abc)'],
  [
    '|%# o|%+0.s|%X',
    [strs('x', 'y'), [i(1), 'x'], i(42)],
    '|[%!o(string=x) %!o(string=y)]|[%!s(int=+1) ]|2A',
  ],
  [
    'x%xx% 0[1]*Ox%0v',
    ['h\u00e9llo', f(3), 'h\u00e9llo', [null, f(1.5)]],
    'x68c3a96c6c6fx%!(BADWIDTH)%!O(float64= 3)xhéllo',
  ],
  ['|%#f|%[3]cx%+.6F', [f(NaN), f(0), f(NaN)], '|NaN|%!c(float64=NaN)x%!F(MISSING)'],
  ['x%zx% 3x', ['', false, [i(1), 'x']], 'x%!z(string=)x%!x(bool=false)%!(EXTRA []interface {}=[1 x])'],
  ['%.6b', [''], '%!b(string=)'],
  ['|%O%.5o', [f(255), 'a"b'], '|%!O(float64=255)%!o(string=a"b)'],
  [
    'x% 6U|%+4x',
    [strs('x', 'y'), i(65), i(128512)],
    'x[%!U(string=     x) %!U(string=     y)]| +41%!(EXTRA int=128512)',
  ],
  ['|%# 5.1s% [2].4b|%0E', ['a"b', null, map({ b: i(1), a: ['q'] })], '|    a%!b(BADINDEX)|%!E(<nil>)'],
  [
    '%+*%%-.2E',
    [i(0), map({ b: i(1), a: ['q'] }), [[i(1)], map({ k: null })]],
    '%map[%!E(string=a):[%!E(string=q)] %!E(string=b):%!E(int=01)]%!(EXTRA []interface {}=[[1] map[k:<nil>]])',
  ],
  ['x%#1Ex%+10%', [f(1e-7), f(NaN), i(-7)], 'x1.000000E-07x%%!(EXTRA float64=NaN, int=-7)'],
  ['%#Xx%-U|%-0v', ['\t\n', i(42), i(65), i(0)], '0X090AxU+002A|65%!(EXTRA int=0)'],
  ['x%6.4v', [f(-2.5)], 'x  -2.5'],
  [
    '|%e%1d',
    [f(3.14159), map({ b: i(1), a: ['q'] })],
    '|3.141590e+00map[%!d(string=a):[%!d(string=q)] %!d(string=b):1]',
  ],
  [
    'x%#0.0G|%.fx%o',
    ['\u65e5\u672c\u8a9e', [[i(1)], map({ k: null })], i(65), it(-9223372036854775808n, 'int64')],
    'x%!G(string=)|[[%!f(int=1)] map[%!f(string=):<nil>]]x101%!(EXTRA int64=-9223372036854775808)',
  ],
  ['x% [2]5%%*.4T', [f(Infinity), f(3), f(255), true], 'x%%!(BADWIDTH)floa'],
  ['%.*t|%[1].%', [i(2), 'a"b', []], '%!t(string=a")|%'],
  ['%0v% %', [f(-0), f(3.14159)], '-0%%!(EXTRA float64=3.14159)'],
  ['% 3Xx%-.c%05.*e', [f(3.14159), it(300, 'int64'), i(2), f(0)], ' 0X1.921F9F01B866EP+01xĬ0.00e+00'],
  [
    '%1.6v',
    [it(-9223372036854775808n, 'int64'), it(300, 'int64')],
    '-9223372036854775808%!(EXTRA int64=300)',
  ],
  ['|%1.3s', [f(NaN)], '|%!s(float64=NaN)'],
  ['%7.4f|%6s', ['h\u00e9llo', true], '%!f(string=   héll)|%!s(bool=  true)'],
  ['%#0tx%#.1vx%+.v', ['', f(-2.5), it(300, 'int64')], '%!t(string=)x-2x300'],
  ['%1t|%010.*q|% 0.*t', [i(65), i(2), f(-0), i(2)], '%!t(int=65)|%!q(float64=-000000000)|%!t(MISSING)'],
  ['|%.1Tx%-.*x', [[null, f(1.5)], i(-1), f(Infinity)], '|[x%!(BADPREC)+Inf'],
  ['x%ox%-t', [f(255), null], 'x%!o(float64=255)x%!t(<nil>)'],
  [
    '%.ex%+o%*s',
    [f(1000000), 'abc', i(0), [[i(1)], map({ k: null })], true],
    '1e+06x%!o(string=abc)[[%!s(int=1)] map[k:<nil>]]%!(EXTRA bool=true)',
  ],
  ['%+#Tx%0.1v', [i(65)], 'intx%!v(MISSING)'],
  ['|% .*q', [i(2), '\t\n'], '|"\\t\\n"'],
  [
    '|%# 0.3x|%-Ux%0U',
    [it(-9223372036854775808n, 'int64'), f(3.14159), ''],
    '|-0x8000000000000000|%!U(float64=3.14159)x%!U(string=)',
  ],
  ['x%x|%0[2].*%', [strs('x', 'y'), 'x', it(300, 'int64')], 'x[78 79]|%!(BADPREC)%'],
  ['x%+[2]4.6s', [], 'x%!s(BADINDEX)'],
  [
    '%sx%0zx%X',
    [f(-2.5), [null, f(1.5)], 'h\u00e9llo'],
    '%!s(float64=-2.5)x[<nil> %!z(float64=1.5)]x68C3A96C6C6F',
  ],
  ['x%#*gx%06x', [i(5), 'abc'], 'x%!g(string=  abc)x%!x(MISSING)'],
  ['%ex%-v', ['h\u00e9llo', '\t\n'], '%!e(string=héllo)x\t\n'],
  ['|%-[1].0U%X', [[i(1), 'x'], f(1000000)], '|%!U(BADINDEX)[1 78]'],
  ['x%4e', [f(3.14159)], 'x3.141590e+00'],
  [
    '|%0.*G|%+.qx%G',
    [i(2), it(-9223372036854775808n, 'int64'), f(-0), i(65)],
    '|%!G(int64=-9223372036854775808)|%!q(float64=-0)x%!G(int=65)',
  ],
];

describe('sprintf', () => {
  test.each(PRINTF)('printf %s', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });

  test.each(FUZZ)('printf %s', (format, args, expected) => {
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

describe('values Go cannot print', () => {
  test('a map that contains itself is an error, not a stack overflow', () => {
    const m = map({});
    setMapKey(m, 'self', m);
    expect(() => sprint([m])).toThrow(GoCallError);
    // The same map twice side by side is fine.
    const inner = map({ a: 1 });
    expect(sprint([[inner, inner]])).toBe('[map[a:1] map[a:1]]');
  });

  test('a panicking String method is reported in place', () => {
    const bad = new GoStruct(
      'x.T',
      {},
      {
        String: {
          params: [],
          fn: () => {
            throw new Error('boom');
          },
        },
      },
    );
    expect(sprint([bad])).toBe('%!v(PANIC=String method: boom)');
  });
});

describe('integer types', () => {
  // From fmt's printValue/fmtInteger rules: unsigned %#v is hex, %x of a negative int keeps its sign.
  test.each<[string, GoValue[], string]>([
    [
      '%v %d %x',
      [it(2n ** 64n - 1n, 'uint64'), it(2n ** 64n - 1n, 'uint64'), it(2n ** 64n - 1n, 'uint64')],
      '18446744073709551615 18446744073709551615 ffffffffffffffff',
    ],
    ['%#v %#v %#v', [it(255, 'uint8'), i(255), it(-1, 'int8')], '0xff 255 -1'],
    [
      '%T %T %T %T',
      [it(1, 'uint8'), it(1, 'int32'), it(1, 'uintptr'), new GoFloat32(1)],
      'uint8 int32 uintptr float32',
    ],
    ['%c %q %U', [it(0x263a, 'int32'), it(0x263a, 'int32'), it(0x263a, 'int32')], "☺ '☺' U+263A"],
    ['%c|%q', [it(0xd800, 'int32'), it(-1, 'int64')], "\ufffd|'\ufffd'"],
    ['%v %.3v %e', [new GoFloat32(0.1), new GoFloat32(3.14159), new GoFloat32(0.1)], '0.1 3.14 1.000000e-01'],
  ])('%s', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });
});

describe('methods declared on the pointer type', () => {
  const kubeVersion = new GoStruct(
    'common.KubeVersion',
    { Version: 'v1.31.0', normalizedVersion: 'v1.31.0', Major: '1', Minor: '31' },
    { String: { params: [], result: 'string', pointerReceiver: true, fn: () => 'v1.31.0' } },
  );

  test('a struct value passed to printf has no pointer methods (helm v4.1.4)', () => {
    expect(sprintf('%v|%+v|%s', [kubeVersion, kubeVersion, kubeVersion])).toBe(
      '{v1.31.0 v1.31.0 1 31}|{Version:v1.31.0 normalizedVersion:v1.31.0 Major:1 Minor:31}|{v1.31.0 v1.31.0 1 31}',
    );
  });

  test('{{ .Capabilities.KubeVersion }} prints through String (an addressable field)', () => {
    expect(formatValue(kubeVersion)).toBe('v1.31.0');
  });

  test('a pointer has every method', () => {
    const ptr = new GoStruct('*common.KubeVersion', kubeVersion.fields, kubeVersion.methods);
    expect(sprint([ptr])).toBe('v1.31.0');
  });
});

describe('bytes that are not UTF-8', () => {
  // A Go string byte 0x80–0xFF outside UTF-8 is carried as U+DC80–U+DCFF.
  test('quote as \\x escapes and hex-dump as the byte', () => {
    expect(sprintf('%q|%x|%+q|%5s|', ['a\udc80b', 'a\udc80', '\udcff', '\udc80'])).toBe(
      '"a\\x80b"|6180|"\\xff"|    \udc80|',
    );
  });

  test('other lone surrogates read as U+FFFD', () => {
    expect(sprintf('%q', ['\ud800'])).toBe('"\ufffd"');
  });
});
