import { describe, expect, it } from 'vitest';
import { GoStruct, goInt, typeOf, type GoValue } from '../../../src/gotemplate/value.js';
import { call, callError, int, rows } from './call.js';

// Expected values are helm v4.1.4's output for the same calls; numbers from values are float64.
const cases: [string, GoValue[], GoValue][] = [
  ['toString', [1.5], '1.5'],
  ['toString', [1000000], '1e+06'],
  ['toString', [null], '<nil>'],
  ['toString', [[1, 2, 3]], '[1 2 3]'],
  ['toString', [new GoStruct('*semver.Version', {}, { String: { params: [], fn: () => '1.2.3' } })], '1.2.3'],
  ['toStrings', [[int(1), null, 'a', 1.5]], ['1', 'a', '1.5']],
  ['toStrings', ['x'], ['x']],
  ['toStrings', [null], []],
  ['sortAlpha', [['b', int(10), 'a', int(2)]], ['10', '2', 'a', 'b']],
  ['sortAlpha', ['x'], ['x']],
  ['sortAlpha', [null], ['<nil>']],
  ['sortAlpha', [['b', 'é', 'z', '\u{1F600}', '\uFFFD']], ['b', 'z', 'é', '\uFFFD', '\u{1F600}']],
  ['join', [',', [int(1), int(2), 'a']], '1,2,a'],
  ['join', ['-', [int(1), null, 'a']], '1-a'],
  ['join', [',', 'abc'], 'abc'],
  ['join', [',', null], ''],
  ['cat', ['a', null, int(1), [int(1), int(2)]], 'a 1 [1 2]'],
  ['quote', [1.5], '"1.5"'],
  ['quote', [null], ''],
  ['quote', ['a"b'], '"a\\"b"'],
  ['quote', [1000000], '"1e+06"'],
  ['quote', ['a', null, int(2)], '"a" "2"'],
  ['quote', ['é\x01'], '"é\\x01"'],
  ['squote', ['a'], "'a'"],
  ['squote', ['a', null, int(2)], "'a' '2'"],
  ['squote', [1000000], "'1e+06'"],
  ['hello', [], 'Hello!'],
];

describe('sprig conversions to strings', () => {
  it.each(rows(cases))('%s', (_, name, args, want) => {
    expect(call(name, ...args)).toStrictEqual(want);
  });

  it('returns Go-typed string lists', () => {
    expect(typeOf(call('toStrings', [int(1)]))).toBe('[]string');
    expect(typeOf(call('sortAlpha', ['a']))).toBe('[]string');
    expect(typeOf(call('atoi', '1'))).toBe('int');
    expect(typeOf(call('toDecimal', goInt(1)))).toBe('int64');
  });

  it('stops a runaway join', () => {
    expect(
      callError(
        'join',
        'x'.repeat(100_000),
        Array.from({ length: 200 }, () => 'a'),
      ),
    ).toMatch(/join .* limit/);
  });
});
