import { describe, expect, it } from 'vitest';
import { GO_TYPE, typeOf, type GoMap, type GoValue } from '../../../src/gotemplate/value.js';
import { call, callError, funcs, int, rows } from './call.js';

// Expected values are helm v4.1.4's output for the same calls.
const cases: [string, GoValue[], string][] = [
  ['upper', ['ab'], 'AB'],
  ['upper', ['straße'], 'STRAßE'],
  ['lower', ['AB'], 'ab'],
  ['lower', ['İX'], 'ix'],
  ['title', ['hello world'], 'Hello World'],
  ['title', ['hello world-foo_bar x.y 3d'], 'Hello World-Foo_bar X.Y 3d'],
  ['title', ['éa ǆb'], 'Éa ǅb'],
  ['untitle', ['Hello World'], 'hello world'],
  ['camelcase', ['foo_bar'], 'FooBar'],
  ['camelcase', ['__foo__bar_'], '__Foo_Bar_'],
  ['camelcase', ['fooBar baz'], 'FooBarBaz'],
  ['camelcase', ['x'], 'X'],
  ['camelcase', ['HELLO_WORLD'], 'HelloWorld'],
  ['camelcase', ['_'], '__'],
  ['camelcase', ['some words'], 'SomeWords'],
  ['camelcase', ['_complex__case_'], '_Complex_Case_'],
  ['camelcase', ['FooBAR'], 'FooBAR'],
  ['camelcase', ['ÉCOLE_été'], 'ÉcoleÉté'],
  ['snakecase', ['FooBar'], 'foo_bar'],
  ['snakecase', ['FirstName'], 'first_name'],
  ['snakecase', ['HTTPServer'], 'http_server'],
  ['snakecase', ['NoHTTPS'], 'no_https'],
  ['snakecase', ['GO_PATH'], 'go_path'],
  ['snakecase', ['GO PATH'], 'go_path'],
  ['snakecase', ['GO-PATH'], 'go_path'],
  ['snakecase', ['http2xx'], 'http_2xx'],
  ['snakecase', ['HTTP20xOK'], 'http_20x_ok'],
  ['snakecase', ['Duration2m3s'], 'duration_2m3s'],
  ['snakecase', ['Bld4Floor3rd'], 'bld4_floor_3rd'],
  ['snakecase', ['a__b'], 'a__b'],
  ['snakecase', ['_a_'], '_a_'],
  ['snakecase', ['foo.bar'], 'foo.bar'],
  ['snakecase', ['x 中文 y'], 'x_中文_y'],
  ['snakecase', ['ab1'], 'ab1'],
  ['snakecase', ['A1b'], 'a_1b'],
  ['snakecase', ['1a.b'], '1a.b'],
  ['kebabcase', ['FooBar'], 'foo-bar'],
  ['kebabcase', ['HTTPStatusCode'], 'http-status-code'],
  ['kebabcase', ['some_words here'], 'some-words-here'],
  ['kebabcase', ['Hello, World!'], 'hello,-world!'],
  ['swapcase', ['hello World'], 'HELLO wORLD'],
  ['swapcase', ['HELLO wORLD'], 'hello World'],
  ['swapcase', ['ǆ x'], 'ǅ X'],
  ['abbrev', [int(5), 'hello world'], 'he...'],
  ['abbrev', [int(3), 'hello'], 'hello'],
  ['abbrev', [int(20), 'hello'], 'hello'],
  ['abbrevboth', [int(5), int(10), '1234 5678 9123'], '...5678...'],
  ['abbrevboth', [int(0), int(4), 'abcdefg'], 'a...'],
  ['abbrevboth', [int(10), int(7), 'abcdefghijklmnopqrstuvwxyz'], '...k...'],
  ['initials', ['First Try'], 'FT'],
  ['initials', ['élan vital'], 'Ãv'],
  ['nospace', ['a b\tc'], 'abc'],
  ['nospace', ['é x'], 'Ã©x'],
  ['nospace', ['éx'], 'éx'],
  ['wrap', [int(5), 'Hello World, this is a test'], 'Hello\nWorld,\nthis\nis a\ntest'],
  ['wrapWith', [int(5), '\t', 'Hello World'], 'Hello\tWorld'],
  ['wrap', [int(3), 'abcdefgh ij'], 'abcdefgh\nij'],
  ['wrapWith', [int(3), '|', 'abcdefgh ij'], 'abc|def|gh|ij'],
  ['wrap', [int(0), 'a b'], 'a\nb'],
  ['trunc', [int(3), 'abcdef'], 'abc'],
  ['trunc', [int(-2), 'abcdef'], 'ef'],
  ['trunc', [int(-3), 'héllo'], 'llo'],
  ['trunc', [int(0), 'x'], ''],
  // Go keeps the cut bytes: each rides as a raw-byte surrogate U+DC80–U+DCFF.
  ['trunc', [int(2), 'ᾳ'], '\uDCE1\uDCBE'],
  ['wrapWith', [int(1), '|', 'é'], '\uDCC3|\uDCA9'],
  ['trunc', [int(-10), 'abc'], 'abc'],
  ['substr', [int(1), int(3), 'hello'], 'el'],
  ['substr', [int(-1), int(3), 'hello'], 'hel'],
  ['substr', [int(2), int(-1), 'hello'], 'llo'],
  ['substr', [int(2), int(99), 'hello'], 'llo'],
  ['trim', ['  x '], 'x'],
  ['trim', ['\u0085 x \ufeff'], 'x \ufeff'],
  ['trimAll', ['$', '$$5.00$'], '5.00'],
  ['trimall', ['ab', 'abxba'], 'x'],
  ['trimSuffix', ['-', 'a-'], 'a'],
  ['trimSuffix', ['', 'a'], 'a'],
  ['trimPrefix', ['a', 'ab'], 'b'],
  ['repeat', [int(2), 'x'], 'xx'],
  ['replace', ['a', 'b', 'aaa'], 'bbb'],
  ['replace', ['', '-', 'abc'], '-a-b-c-'],
  ['plural', ['one', 'many', int(1)], 'one'],
  ['plural', ['one', 'many', int(2)], 'many'],
  ['indent', [int(4), 'a\nb'], '    a\n    b'],
  ['nindent', [int(2), 'a\nb'], '\n  a\n  b'],
];

