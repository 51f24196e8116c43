import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { GoInt, type GoMap, type GoValue } from '../../../src/gotemplate/value.js';
import {
  applySetFlag,
  applySetFlags,
  mergeValueMaps,
  type SetKind,
} from '../../../src/helm/values/strvals/index.js';

const int = (n: number | bigint): GoInt => new GoInt('int64', BigInt(n));

function apply(kind: SetKind, ...args: string[]): GoMap {
  const into: GoMap = {};
  for (const a of args) applySetFlag(into, kind, a, (p) => `<${p}>`);
  return into;
}

function failure(into: GoMap, kind: SetKind, arg: string): DiagnosticError {
  try {
    applySetFlag(into, kind, arg, (p) => {
      throw new Error(`open ${p}: no such file or directory`);
    });
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error(`no error for ${kind} ${arg}`);
}

describe('--set typing (typedVal)', () => {
  const cases: [string, GoValue][] = [
    ['1', int(1)],
    ['-5', int(-5)],
    ['+3', int(3)],
    ['0', int(0)],
    ['9223372036854775807', int(9223372036854775807n)],
    ['9223372036854775808', '9223372036854775808'],
    ['1.5', '1.5'],
    ['1e3', '1e3'],
    ['0x10', '0x10'],
    ['007', '007'],
    ['1_000', '1_000'],
    ['"1"', '"1"'],
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['fal\u017fe', false],
    ['null', null],
    ['Null', null],
    ['', ''],
    ['yes', 'yes'],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(apply('set', `a=${text}`).a).toEqual(want);
    expect(apply('set-string', `a=${text}`).a).toBe(text);
  });
});

