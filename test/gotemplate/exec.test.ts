import { describe, expect, it } from 'vitest';
import { Templates, TemplateError, type TemplateOptions } from '../../src/gotemplate/template.js';
import {
  GoCallError,
  GoInt,
  GoStruct,
  goInt,
  newMap,
  typedSlice,
  withMethods,
  type FuncMap,
  type GoValue,
} from '../../src/gotemplate/value.js';

const values: GoValue = {
  str: 'hello',
  n: 8080,
  zero: 0,
  list: [1, 2, 3],
  empty: [],
  m: { b: 2, a: 1, c: 3 },
  nested: { x: { y: 'z' } },
  nil: null,
  strs: typedSlice(['b', 'a'], '[]string'),
  smap: Object.assign(newMap('map[string]string'), { k: 'v' }),
};

const funcs: FuncMap = {
  upper: { params: ['string'], result: 'string', fn: (s) => (s as string).toUpperCase() },
  half: { params: ['float64'], result: 'float64', fn: (f) => (f as number) / 2 },
  times: {
    params: ['int', 'int'],
    result: 'int',
    fn: (a, b) => goInt((a as { value: bigint }).value * (b as { value: bigint }).value),
  },
  join: {
    params: ['string'],
    variadic: 'interface {}',
    result: 'string',
    fn: (sep, ...xs) => xs.map((x) => (x instanceof GoInt ? String(x.value) : String(x))).join(sep as string),
  },
  boom: {
    params: [],
    result: 'string',
    fn: () => {
      throw new GoCallError('it broke');
    },
  },
  first: { params: ['interface {}'], fn: (l) => (Array.isArray(l) ? l[0] : null) },
  slice: { params: ['interface {}'], variadic: 'interface {}', fn: () => 'sprig slice' },
};

function render(
  text: string,
  data: GoValue = values,
  options: TemplateOptions = { missingKey: 'zero' },
): string {
  const t = new Templates(funcs, options);
  try {
    t.parse('t', text);
    return t.execute('t', data);
  } catch (e) {
    if (e instanceof TemplateError) return `ERR ${e.message}`;
    throw e;
  }
}

