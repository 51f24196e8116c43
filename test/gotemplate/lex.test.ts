import { describe, expect, it } from 'vitest';
import { Item, Lexer, type ItemType } from '../../src/gotemplate/lex.js';

const NAMES = new Map<ItemType, string>(Object.entries(Item).map(([k, v]) => [v, k]));

/** The tokens of `text` as `Type:value`, spaces left out, up to EOF or an error. */
function tokens(text: string, options = { breakOK: true, continueOK: true }): string[] {
  const lex = new Lexer(text, options);
  const out: string[] = [];
  for (;;) {
    const t = lex.nextItem();
    if (t.typ !== Item.Space) out.push(`${NAMES.get(t.typ)}:${t.val}`);
    if (t.typ === Item.EOF || t.typ === Item.Error) return out;
  }
}

describe('lexer', () => {
  it.each([
    ['plain text', 'hello', ['Text:hello', 'EOF:']],
    [
      'trim markers eat surrounding space',
      'a  {{- 1 -}}  b',
      ['Text:a', 'LeftDelim:{{', 'Number:1', 'RightDelim:}}', 'Text:b', 'EOF:'],
    ],
    [
      'trim eats newlines',
      'a\n\t{{- "x" -}}\n b',
      ['Text:a', 'LeftDelim:{{', 'String:"x"', 'RightDelim:}}', 'Text:b', 'EOF:'],
    ],
    [
      'a marker needs a space: {{-3}} is a number',
      '{{-3}}',
      ['LeftDelim:{{', 'Number:-3', 'RightDelim:}}', 'EOF:'],
    ],
    ['comments vanish', 'a{{/* c */}}b{{- /* d */ -}} c', ['Text:a', 'Text:b', 'Text:c', 'EOF:']],
    ['fields split at dots', '{{.A.b}}', ['LeftDelim:{{', 'Field:.A', 'Field:.b', 'RightDelim:}}', 'EOF:']],
    [
      'variables and declarations',
      '{{$x := $ | $y.z}}',
      [
        'LeftDelim:{{',
        'Variable:$x',
        'Declare::=',
        'Variable:$',
        'Pipe:|',
        'Variable:$y',
        'Field:.z',
        'RightDelim:}}',
        'EOF:',
      ],
    ],
    [
      'assignment',
      '{{$x = 1}}',
      ['LeftDelim:{{', 'Variable:$x', 'Assign:=', 'Number:1', 'RightDelim:}}', 'EOF:'],
    ],
    [
      'keywords, nil, bools',
      '{{if nil}}{{else}}{{end}}{{true}}',
      [
        'LeftDelim:{{',
        'If:if',
        'Nil:nil',
        'RightDelim:}}',
        'LeftDelim:{{',
        'Else:else',
        'RightDelim:}}',
        'LeftDelim:{{',
        'End:end',
        'RightDelim:}}',
        'LeftDelim:{{',
        'Bool:true',
        'RightDelim:}}',
        'EOF:',
      ],
    ],
    [
      'numbers',
      '{{0x1F 0o17 0b101 1_000 1.5e-3 0x1p-2 .5 1i 1+2i}}',
      [
        'LeftDelim:{{',
        'Number:0x1F',
        'Number:0o17',
        'Number:0b101',
        'Number:1_000',
        'Number:1.5e-3',
        'Number:0x1p-2',
        'Number:.5',
        'Number:1i',
        'Complex:1+2i',
        'RightDelim:}}',
        'EOF:',
      ],
    ],
    [
      'strings and chars',
      "{{\"a\\\"b\" `r\\n` 'x' '\\n'}}",
      [
        'LeftDelim:{{',
        'String:"a\\"b"',
        'RawString:`r\\n`',
        "CharConstant:'x'",
        "CharConstant:'\\n'",
        'RightDelim:}}',
        'EOF:',
      ],
    ],
    [
      'parentheses',
      '{{(len .)}}',
      ['LeftDelim:{{', 'LeftParen:(', 'Identifier:len', 'Dot:.', 'RightParen:)', 'RightDelim:}}', 'EOF:'],
    ],
    [
      'newlines inside actions',
      '{{ if\n  .x }}',
      ['LeftDelim:{{', 'If:if', 'Field:.x', 'RightDelim:}}', 'EOF:'],
    ],
    ['unicode identifiers', '{{ .héllo }}', ['LeftDelim:{{', 'Field:.héllo', 'RightDelim:}}', 'EOF:']],
  ])('%s', (_, text, want) => expect(tokens(text)).toEqual(want));

  it('reads break and continue as identifiers when a function has the name', () => {
    expect(tokens('{{break}}', { breakOK: false, continueOK: true })).toContain('Identifier:break');
    expect(tokens('{{break}}')).toContain('Break:break');
  });

  it.each([
    ['{{ .x', 'unclosed action'],
    ['{{ "abc }}', 'unterminated quoted string'],
    ['{{ `abc', 'unterminated raw quoted string'],
    ["{{ 'a }}", 'unterminated character constant'],
    ['{{ 3x }}', 'bad number syntax: "3x"'],
    ['{{ 1+2 }}', 'bad number syntax: "1+2"'],
    ['{{/* x */ y}}', 'comment ends before closing delimiter'],
    ['{{/* x', 'unclosed comment'],
    ['{{ ( }}', 'unclosed left paren'],
    ['{{ ) }}', 'unexpected right paren'],
    ['{{ a : b }}', 'expected :='],
    ['{{ \u0001 }}', 'unrecognized character in action: U+0001'],
    ['{{ .x# }}', "bad character U+0023 '#'"],
  ])('reports %j as %j', (text, message) => {
    expect(tokens(text).at(-1)).toBe(`Error:${message}`);
  });

  it('counts lines across text, raw strings and trimmed space', () => {
    const lex = new Lexer('a\n{{- `x\ny` }}\n\n{{ .z }}', { breakOK: true, continueOK: true });
    const lines: string[] = [];
    for (let t = lex.nextItem(); t.typ !== Item.EOF; t = lex.nextItem()) lines.push(`${t.val}@${t.line}`);
    expect(lines).toContain('`x\ny`@2');
    expect(lines).toContain('.z@5');
  });
});
