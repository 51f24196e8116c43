import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/gotemplate/errors.js';
import { nodeString } from '../../src/gotemplate/nodes.js';
import { parseText } from '../../src/gotemplate/parse.js';

const FUNCS = new Set(['printf', 'index', 'len', 'eq', 'and', 'list']);
const options = { hasFunction: (n: string) => FUNCS.has(n), maxDepth: 100 };

/** Each parsed template as `name=tree`, the tree printed as Go's String() prints it. */
function parsed(text: string): string[] {
  return [...parseText('t.tpl', text, options)].map(([name, t]) => `${name}=${nodeString(t.root)}`);
}

function parseErr(text: string): string {
  try {
    parseText('t.tpl', text, options);
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  throw new Error('parsed without error');
}

describe('parser', () => {
  it.each([
    ['text and actions', 'a {{ .x }} b', ['t.tpl=a {{.x}} b']],
    [
      'pipelines and parentheses',
      '{{ "x" | printf "%s-%s" (index .a 0) }}',
      ['t.tpl={{"x" | printf "%s-%s" (index .a 0)}}'],
    ],
    ['declarations and assignment', '{{ $x := 1 }}{{ $x = 2 }}', ['t.tpl={{$x := 1}}{{$x := 2}}']],
    [
      'range with two variables',
      '{{ range $i, $e := .l }}{{ $i }}{{ end }}',
      ['t.tpl={{range $i, $e := .l}}{{$i}}{{end}}'],
    ],
    [
      'else if chains nest',
      '{{ if .a }}1{{ else if .b }}2{{ else }}3{{ end }}',
      ['t.tpl={{if .a}}1{{else}}{{if .b}}2{{else}}3{{end}}{{end}}'],
    ],
    [
      'else with',
      '{{ with .a }}1{{ else with .b }}2{{ end }}',
      ['t.tpl={{with .a}}1{{else}}{{with .b}}2{{end}}{{end}}'],
    ],
    [
      'break and continue',
      '{{ range . }}{{ break }}{{ continue }}{{ end }}',
      ['t.tpl={{range .}}{{break}}{{continue}}{{end}}'],
    ],
    [
      'fields on variables and pipelines',
      '{{ $.a.b }}{{ (list 1).x.y }}',
      ['t.tpl={{$.a.b}}{{(list 1).x.y}}'],
    ],
    ['define', '{{ define "d" }}D{{ end }}x', ['d=D', 't.tpl=x']],
    ['block defines and calls', '{{ block "b" . }}B{{ end }}', ['b=B', 't.tpl={{template "b" .}}']],
    ['template without pipeline', '{{ template "x" }}', ['t.tpl={{template "x"}}']],
    [
      'an empty define does not clash',
      '{{ define "a" }}{{ end }}{{ define "a" }}A{{ end }}',
      ['a=A', 't.tpl='],
    ],
    ['comments are dropped', 'a{{/* c */}}b', ['t.tpl=ab']],
  ])('%s', (_, text, want) => expect(parsed(text)).toEqual(want));

  it('keeps variables declared in a branch to that branch', () => {
    expect(parseErr('{{ if 1 }}{{ $x := 1 }}{{ end }}{{ $x }}')).toBe(
      'template: t.tpl:1: undefined variable "$x"',
    );
    expect(parsed('{{ $x := 1 }}{{ if 1 }}{{ $x }}{{ end }}')).toHaveLength(1);
  });

  it.each([
    ['{{ if .x }}', 'unexpected EOF'],
    ['{{ end }}', 'unexpected {{end}}'],
    ['{{ else }}', 'unexpected {{else}}'],
    ['{{ range .x }}{{ else }}{{ else }}{{ end }}', 'expected end; found {{else}}'],
    ['{{ nosuch 1 }}', 'function "nosuch" not defined'],
    ['{{ $x }}', 'undefined variable "$x"'],
    ['{{ if }}{{ end }}', 'missing value for if'],
    ['{{ 1 | 2 }}', 'non executable command in pipeline stage 2'],
    ['{{ "a".b }}', 'unexpected . after term "\\"a\\""'],
    ['{{ range $a, $b, $c := . }}{{ end }}', 'too many declarations in range'],
    ['{{ range $a, 1 }}{{ end }}', 'range can only initialize variables'],
    ['{{ $a, $b := . }}', 'too many declarations in command'],
    ['{{ break }}', '{{break}} outside {{range}}'],
    ['{{ range . }}{{ else }}{{ continue }}{{ end }}', '{{continue}} outside {{range}}'],
    ['{{ template .x }}', 'unexpected ".x" in template clause'],
    ['{{ template . }}', 'unexpected <.> in template clause'],
    ['{{ define "a" }}A{{ end }}{{ define "a" }}B{{ end }}', 'template: multiple definition of template "a"'],
    ['{{ "\\q" }}', 'invalid syntax'],
    ["{{ 'ab' }}", "malformed character constant: 'ab'"],
    ['{{ 9223372036854775808x }}', 'bad number syntax: "9223372036854775808x"'],
    ['{{ 99999999999999999999 }}', 'integer overflow: "99999999999999999999"'],
    ['{{ 1e400 }}', 'illegal number syntax: "1e400"'],
    ['{{ .x "a" | 3 }}', 'non executable command in pipeline stage 2'],
    ['{{ printf "%d" 1 2 3 4 5 6 7 8 9 10 11 12 ,}}', 'unexpected "," in operand'],
    ['{{ printf "123456789012" ) }}', 'unexpected right paren'],
    ['{{ (1 }}', 'unclosed left paren'],
  ])('rejects %j: %s', (text, message) => {
    expect(parseErr(text)).toBe(`template: t.tpl:1: ${message}`);
  });

  it('names the line of the error, and where a broken action started', () => {
    expect(parseErr('a\nb\n{{ if .x }}\n')).toBe('template: t.tpl:4: unexpected EOF');
    expect(parseErr('{{\n.x\n')).toBe('template: t.tpl:3: unclosed action started at t.tpl:1');
  });

  it('shortens long tokens as Go does', () => {
    expect(parseErr('{{ define "a" "bcdefghijklmnop" }}')).toBe(
      'template: t.tpl:1: unexpected "\\"bcdefghij"... in define clause',
    );
  });

  it('bounds nesting instead of exhausting the stack', () => {
    const deep = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);
    const message = 'template: t.tpl:1: max expression depth exceeded';
    expect(parseErr(`{{${deep('(', ')', 101).replace('()', '(1)')}}}`)).toBe(message);
    expect(parseErr(deep('{{ if 1 }}', '{{ end }}', 101))).toBe(message);
    expect(() => parseText('t', '{{' + '('.repeat(50) + '1' + ')'.repeat(50) + '}}', options)).not.toThrow();
    const big = { hasFunction: () => false, maxDepth: 1_000_000 };
    expect(() => parseText('t', deep('{{ if 1 }}', '{{ end }}', 200_000), big)).toThrow(TemplateError);
  });
});
