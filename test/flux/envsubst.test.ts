import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { envsubst, EnvsubstError } from '../../src/flux/envsubst/index.js';

interface Case {
  input: string;
  vars?: Record<string, string>;
  /** Expected output in both modes, or per mode. */
  out?: string;
  lenient?: string;
  /** Expected error text in both modes, or only in strict mode. */
  error?: string;
  strictError?: string;
}

function run(c: Case, strict: boolean): string {
  const vars = c.vars ?? {};
  return envsubst(c.input, (n) => (Object.hasOwn(vars, n) ? vars[n] : undefined), { strict });
}

function check(c: Case): void {
  for (const strict of [false, true]) {
    const error = c.error ?? (strict ? c.strictError : undefined);
    if (error !== undefined) {
      expect(() => run(c, strict), `strict=${strict}`).toThrowError(new RegExp(`^${escapeRe(error)}$`));
      continue;
    }
    const want = strict ? c.out : (c.lenient ?? c.out);
    expect(run(c, strict), `strict=${strict}`).toBe(want);
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NOT_SET = (name: string): string => `variable not set (strict mode): "${name}"`;

describe('§9 case 23: basics (vars {env: prod})', () => {
  const vars = { env: 'prod' };
  it.each<Case>([
    { input: '${env}', vars, out: 'prod' },
    { input: '$env', vars, out: '$env' },
    { input: '$${env}', vars, out: '${env}' },
    { input: '${missing}', vars, lenient: '', strictError: NOT_SET('missing') },
  ])('$input', check);
});

describe('§9 case 24: defaults (no x; y = "")', () => {
  const vars = { y: '' };
  it.each<Case>([
    { input: '${x:=d}', vars, out: 'd' },
    { input: '${x:-d}', vars, out: 'd' },
    { input: '${x=d}', vars, out: 'd' },
    { input: '${y=d}', vars, out: 'd' },
    { input: '${x:+d}', vars, out: 'd' },
    { input: '${x:?d}', vars, out: 'd' },
    { input: '${x-d}', vars, error: 'missing closing brace' },
    { input: '${x+d}', vars, error: 'missing closing brace' },
    { input: '${x?d}', vars, error: 'missing closing brace' },
  ])('$input', check);
});

describe('§9 case 25: bad variable names', () => {
  it.each<Case>([
    { input: 'echo ${ x}', error: 'unable to parse variable name' },
    { input: 'echo ${}', error: 'unable to parse variable name' },
    { input: 'for a in "${@}"; do', error: 'unable to parse variable name' },
    { input: 'echo ${!x}', error: 'unable to parse variable name' },
    { input: 'for a in "$${@}"; do', out: 'for a in "${@}"; do' },
  ])('$input', check);
});

describe('§9 case 37: operators', () => {
  it.each<Case>([
    { input: '${v%.*}', vars: { v: 'file.tar.gz' }, out: 'file.tar' },
    { input: '${v%%.*}', vars: { v: 'file.tar.gz' }, out: 'file' },
    { input: '${v#*.}', vars: { v: 'file.tar.gz' }, out: 'tar.gz' },
    { input: '${v##*.}', vars: { v: 'file.tar.gz' }, out: 'gz' },
    { input: '${v/./-}', vars: { v: 'a.b.c' }, out: 'a-b.c' },
    { input: '${v//./-}', vars: { v: 'a.b.c' }, out: 'a-b-c' },
    { input: '${v:2}', vars: { v: 'abcdef' }, out: 'cdef' },
    { input: '${v:2:2}', vars: { v: 'abcdef' }, out: 'cd' },
    { input: '${v:-2}', vars: { v: 'abcdef' }, out: 'abcdef' },
    { input: '${v: -2}', vars: { v: 'abcdef' }, out: 'abcdef' },
    { input: '${#v}', vars: { v: 'héllo' }, out: '6' },
  ])('$input', check);

  it('${v:1:-1} is an error (upstream panics), not a crash', () => {
    expect(() => run({ input: '${v:1:-1}', vars: { v: 'abcdef' } }, false)).toThrow(EnvsubstError);
    expect(() => run({ input: '${v:1:-1}', vars: { v: 'abcdef' } }, false)).toThrow(
      /slice bounds out of range/,
    );
  });
});

describe('§9 case 38: escapes and stray braces', () => {
  it.each<Case>([
    { input: 'a$$b', out: 'a$b' },
    { input: '$$$', out: '$$' },
    { input: '$$${x}', vars: { x: 'X' }, out: '$X' },
    { input: '$$$${x}', vars: { x: 'X' }, out: '$${x}' },
    { input: '${a:=$${b}}', vars: { b: 'B' }, out: '$B' },
    { input: '${v:=a}b}', out: 'ab}' },
    { input: '${v}}', vars: { v: 'x' }, out: 'x}' },
    { input: 'a\\$b \\\\ } $ $(x)', out: 'a\\$b \\\\ } $ $(x)' },
    { input: 'a$', out: 'a$' },
    { input: '$', out: '$' },
    { input: '$$', out: '$' },
    { input: 'x $${a} $$${b} $', vars: { b: 'B' }, out: 'x ${a} $B $' },
    // Go's scanner reads rune 0 as end of input
    { input: 'a\0b ${@}', out: 'a' },
  ])('$input', check);
});

describe('§4.4 names and closing braces', () => {
  it.each<Case>([
    { input: '${1abc}', vars: { '1abc': 'ok' }, out: 'ok' },
    { input: '${café}', vars: { café: 'ok' }, out: 'ok' },
    { input: '${x', error: 'missing closing brace' },
    { input: '${var.x}', error: 'missing closing brace' },
    { input: '${var }', error: 'missing closing brace' },
    { input: '${x:=abc', error: 'unable to parse substitution within function' },
    { input: '${#}', error: 'bad substitution' },
    { input: '${v^^^}', vars: { v: 'a' }, error: 'bad substitution' },
  ])('$input', check);
});

describe('§4.4 defaults', () => {
  it.each<Case>([
    { input: '${v:=d}', vars: { v: 'val' }, out: 'val' },
    { input: '${v:-d}', vars: { v: '' }, out: 'd' },
    { input: '${v:+d}', vars: { v: 'val' }, out: 'val' },
    { input: '${v:?d}', vars: { v: 'val' }, out: 'val' },
    { input: '${v:=two words: "quoted" and \'single\'}', out: 'two words: "quoted" and \'single\'' },
    { input: '${a:=${b:=x}y}', out: 'xy' },
    { input: '${a:=${b:=x}y}', vars: { b: 'B' }, out: 'By' },
    { input: '${a:=pre${b}post}', vars: { b: 'B' }, out: 'preBpost' },
    { input: '${v:=}', out: '' },
    // nested references are checked in strict mode, even when the default is not needed
    { input: '${a:=${b}}', lenient: '', strictError: NOT_SET('b') },
    { input: '${a:=${b}}', vars: { a: 'A' }, lenient: 'A', strictError: NOT_SET('b') },
    // a default spanning a folded YAML line keeps the line break (YAML folds it back)
    { input: 'k: ${v:=some long\n  default}', out: 'k: some long\n  default' },
  ])('$input', check);
});

describe('§4.4 substrings (bytes)', () => {
  const vars = { v: 'abcdef' };
  it.each<Case>([
    { input: '${v:0}', vars, out: 'abcdef' },
    { input: '${v:6}', vars, out: '' },
    { input: '${v:10}', vars, out: '' },
    { input: '${v:4:10}', vars, out: 'ef' },
    { input: '${v:1:0}', vars, out: '' },
    { input: '${v:x}', vars, out: 'abcdef' },
    { input: '${v:(-2)}', vars, out: 'abcdef' },
    { input: '${v:1:y}', vars, out: 'abcdef' },
    // `:+` is the default operator, so a signed offset needs a nested reference
    { input: '${v:+1}', vars, out: 'abcdef' },
    { input: '${v:${n}:${l}}', vars: { ...vars, n: '+1', l: '2' }, out: 'bc' },
    { input: '${v:${n}}', vars: { ...vars, n: '-2' }, out: 'ef' },
    { input: '${v:10:-1}', vars, out: '' },
    { input: '${v:}', vars, error: 'unable to parse substitution within function' },
    {
      input: '${w:1:1}',
      vars: { w: 'héllo' },
      error: 'substitution result is not valid UTF-8 (incomplete UTF-8 octet sequence)',
    },
    { input: '${w:1:2}', vars: { w: 'héllo' }, out: 'é' },
    { input: '${missing:0}', lenient: '', strictError: NOT_SET('missing') },
  ])('$input', check);
});

describe('§4.4 length and casing', () => {
  it.each<Case>([
    { input: '${#v}', vars: { v: 'abc' }, out: '3' },
    { input: '${#v}', vars: { v: '' }, out: '0' },
    { input: '${#v}', lenient: '0', strictError: NOT_SET('v') },
    { input: '${v^}', vars: { v: 'hello world' }, out: 'Hello world' },
    { input: '${v^^}', vars: { v: 'héllo' }, out: 'HÉLLO' },
    { input: '${v,}', vars: { v: 'HELLO' }, out: 'hELLO' },
    { input: '${v,,}', vars: { v: 'HÉLLO' }, out: 'héllo' },
    // one rune to one rune, as Go's unicode.ToUpper (JS would give 'SS')
    { input: '${v^^}', vars: { v: 'straße' }, out: 'STRAßE' },
    { input: '${v^}', vars: { v: '' }, out: '' },
    { input: '${v^^}', lenient: '', strictError: NOT_SET('v') },
    { input: '${v,,}', lenient: '', strictError: NOT_SET('v') },
  ])('$input', check);
});

describe('§4.4 glob trims', () => {
  it.each<Case>([
    { input: '${v#*/}', vars: { v: 'path/to/file' }, out: 'to/file' },
    { input: '${v##*/}', vars: { v: 'path/to/file' }, out: 'file' },
    { input: '${v#*/}', vars: { v: '/path/to/file' }, out: 'path/to/file' },
    { input: '${v%/*}', vars: { v: 'path/to/file' }, out: 'path/to' },
    { input: '${v%%/*}', vars: { v: 'path/to/file' }, out: 'path' },
    { input: '${v#a?c}', vars: { v: 'abcd' }, out: 'd' },
    { input: '${v#[ab]}', vars: { v: 'abcd' }, out: 'bcd' },
    { input: '${v#[^b]}', vars: { v: 'abcd' }, out: 'bcd' },
    { input: '${v#x}', vars: { v: 'abcd' }, out: 'abcd' },
    { input: '${v#[}', vars: { v: 'abcd' }, out: 'abcd' },
    { input: '${v%.gz}', vars: { v: 'a.tar.gz' }, out: 'a.tar' },
    { input: '${v%%é*}', vars: { v: 'aébéc' }, out: 'a' },
    { input: '${v#}', vars: { v: 'a' }, error: 'unable to parse substitution within function' },
    { input: '${missing##*.}', lenient: '', strictError: NOT_SET('missing') },
    { input: '${missing%pattern}', lenient: '', strictError: NOT_SET('missing') },
  ])('$input', check);
});

describe('§4.4 literal replacements', () => {
  it.each<Case>([
    { input: '${v/b/X}', vars: { v: 'abcabc' }, out: 'aXcabc' },
    { input: '${v//b/X}', vars: { v: 'abcabc' }, out: 'aXcaXc' },
    { input: '${v/#abc/X}', vars: { v: 'abcabc' }, out: 'Xabc' },
    { input: '${v/#bc/X}', vars: { v: 'abcabc' }, out: 'abcabc' },
    { input: '${v/%abc/X}', vars: { v: 'abcabc' }, out: 'abcX' },
    { input: '${v/%ab/X}', vars: { v: 'abcabc' }, out: 'abcabc' },
    { input: '${v/*/X}', vars: { v: 'a*b' }, out: 'aXb' },
    { input: '${v/./}', vars: { v: 'foo.bar' }, out: 'foobar' },
    { input: '${v//./}', vars: { v: 'a.b.c' }, out: 'abc' },
    { input: '${v/\\//-}', vars: { v: 'foo/bar' }, out: 'foo-bar' },
    { input: '${v//\\//-}', vars: { v: 'foo/bar/baz' }, out: 'foo-bar-baz' },
    { input: '${v/\\\\/X}', vars: { v: 'a\\b' }, out: 'aXb' },
    { input: '${v/a/x/y}', vars: { v: 'abc' }, out: 'x/ybc' },
    { input: '${v/$$/S}', vars: { v: 'a$b' }, out: 'aSb' },
    { input: '${v/${p}/X}', vars: { v: 'abc', p: 'b' }, out: 'aXc' },
    { input: '${missing/a/b}', lenient: '', strictError: NOT_SET('missing') },
    { input: '${missing//a/b}', lenient: '', strictError: NOT_SET('missing') },
    { input: '${missing/#a/b}', lenient: '', strictError: NOT_SET('missing') },
    { input: '${missing/%a/b}', lenient: '', strictError: NOT_SET('missing') },
  ])('$input', check);
});

describe('strict vs non-strict', () => {
  it.each<Case>([
    { input: '${e}', vars: { e: '' }, out: '' },
    { input: 'a ${x} b ${y}', vars: { x: '1' }, lenient: 'a 1 b ', strictError: NOT_SET('y') },
    { input: '${x:=d} ${y}', lenient: 'd ', strictError: NOT_SET('y') },
    { input: 'no expressions at all', out: 'no expressions at all' },
  ])('$input', check);

  it('parse errors win over unset variables (the whole text is parsed first)', () => {
    expect(() => run({ input: '${unset} ${@}' }, true)).toThrow('unable to parse variable name');
  });
});

describe('errors', () => {
  it('are DiagnosticErrors with rule flux-substitute, the line and a hint', () => {
    let err: unknown;
    try {
      run({ input: 'a: 1\nscript: echo ${@}\n' }, false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DiagnosticError);
    const e = err as EnvsubstError;
    expect(e.diagnostic).toMatchObject({ rule: 'flux-substitute', message: 'unable to parse variable name' });
    expect(e.textLine).toBe(2);
    expect(e.diagnostic.hint).toBe('at line 2: script: echo ${@}');
  });
});
