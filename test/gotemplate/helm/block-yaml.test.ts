import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/core/json.js';
import { readBlockYaml } from '../../../src/gotemplate/helm/block-yaml.js';
import { parseYaml11Fast } from '../../../src/yaml/parse-yaml11.js';

// Texts in the subset, with what go-yaml v2 (through sigs.k8s.io/yaml) reads from them.
const inside: [string, JsonValue][] = [
  ['a: 1\nb: x\n', { a: 1, b: 'x' }],
  ['enabled: true\nidentifier: default\nname: rel', { enabled: true, identifier: 'default', name: 'rel' }],
  ['a:\n- x\n- "12321"\n- 0777\nb: {}\nc: []', { a: ['x', '12321', 511], b: {}, c: [] }],
  ['a:\n  - k: 1\n    l: 2\n  -\n    m: on\n  -\n', { a: [{ k: 1, l: 2 }, { m: true }, null] }],
  ['a: |\n  line 1\n\n    indented\nb: |-\n  x\n\n\nc: ~', { a: 'line 1\n\n  indented\n', b: 'x', c: null }],
  ['"q:k": "tab\\there \\u00e9 \\"x\\""\n\'s\': \'it\'\'s\'', { 'q:k': 'tab\there é "x"', s: "it's" }],
  [
    'url: http://x/y?z=1\nt: 2001-12-14\nf: 1e3\nh: -0x1F\ne:',
    { url: 'http://x/y?z=1', t: '2001-12-14', f: 1000, h: -31, e: null },
  ],
  ['- a\n- b: c\n  d: e\n', ['a', { b: 'c', d: 'e' }]],
  ['  indented: 1\n  top: 2\n', { indented: 1, top: 2 }],
  ['{}', {}],
  ['---\nkind: Service\n', { kind: 'Service' }],
];

// Texts the subset leaves to the general reader.
const outside: [string, string][] = [
  ['a: 1 # comment', 'a comment'],
  ['a: [1, 2]', 'a flow sequence'],
  ['a: &x 1\nb: *x', 'an anchor and an alias'],
  ['a: !!str 1', 'a tag'],
  ['a: >\n  folded', 'a folded scalar'],
  ['a: |+\n  kept\n\n', 'keep chomping'],
  ['a: |\n  at the end', 'a clipped literal at the end of the text'],
  ['a: long\n  continued', 'a multi-line plain scalar'],
  ['a: "open\n  quote"', 'a multi-line quoted scalar'],
  ['a: 1\na: 2', 'a duplicate key'],
  ['1: a', 'a key YAML reads as a number'],
  ['n: a', 'a key YAML 1.1 reads as a boolean'],
  ['~: a', 'a null key'],
  ['<<: {}', 'a merge key'],
  ['__proto__: 1', 'a key objects cannot hold plainly'],
  ['a: .inf', 'a value JSON cannot hold'],
  ['a:\tb', 'a tab'],
  ['a: 1\r\n', 'a carriage return'],
  ['a: x\u0085y', 'a NEL'],
  ['a: 1\n---\nb: 2', 'a second document'],
  ['---\n---\na: 1', 'an empty first document'],
  ['--- a: 1', 'content after the document marker'],
  ['- - a', 'a compact nested sequence'],
  ['just a scalar', 'a scalar document'],
  ['', 'an empty text'],
  ['a: b: c', 'a colon inside a plain value'],
  ['a: 1\n   b: 2', 'bad indentation'],
];

// A deterministic stream of small texts built from YAML's significant pieces.
function* generated(count: number): Generator<string> {
  const pieces = [
    'a',
    'key',
    ' ',
    '  ',
    '\n',
    ':',
    ': ',
    '- ',
    '-',
    '"',
    "'",
    '\\',
    '|',
    '|-',
    '\n  ',
    '\n- ',
    '[]',
    '{}',
    'x y',
    '1',
    'true',
    'y',
    '~',
    '\n\n',
    '0x1F',
    '.5',
    '"\\u00e9"',
    "'a''b'",
    'é',
    '2001-01-01',
    '0777',
    '1_000',
    ': |\n  l1\n  l2\n',
    ': |-\n    m\n\n    n\n',
    '  \n',
  ];
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    let t = '';
    for (let k = 2 + rnd(14); k > 0; k--) t += pieces[rnd(pieces.length)];
    yield t;
  }
}

describe('the block YAML reader behind fromYaml', () => {
  it.each(inside)('reads %j', (text, expected) => {
    expect(readBlockYaml(text)).toEqual(expected);
    expect(readBlockYaml(text)).toEqual(parseYaml11Fast(text));
  });

  it.each(outside)('leaves %j to the general reader (%s)', (text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });

  it('agrees with the general reader on every generated text it takes', () => {
    let taken = 0;
    for (const text of generated(40000)) {
      const value = readBlockYaml(text);
      if (value === undefined) continue;
      taken++;
      expect({ text, value }).toEqual({ text, value: parseYaml11Fast(text) });
    }
    expect(taken).toBeGreaterThan(500);
  });
});