describe('names and values', () => {
  const cases: [string, SetKind, string[], GoMap][] = [
    ['dotted names', 'set', ['a.b.c=x'], { a: { b: { c: 'x' } } }],
    ['several pairs', 'set', ['a=1,b=two'], { a: int(1), b: 'two' }],
    ['escaped dot and comma', 'set', ['a\\.b=x\\,y'], { 'a.b': 'x,y' }],
    ['lists pad with nil', 'set', ['a[2]=x'], { a: [null, null, 'x'] }],
    ['maps in lists', 'set', ['a[0].b=1,a[1].c=2'], { a: [{ b: int(1) }, { c: int(2) }] }],
    ['lists in lists', 'set', ['a[1][0]=x'], { a: [null, ['x']] }],
    ['list syntax', 'set', ['a={x,1,true},b=2'], { a: ['x', int(1), true], b: int(2) }],
    ['list item list', 'set', ['a[0]={1,2}'], { a: [[int(1), int(2)]] }],
    ['merges into earlier flags', 'set', ['a.b=1', 'a.c=2'], { a: { b: int(1), c: int(2) } }],
    ['index replaces a scalar item by a map', 'set', ['a[0]=x', 'a[0].b=1'], { a: [{ b: int(1) }] }],
    ['empty value', 'set', ['a=,b='], { a: '', b: '' }],
    ['= in a value', 'set', ['a=b=c'], { a: 'b=c' }],
    ['trailing index sets an empty list', 'set', ['a[0]'], { a: [] }],
    ['trailing dot sets nothing', 'set', ['a.'], {}],
    ['unclosed index sets nothing', 'set', ['a[1'], {}],
    ['empty name sets nothing', 'set', ['=1', '.a=1'], {}],
    ['null is kept for coalescing', 'set', ['a=null'], { a: null }],
    ['unicode names', 'set', ['ü.é=ß'], { ü: { é: 'ß' } }],
    ['strings stay strings', 'set-string', ['a={1,true},b[1]=2'], { a: ['1', 'true'], b: [null, '2'] }],
    ['files are read', 'set-file', ['a=x.txt,b={y,z}'], { a: '<x.txt>', b: ['<y>', '<z>'] }],
    ['an empty file value is not read', 'set-file', ['a='], { a: '' }],
    ['literal keeps everything', 'set-literal', ['a.b=x,y=z\\,{q}'], { a: { b: 'x,y=z\\,{q}' } }],
    ['literal names have no commas', 'set-literal', ['a,b=1'], { 'a,b': '1' }],
    ['literal lists', 'set-literal', ['a[1].c=1'], { a: [null, { c: '1' }] }],
    [
      'json values',
      'set-json',
      ['a={"x":1,"y":[true,null,"s"]},b="s"'],
      { a: { x: 1, y: [true, null, 's'] }, b: 's' },
    ],
    ['json lists and items', 'set-json', ['a=[1,2]', 'b[1]={"k":"v"}'], { a: [1, 2], b: [null, { k: 'v' }] }],
    ['json empty is null', 'set-json', ['a= , b=3'], { a: null, ' b': 3 }],
    ['json separated by spaces', 'set-json', ['a=1 b=2'], { a: 1, b: 2 }],
    ['json whole object merges', 'set-json', ['{"a":{"b":1}}', ' {"a":{"c":2}} '], { a: { b: 1, c: 2 } }],
  ];
  it.each(cases)('%s', (_, kind, args, want) => {
    expect(apply(kind, ...args)).toEqual(want);
  });

  it('stores int64 for --set integers, float64 for JSON numbers', () => {
    expect(apply('set', 'a=1').a).toBeInstanceOf(GoInt);
    expect(apply('set-json', 'a=1').a).toBe(1);
  });

  it('keeps __proto__ as a plain key', () => {
    const out = apply('set', '__proto__.x=1');
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe('errors worded as helm words them', () => {
  const cases: [SetKind, string, string][] = [
    ['set', 'a', 'failed parsing --set data: key "a" has no value'],
    ['set', 'a,b=1', 'failed parsing --set data: key "a" has no value (cannot end with ,)'],
    ['set', 'a.b', 'failed parsing --set data: key "b" has no value'],
    ['set', 'a..b=1', 'failed parsing --set data: key map "a" has no value'],
    [
      'set',
      'a[x]=1',
      'failed parsing --set data: error parsing index: strconv.Atoi: parsing "x": invalid syntax',
    ],
    [
      'set',
      'a[]=1',
      'failed parsing --set data: error parsing index: strconv.Atoi: parsing "": invalid syntax',
    ],
    [
      'set',
      'a[99999999999999999999]=1',
      'failed parsing --set data: error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    ['set', 'a[-1]=1', 'failed parsing --set data: negative -1 index not allowed'],
    [
      'set',
      'a[65537]=1',
      'failed parsing --set data: index of 65537 is greater than maximum supported index of 65536',
    ],
    ['set', 'a[0]bc=1', "failed parsing --set data: unexpected data at end of array index: ['b' 'c']"],
    ['set', 'a={x,y', "failed parsing --set data: list must terminate with '}'"],
    [
      'set',
      'a=1,a.b=2',
      'failed parsing --set data: unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}',
    ],
    [
      'set',
      'a.b=1,a[0]=2',
      'failed parsing --set data: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}',
    ],
    [
      'set',
      'a=null,a.b=1',
      'failed parsing --set data: unable to parse key: interface conversion: interface {} is nil, not map[string]interface {}',
    ],
    [
      'set',
      `${'a.'.repeat(31)}b=1`,
      'failed parsing --set data: value name nested level is greater than maximum supported nested level of 30',
    ],
    ['set-string', 'a', 'failed parsing --set-string data: key "a" has no value'],
    ['set-literal', 'a', 'failed parsing --set-literal data: key "a" has no value'],
    ['set-file', 'a=nofile', 'failed parsing --set-file data: open nofile: no such file or directory'],
    ['set-json', 'a={', 'failed parsing --set-json data a={'],
    ['set-json', 'a=1x', 'failed parsing --set-json data a=1x'],
    ['set-json', 'a=1e400', 'failed parsing --set-json data a=1e400'],
    ['set-json', '{"a":1} x', 'failed parsing --set-json data JSON: {"a":1} x'],
  ];
  it.each(cases)('%s %s', (kind, arg, message) => {
    const e = failure({}, kind, arg);
    expect(e.message).toBe(message);
    expect(e.diagnostic.rule).toBe('helm-set');
    expect(e.diagnostic.hint).toBeTruthy();
  });

  it('stops names that nest maps and lists too deeply, without exhausting the stack', () => {
    const e = failure({}, 'set', `a${'[0]'.repeat(20000)}=1`);
    expect(e.message).toContain('nests more than 500');
    expect(failure({}, 'set', `a${'[0].b'.repeat(20000)}=1`).message).toContain('nests more than 500');
    expect(failure({}, 'set-json', `a=${'['.repeat(20000)}`).message).toBe(
      `failed parsing --set-json data a=${'['.repeat(20000)}`,
    );
  });

  it('sees values files under the flags (a float64 is no map)', () => {
    expect(failure({ a: 1 }, 'set', 'a.b=1').message).toContain('interface {} is float64, not');
  });
});

describe('order and merging', () => {
  it('applies kinds in helm order: json, set, string, file, literal', () => {
    const into: GoMap = {};
    applySetFlags(
      into,
      [
        { kind: 'set-literal', argument: 'e=lit' },
        { kind: 'set-file', argument: 'd=f,e=f' },
        { kind: 'set-string', argument: 'c=2,d=2,e=2' },
        { kind: 'set', argument: 'b=1,c=1,d=1,e=1' },
        { kind: 'set-json', argument: 'a=0,b=0,c=0,d=0,e=0' },
        { kind: 'set', argument: 'b=last' },
      ],
      (p) => `<${p}>`,
    );
    expect(into).toEqual({ a: 0, b: 'last', c: '2', d: '<f>', e: 'lit' });
  });

  it('merges maps of values files key by key, without changing the sources', () => {
    const shared = { b: 1 };
    const into: GoMap = { a: shared, l: [1] };
    mergeValueMaps(into, { a: { c: 2 }, l: [2] });
    expect(into).toEqual({ a: { b: 1, c: 2 }, l: [2] });
    expect(shared).toEqual({ b: 1 });
  });
});