describe('executor output', () => {
  it.each([
    ['text', 'plain', 'plain'],
    ['fields', '{{ .str }}|{{ .nested.x.y }}|{{ .m.a }}', 'hello|z|1'],
    [
      'numbers keep their Go types',
      "{{ .n }}|{{ 1000000 }}|{{ 1e6 }}|{{ 0x10 }}|{{ 'a' }}|{{ 1.0 }}",
      '8080|1000000|1e+06|16|97|1',
    ],
    [
      'complex constants print as Go prints them',
      '{{ 1i }}|{{ 1+2i }}|{{ printf "%T" 2i }}',
      '(0+1i)|(1+2i)|complex128',
    ],
    [
      'missing values print <no value>',
      '[{{ .missing }}]|[{{ .nil }}]|{{ $x := .missing }}[{{ $x }}]',
      '[<no value>]|[<no value>]|[<no value>]',
    ],
    ['if and else if', '{{ if .zero }}a{{ else if .str }}b{{ else }}c{{ end }}', 'b'],
    ['with sets dot', '{{ with .nested.x }}{{ .y }}{{ end }}{{ with .missing }}y{{ else }}n{{ end }}', 'zn'],
    ['else with', '{{ with .missing }}a{{ else with .str }}{{ . }}{{ end }}', 'hello'],
    ['range over a slice', '{{ range $i, $e := .list }}{{ $i }}:{{ $e }} {{ end }}', '0:1 1:2 2:3 '],
    ['range over a map in key order', '{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}', 'a=1;b=2;c=3;'],
    [
      'range over an int',
      '{{ range 3 }}{{ . }}{{ end }}|{{ range $v := 2 }}{{ $v }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}',
      '012|01|none',
    ],
    [
      'range else',
      '{{ range .empty }}x{{ else }}none{{ end }}{{ range .missing }}x{{ else }}!{{ end }}',
      'none!',
    ],
    [
      'break and continue',
      '{{ range .list }}{{ if eq . 2.0 }}{{ continue }}{{ end }}{{ if eq . 3.0 }}{{ break }}{{ end }}{{ . }}{{ end }}',
      '1',
    ],
    [
      'break leaves only the inner range',
      '{{ range 2 }}{{ range 5 }}{{ if eq . 1 }}{{ break }}{{ end }}{{ . }}{{ end }}|{{ end }}',
      '0|0|',
    ],
    ['range assigns with =', '{{ $v := 0 }}{{ range $v = .list }}{{ end }}{{ $v }}', '3'],
    [
      'variables: = assigns the outer one, := shadows',
      '{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}|{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}',
      '2|21',
    ],
    ['$ is the data everywhere', '{{ range .list }}{{ $.str }}{{ end }}', 'hellohellohello'],
    [
      'and/or return the deciding operand',
      '{{ and 1 0 }}|{{ or "" "x" }}|{{ and 1 "y" }}|{{ or 0 "" }}|{{ "p" | and 1 }}',
      '0|x|y||p',
    ],
    ['and/or short-circuit', '{{ and false .missing.deep }}|{{ or true (boom) }}', 'false|true'],
    ['not', '{{ not 0 }}{{ not .str }}{{ not .missing }}', 'truefalsetrue'],
    ['len counts bytes of strings', '{{ len .list }}{{ len .m }}{{ len "héllo" }}', '336'],
    [
      'index',
      '{{ index .m "a" }}{{ index .list 1 }}{{ index .nested "x" "y" }}{{ index "abc" 1 }}|{{ index .m "nope" }}',
      '12z98|<no value>',
    ],
    [
      'the builtin slice',
      '{{ $s := "" }}{{ range $k, $v := .m }}{{ $s = print $s $k }}{{ end }}{{ $s }}',
      'abc',
    ],
    [
      'print, printf, println',
      '{{ print 1 2 "a" "b" 3 }}|{{ printf "%d-%s" 3 "x" }}|{{ println "a" 1 }}',
      '1 2ab3|3-x|a 1\n',
    ],
    [
      'html, js, urlquery',
      '{{ html "<a href=\'x\'>" }}|{{ js "a\'b<\\n" }}|{{ urlquery "a b&c/é" }}|{{ html .missing }}',
      "&lt;a href=&#39;x&#39;&gt;|a\\'b\\u003C\\u000A|a+b%26c%2F%C3%A9|&lt;no value&gt;",
    ],
    ['printf of a missing value', '{{ printf "%v" .missing }}', '<nil>'],
    ['pipelines pass the final argument', '{{ "x" | printf "%s-%s" "y" }}|{{ .str | upper }}', 'y-x|HELLO'],
    ['parenthesised pipelines with fields', '{{ (index .list 0) }}{{ (.nested).x.y }}', '1z'],
    [
      'untyped constants convert to the parameter type',
      '{{ half 3 }}|{{ times 2 3 }}|{{ times 2.0 3 }}',
      '1.5|6|6',
    ],
    ['variadic functions', '{{ join "," }}|{{ join "," 1 "a" }}|{{ 2 | join "-" 1 }}', '|1,a|1-2'],
    ['the function map wins over builtins', '{{ slice "abc" 1 2 }}', 'sprig slice'],
    ['nil is passed as nil', '{{ printf "%v" nil }}', '<nil>'],
    [
      'comparisons',
      '{{ eq "a" "b" "a" }}{{ ne 1 2 }}{{ lt 1 2 }}{{ le 2 2 }}{{ gt "b" "a" }}{{ ge 1.5 2.5 }}',
      'truetruetruetruetruefalse',
    ],
    ['eq with nil', '{{ eq .missing nil }}{{ eq .nil nil }}{{ eq .str nil }}', 'truetruefalse'],
    ['typed maps give their zero value', '[{{ .smap.k }}][{{ .smap.nope }}]', '[v][]'],
  ])('%s', (_, text, want) => expect(render(text)).toBe(want));
});