describe('sprig string functions', () => {
  it.each(rows(cases))('%s', (_, name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });

  it('answers contains, hasPrefix and hasSuffix with the subject last', () => {
    expect(call('contains', 'b', 'abc')).toBe(true);
    expect(call('contains', 'x', 'abc')).toBe(false);
    expect(call('hasPrefix', 'a', 'ab')).toBe(true);
    expect(call('hasSuffix', 'a', 'ab')).toBe(false);
  });

  it.each([
    ['substr', [int(-1), int(9), 'hello'], 'runtime error: slice bounds out of range [:9] with length 5'],
    ['substr', [int(7), int(-1), 'hello'], 'runtime error: slice bounds out of range [7:5]'],
    ['substr', [int(3), int(2), 'hello'], 'runtime error: slice bounds out of range [3:2]'],
    ['substr', [int(-1), int(-1), 'hello'], 'runtime error: slice bounds out of range [:-1]'],
    ['repeat', [int(-1), 'x'], 'strings: negative Repeat count'],
    ['indent', [int(-1), 'x'], 'strings: negative Repeat count'],
  ] as [string, GoValue[], string][])('%s %# fails as Go panics', (name, args, message) => {
    expect(callError(name, ...args)).toBe(message);
  });

  it('splits into Go-typed results', () => {
    const list = call('splitList', ',', 'a,b');
    expect(list).toEqual(['a', 'b']);
    expect(typeOf(list)).toBe('[]string');
    expect(call('splitList', '', 'abc')).toEqual(['a', 'b', 'c']);
    expect(call('splitList', ',', '')).toEqual(['']);
    const map = call('split', ',', 'a,b') as GoMap;
    expect(map[GO_TYPE]).toBe('map[string]string');
    expect({ ...map }).toEqual({ _0: 'a', _1: 'b' });
    expect({ ...(call('splitn', ',', int(2), 'a,b,c') as GoMap) }).toEqual({ _0: 'a', _1: 'b,c' });
    expect({ ...(call('splitn', ',', int(0), 'a,b,c') as GoMap) }).toEqual({});
    expect({ ...(call('splitn', ',', int(-1), 'a,b,c') as GoMap) }).toEqual({
      _0: 'a',
      _1: 'b',
      _2: 'c',
    });
  });

  it('stops runaway sizes with an error naming the limit', () => {
    expect(callError('repeat', int(100_000_000), 'x')).toMatch(/repeat would produce .* limit/);
    expect(callError('indent', int(20_000_000), 'x')).toMatch(/indent .* limit/);
    expect(callError('replace', 'a', 'x'.repeat(1000), 'a'.repeat(20_000))).toMatch(/limit/);
  });

  it('declares Go parameter types so the executor can reject what Go rejects', () => {
    expect(funcs.trunc?.params).toEqual(['int', 'string']);
    expect(funcs.indent?.params).toEqual(['int', 'string']);
    expect(funcs.plural?.params).toEqual(['string', 'string', 'int']);
    expect(funcs.contains?.result).toBe('bool');
  });
});
