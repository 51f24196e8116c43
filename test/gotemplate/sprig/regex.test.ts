import { describe, expect, it } from 'vitest';

import { regexFuncMap } from '../../../src/gotemplate/sprig/regex.js';
import { GoCallError, GoInt, type GoValue } from '../../../src/gotemplate/value.js';

type Want = boolean | string | string[] | null | { error: string };

// [function, arguments, what helm v4.1.4 answered (through toJson; null is a nil slice)]
const CASES: [string, (string | number)[], Want][] = [
  ['regexMatch', ['^v[0-9]', 'v1'], true],
  ['regexMatch', ['[', 'x'], false],
  ['regexMatch', ['(?i)ABC', 'xabcx'], true],
  ['regexMatch', ['^a$', 'a\n'], false],
  ['regexMatch', ['\\pL+', 'é'], true],
  ['mustRegexMatch', ['[[:alpha:]]+', '123'], false],
  ['mustRegexMatch', ['a{2,1}', 'x'], { error: 'error parsing regexp: invalid repeat count: `{2,1}`' }],
  ['mustRegexMatch', ['(?<=a)b', 'ab'], { error: 'error parsing regexp: invalid named capture: `(?<=a)b`' }],
  ['regexFind', ['[0-9]+', 'ab123c45'], '123'],
  ['regexFind', ['x', 'abc'], ''],
  ['regexFind', ['(', 'x'], { error: 'regexp: Compile(`(`): error parsing regexp: missing closing ): `(`' }],
  ['mustRegexFind', ['(', 'x'], { error: 'error parsing regexp: missing closing ): `(`' }],
  ['regexFind', ['(?s)a.b', 'a\nb'], 'a\nb'],
  ['regexFind', ['a.b', 'a\nb'], ''],
  ['regexFindAll', ['a.', 'abacad', -1], ['ab', 'ac', 'ad']],
  ['regexFindAll', ['a.', 'abacad', 2], ['ab', 'ac']],
  ['regexFindAll', ['a.', 'abacad', 0], null],
  ['regexFindAll', ['x*', 'abc', -1], ['', '', '', '']],
  ['regexFindAll', ['a*', 'baaac', -1], ['', 'aaa', '']],
  ['regexFindAll', ['a', 'b', -1], null],
  ['regexFindAll', ['.', 'é😀x', -1], ['é', '😀', 'x']],
  [
    'regexFindAll',
    ['[', 'x', 1],
    { error: 'regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`' },
  ],
  ['mustRegexFindAll', ['[', 'x', 1], { error: 'error parsing regexp: missing closing ]: `[`' }],
  ['regexFindAll', ['\\d+', 'a1b22c333', 10], ['1', '22', '333']],
  ['regexReplaceAll', ['a(x*)b', '-ab-axxb-', '${1}W'], '-W-xxW-'],
  ['regexReplaceAll', ['a(x*)b', '-ab-axxb-', '$1W'], '---'],
  ['regexReplaceAll', ['(?P<n>x+)', 'axxb', '[${n}$$]'], 'a[xx$]b'],
  ['regexReplaceAll', ['(x)', 'axb', '$2|$0|${1'], 'a|x|${1b'],
  ['regexReplaceAll', ['a*', 'baaac', 'X'], 'XbXcX'],
  ['regexReplaceAll', ['', 'abc', '-'], '-a-b-c-'],
  ['regexReplaceAll', ['(a)(b)?', 'a', '[$2]'], '[]'],
  ['regexReplaceAll', ['(?P<first>\\w+) (?P<last>\\w+)', 'John Smith', '${last}, ${first}'], 'Smith, John'],
  ['regexReplaceAll', ['(a)', 'a', '$01'], ''],
  ['regexReplaceAll', ['(a)', 'a', '$1$'], 'a$'],
  [
    'regexReplaceAll',
    ['[', 'a', 'x'],
    { error: 'regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`' },
  ],
  ['mustRegexReplaceAll', ['[', 'a', 'x'], { error: 'error parsing regexp: missing closing ]: `[`' }],
  ['regexReplaceAll', ['é', 'aéb😀é', '$$'], 'a$b😀$'],
  ['regexReplaceAllLiteral', ['x', 'axb', '$1'], 'a$1b'],
  ['regexReplaceAllLiteral', ['x*', 'ab', '-'], '-a-b-'],
  ['mustRegexReplaceAllLiteral', ['a(', 'x', ''], { error: 'error parsing regexp: missing closing ): `a(`' }],
  ['regexSplit', [',', 'a,b,c', 2], ['a', 'b,c']],
  ['regexSplit', [',', 'a,b,c', -1], ['a', 'b', 'c']],
  ['regexSplit', ['x*', 'abc', -1], ['a', 'b', 'c']],
  ['regexSplit', [',', 'a,b,c', 0], null],
  ['regexSplit', ['', 'abc', -1], ['a', 'b', 'c']],
  ['regexSplit', ['a', '', -1], ['']],
  ['regexSplit', ['', '', -1], []],
  ['regexSplit', [',', ',a,', -1], ['', 'a', '']],
  ['regexSplit', ['z*', 'abc', 2], ['a', 'bc']],
  ['regexSplit', ['\\s+', ' a  b ', -1], ['', 'a', 'b', '']],
  [
    'mustRegexSplit',
    ['+', 'a', -1],
    { error: 'error parsing regexp: missing argument to repetition operator: `+`' },
  ],
  [
    'regexSplit',
    ['+', 'a', -1],
    { error: 'regexp: Compile(`+`): error parsing regexp: missing argument to repetition operator: `+`' },
  ],
  [
    'regexQuoteMeta',
    ['a.b*c[d]{e}(f)|g^h$i\\j?k+'],
    'a\\.b\\*c\\[d\\]\\{e\\}\\(f\\)\\|g\\^h\\$i\\\\j\\?k\\+',
  ],
  [
    'regexFind',
    ['\u0001[', 'x'],
    { error: 'regexp: Compile("\\x01["): error parsing regexp: missing closing ]: `[`' },
  ],
  [
    'regexFind',
    ['`[', 'x'],
    { error: 'regexp: Compile("`["): error parsing regexp: missing closing ]: `[`' },
  ],
];

function call(name: string, args: (string | number)[]): Want {
  const f = regexFuncMap[name];
  if (!f) throw new Error(`no function ${name}`);
  const goArgs: GoValue[] = args.map((a) => (typeof a === 'number' ? new GoInt('int', BigInt(a)) : a));
  try {
    const v = f.fn(...goArgs);
    return Array.isArray(v) ? [...(v as string[])] : (v as Want);
  } catch (e) {
    if (e instanceof GoCallError) return { error: e.message };
    throw e;
  }
}

describe('sprig regex functions', () => {
  it.each(CASES)('%s %j', (name, args, want) => {
    // A nil []string prints and ranges like an empty one; the value model has no typed nil slice.
    expect(call(name, args)).toEqual(want === null ? [] : want);
  });

  it('declares Go signatures', () => {
    expect(regexFuncMap['regexSplit']?.params).toEqual(['string', 'string', 'int']);
    expect(regexFuncMap['regexFindAll']?.result).toBe('[]string');
  });
});