describe('executor errors', () => {
  it.each([
    [
      '{{ .missing.deep }}',
      't:1:11: executing "t" at <.missing.deep>: nil pointer evaluating interface {}.deep',
    ],
    ['{{ .str.x }}', 't:1:7: executing "t" at <.str.x>: can\'t evaluate field x in type interface {}'],
    ['{{ $s := .str }}{{ $s.x }}', 't:1:21: executing "t" at <$s.x>: can\'t evaluate field x in type string'],
    [
      '{{ range .list }}{{ .x }}{{ end }}',
      't:1:20: executing "t" at <.x>: can\'t evaluate field x in type interface {}',
    ],
    [
      '{{ eq .n 8080 }}',
      't:1:3: executing "t" at <eq .n 8080>: error calling eq: incompatible types for comparison: float64 and int',
    ],
    [
      '{{ lt 1 2.5 }}',
      't:1:3: executing "t" at <lt 1 2.5>: error calling lt: incompatible types for comparison: int and float64',
    ],
    ['{{ lt .m .m }}', 't:1:3: executing "t" at <lt .m .m>: error calling lt: invalid type for comparison'],
    [
      '{{ eq .m .m }}',
      't:1:3: executing "t" at <eq .m .m>: error calling eq: non-comparable type map[a:%!s(float64=1) b:%!s(float64=2) c:%!s(float64=3)]: map[string]interface {}',
    ],
    ['{{ eq 1 }}', 't:1:3: executing "t" at <eq 1>: error calling eq: missing argument for comparison'],
    ['{{ times 2.5 2 }}', 't:1:9: executing "t" at <2.5>: expected integer; found 2.5'],
    ['{{ upper 1 }}', 't:1:9: executing "t" at <1>: expected string; found 1'],
    ['{{ upper .n }}', 't:1:9: executing "t" at <.n>: wrong type for value; expected string; got float64'],
    [
      '{{ upper .missing }}',
      't:1:9: executing "t" at <.missing>: wrong type for value; expected string; got interface {}',
    ],
    ['{{ upper nil }}', 't:1:9: executing "t" at <nil>: cannot assign nil to string'],
    ['{{ upper }}', 't:1:3: executing "t" at <upper>: wrong number of args for upper: want 1 got 0'],
    ['{{ join }}', 't:1:3: executing "t" at <join>: wrong number of args for join: want at least 1 got 0'],
    ['{{ boom }}', 't:1:3: executing "t" at <boom>: error calling boom: it broke'],
    ['{{ .str 1 }}', 't:1:3: executing "t" at <.str>: str is not a method but has arguments'],
    ['{{ 1 2 }}', 't:1:3: executing "t" at <1>: can\'t give argument to non-function 1'],
    ['{{ nil }}', 't:1:3: executing "t" at <nil>: nil is not a command'],
    ['{{ range .str }}{{ end }}', 't:1:9: executing "t" at <.str>: range can\'t iterate over hello'],
    ['{{ range .n }}{{ end }}', 't:1:9: executing "t" at <.n>: range can\'t iterate over 8080'],
    [
      '{{ range $i, $v := 3 }}{{ end }}',
      't:1:19: executing "t" at <3>: can\'t use 3 to iterate over more than one variable',
    ],
    ['{{ len .n }}', 't:1:3: executing "t" at <len .n>: error calling len: len of type float64'],
    ['{{ len .missing }}', 't:1:3: executing "t" at <len .missing>: error calling len: len of nil pointer'],
    [
      '{{ index .list 3 }}',
      't:1:3: executing "t" at <index .list 3>: error calling index: reflect: slice index out of range',
    ],
    [
      '{{ index .list 5 }}',
      't:1:3: executing "t" at <index .list 5>: error calling index: index out of range: 5',
    ],
    [
      '{{ index .list "a" }}',
      't:1:3: executing "t" at <index .list "a">: error calling index: cannot index slice/array with type string',
    ],
    [
      '{{ index .m 1 }}',
      't:1:3: executing "t" at <index .m 1>: error calling index: value has type int; should be string',
    ],
    [
      '{{ index .missing 1 }}',
      't:1:3: executing "t" at <index .missing 1>: error calling index: index of untyped nil',
    ],
    [
      '{{ index .n 1 }}',
      't:1:3: executing "t" at <index .n 1>: error calling index: can\'t index item of type float64',
    ],
    ['{{ template "nope" }}', 't:1:12: executing "t" at <{{template "nope"}}>: template "nope" not defined'],
    [
      '{{ 9223372036854775808 }}',
      't:1:3: executing "t" at <9223372036854775808>: 9223372036854775808 overflows int',
    ],
    ['x\n  {{ .a.b.c }}', 't:2:7: executing "t" at <.a.b.c>: nil pointer evaluating interface {}.b'],
    ['é{{ .a.b.c }}', 't:1:7: executing "t" at <.a.b.c>: nil pointer evaluating interface {}.b'],
  ])('%j', (text, want) => expect(render(text)).toBe(`ERR template: ${want}`));

  it('names the template executing and the file the node is in', () => {
    expect(render('{{ define "d" }}{{ .a.b.c }}{{ end }}{{ template "d" . }}')).toBe(
      'ERR template: t:1:21: executing "d" at <.a.b.c>: nil pointer evaluating interface {}.b',
    );
  });

  it('follows the missingkey option', () => {
    expect(render('[{{ .missing.deep }}]', values, { missingKey: 'default' })).toBe('[<no value>]');
    expect(render('{{ .missing }}', values, { missingKey: 'error' })).toBe(
      'ERR template: t:1:3: executing "t" at <.missing>: map has no entry for key "missing"',
    );
    expect(render('{{ upper .missing }}', values, {})).toBe(
      'ERR template: t:1:9: executing "t" at <.missing>: invalid value; expected string',
    );
  });

  it('converts a literal for a named integer type as its underlying type', () => {
    const t = new GoStruct(
      'time.Time',
      {},
      {
        Add: { params: ['time.Duration'], result: 'string', fn: (d) => `+${String((d as GoInt).value)}` },
      },
    );
    expect(render('{{ .t.Add 3600000000000 }}', { t })).toBe('+3600000000000');
    expect(render('{{ .t.Add 1.5 }}', { t })).toBe(
      'ERR template: t:1:10: executing "t" at <1.5>: expected integer; found 1.5',
    );
  });

  it('reads a % in a file name as a verb, as Go does', () => {
    const t = new Templates({}, { missingKey: 'zero' });
    t.parse('a%b', '{{ .x.y }}');
    expect(() => t.execute('a%b', {})).toThrow(
      'template: a%!b(string=interface {}):1:5: executing "a%b" at <.x.y>: nil pointer evaluating y.%!s(MISSING)',
    );
  });
});

describe('structs and methods', () => {
  const caps = new GoStruct(
    '*chartutil.Capabilities',
    { KubeVersion: new GoStruct('chartutil.KubeVersion', { Major: '1' }) },
    { Has: { params: ['string'], result: 'bool', fn: (s) => s === 'v1' } },
  );
  it.each([
    ['{{ .c.KubeVersion.Major }}|{{ .c.Has "v1" }}|{{ .c.Has "x" }}', '1|true|false'],
    ['{{ $c := .c }}{{ $c.Has "v1" }}{{ if .c }}!{{ end }}', 'true!'],
    [
      '{{ .c.Nope }}',
      'ERR template: t:1:5: executing "t" at <.c.Nope>: can\'t evaluate field Nope in type interface {}',
    ],
    [
      '{{ $c := .c }}{{ $c.Nope }}',
      'ERR template: t:1:19: executing "t" at <$c.Nope>: can\'t evaluate field Nope in type *chartutil.Capabilities',
    ],
    ['{{ .c.Has 1 }}', 'ERR template: t:1:10: executing "t" at <1>: expected string; found 1'],
    [
      '{{ .c.Has "a" "b" }}',
      'ERR template: t:1:5: executing "t" at <.c.Has>: wrong number of args for Has: want 1 got 2',
    ],
    [
      '{{ .c.KubeVersion 1 }}',
      'ERR template: t:1:5: executing "t" at <.c.KubeVersion>: KubeVersion has arguments but cannot be invoked as function',
    ],
    ['{{ .p.X }}', 'ERR template: t:1:5: executing "t" at <.p.X>: nil pointer evaluating interface {}.X'],
  ])('%j', (text, want) => {
    const nilPtr = new GoStruct('*T', { X: 1 }, {}, true);
    expect(render(text, { c: caps, p: nilPtr })).toBe(want);
  });
});

describe('function results', () => {
  it('unwraps a nil interface result to no value', () => {
    expect(render('[{{ first .empty }}]|{{ first .empty | printf "%v" }}')).toBe('[<no value>]|<nil>');
  });
});

describe('methods of named maps and slices', () => {
  const versions = withMethods(typedSlice(['v1', 'apps/v1'], 'common.VersionSet'), {
    Has: { params: ['string'], result: 'bool', fn: (s) => s === 'v1' || s === 'apps/v1' },
  });
  const files = withMethods(Object.assign(newMap('engine.files'), { 'a.txt': 'A' }), {
    Get: { params: ['string'], result: 'string', fn: (n) => (n === 'a.txt' ? 'A' : '') },
  });
  it.each([
    [
      '{{ .v.Has "v1" }}|{{ .v.Has "x" }}|{{ len .v }}|{{ range .v }}{{ . }};{{ end }}',
      'true|false|2|v1;apps/v1;',
    ],
    ['{{ .f.Get "a.txt" }}|{{ $f := .f }}{{ $f.Get "b" }}|', 'A||'],
    [
      '{{ .f.Get }}',
      'ERR template: t:1:5: executing "t" at <.f.Get>: wrong number of args for Get: want 1 got 0',
    ],
  ])('%j', (text, want) => expect(render(text, { v: versions, f: files })).toBe(want));
});
