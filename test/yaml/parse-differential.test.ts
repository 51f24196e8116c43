import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { emitYaml } from '../../src/yaml/emit.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';

const HAS_KUBECTL = kubectlAvailable();

function header(name: string): string {
  return `apiVersion: example.com/v1\nkind: Parsed\nmetadata:\n  name: ${name}\n`;
}

/** Manifest bodies written in many YAML styles; each becomes one resource. */
const CASES: Record<string, string> = {
  ints: `spec:
  dec: 42
  neg: -17
  plus: +5
  zero: 0
  negzero: -0
  octal: 0755
  octal8: 08
  octal9: 0789
  o: 0o17
  hex: 0x1F
  hexUpper: 0X1f
  bin: 0b101
  negbin: -0b101
  under: 1_000_000
  underHex: 0x_FF
  maxSafe: 9007199254740991
  negMaxSafe: -9007199254740991
  huge: 123456789012345678901234567890
  hugeHex: 0xFFFFFFFFFFFFFFFFFFFF
`,
  floats: `spec:
  a: 1.5
  b: 1e3
  c: 1E-3
  d: .5
  e: -.5
  f: 1.
  g: 1.0
  h: 1234567.5
  i: 0.1
  j: 1e21
  k: 1e400
  l: +.5
  m: 100000.25
  n: 6.02e23
  o: .5_5
`,
  boolsAndNulls: `spec:
  t1: true
  t2: True
  t3: TRUE
  t4: tRUE
  f1: false
  y: yes
  n: no
  on: on
  off: Off
  n1: ~
  n2: null
  n3: Null
  n4: NULL
  n5:
  n6: nULL
  list: [~, null, true, yes]
`,
  timestamps: `spec:
  d1: 2001-01-02
  d2: 2001-1-2
  d3: 2001-01-02T03:04:05Z
  d4: 2001-01-02t03:04:05.123Z
  d5: 2001-01-02 03:04:05
  d6: 2001-01-02 03:04:05.5
  d7: 2001-01-02T03:04:05+01:30
  d8: 2001-01-02T03:04:05-00:00
  d9: 2001-02-30
  d10: 2001-01-02 03:04:05 +1
  d11: "2001-01-02"
  d12: 2001-01-02T03:04:05.1234567891Z
  d13: 2001-01-02T25:04:05Z
  d14: 2000-02-29
  d15: 1900-02-29
`,
  stringsThatLookLikeOthers: `spec:
  a: "123"
  b: '0755'
  c: "true"
  d: 1:20
  e: 190:20:30.15
  f: 1e
  g: 0x
  h: .inf_x
  i: '-'
  j: +
  k: _1
  l: 1__
  m: .
  n: "~"
  o: <<x
  p: 12e3e4
  q: 0b102
  r: 1.2.3
`,
  blockScalars: `spec:
  literal: |
    line one
      indented
    line three
  strip: |-
    a
    b
  keep: |+
    a

  folded: >
    folded
    text

    new para
  foldedStrip: >-
    a
    b
  foldedKeep: >+
    a
    b
  indentIndicator: |2
      two extra
    base
  trailingComment: |  # comment
    text
  empty: |
  emptyKeep: |+

  last: x
`,
  plainMultiline: `spec:
  a: this is a plain
    scalar over
    three lines
  b: "double quoted
    over lines"
  c: 'single quoted
    it''s

    with blank line'
  d: "escaped\\
    join"
`,
  escapes: `spec:
  tab: "a\\tb"
  hex: "\\x41\\x7e"
  u: "\\u263A"
  bigU: "\\U0001F600"
  nbsp: "\\_"
  esc: "\\e"
  bell: "\\a"
  nul: "\\0"
  quote: "\\"'"
  space: "\\ "
  single: 'it''s'
  backslash: 'a\\b'
`,
  flow: `spec:
  map: {a: 1, b: [1, 2, {c: d}], "e f": g}
  list: [a, b, [c, [d]], {}, []]
  empty: {}
  emptyList: []
  spaced: { a : 1 , b : 2 }
  multiline: [
    one,
    two
  ]
  trailing: [a, b, ]
`,
  anchors: `base: &base
  a: 1
  b: 2
  nested: {x: 1}
other: &other
  c: 3
  b: 20
list: &list [1, 2]
scalar: &s value
spec:
  merged:
    <<: *base
    b: 3
  mergedBefore:
    b: 4
    <<: *base
  mergedList:
    <<: [*other, *base]
  mergedInline:
    <<: {z: 26}
    y: 25
  alias: *list
  scalarAlias: *s
  nestedCopy: *base
  seq:
  - *base
  - *s
`,
  tags: `spec:
  str: !!str 123
  strBool: !!str true
  int: !!int "42"
  float: !!float 1
  floatStr: !!float "2.5"
  bool: !!bool "true"
  nullTag: !!null ""
  binary: !!binary aGVsbG8gd29ybGQ=
  ts: !!timestamp 2001-01-02
  custom: !Ref some-value
  customMap: !Thing {a: 1}
  customSeq: !Thing [1, 2]
  verbatim: !<tag:yaml.org,2002:str> 5
  map: !!map {a: b}
  seq: !!seq [a]
`,
  comments: `# leading comment
spec: # trailing
  # inside
  a: 1 # after value
  b: "x # not a comment"
  c: x#y
  d: '# quoted'
  list:
  # between items
  - a   # item comment
  - b
`,
  keys: `spec:
  "quoted key": 1
  'single': 2
  ? complex key
  : 3
  ? |
    block key
  : 4
  "": empty
  "123": numeric string key
  "a: b": colon
`,
  topLevelKeys: `1: one
true: yes
1.5: x
spec: {}
`,
  indentation: `spec:
    deep:
        deeper:
            - a
            -   b: 1
                c: 2
            - - nested
              - seq
    seqInSeq:
    -   - x
    - y
`,
  unicode: `spec:
  jp: 日本語
  emoji: 😀 smile
  accents: naïve café
  quotedEmoji: "\\U0001F680"
  rtl: שלום
  longUnicode: ${'ü '.repeat(60)}end
`,
  longLines: `spec:
  plain: ${'word '.repeat(40)}end
  quoted: "${'word '.repeat(40)}end"
  single: '${'word '.repeat(40)}end'
  folded: >
    ${'word '.repeat(40)}end
  longNoSpace: ${'x'.repeat(200)}
`,
};

const OTHER_FILES: Record<string, string> = {
  'crlf.yaml': (header('crlf') + 'spec:\n  a: 1\n  b: |\n    x\n    y\n  c: "q"\n').replace(/\n/g, '\r\n'),
  'bom.yaml': '\ufeff' + header('bom') + 'spec:\n  a: yes\n',
  // A block scalar whose last line ends the file, with no line break after it.
  'literal-at-end.yaml': header('literal-at-end') + 'spec:\n  a: |\n    x\n  b: |\n    l1\n    l2',
  'folded-at-end.yaml': header('folded-at-end') + 'spec:\n  a: >\n    x\n    y\n\n    z',
  'keep-at-end.yaml': header('keep-at-end') + 'spec:\n  a: |+\n    x',
  'blank-at-end.yaml': header('blank-at-end') + 'spec:\n  a: |\n    x\n  ',
  'docs-at-end.yaml': `${header('docs-at-end-a')}spec:\n  a: |\n    x\n---\n${header('docs-at-end-b')}spec:\n  - |\n    y`,
  'multi.yaml': `# only a comment
---
${header('multi-a')}spec: {a: 1}
---
# comment only document
---
${header('multi-b')}spec: {b: 2}
---   # comment after the marker
${header('multi-c')}spec: {c: 3}
...
ignored: after the end marker
`,
  'first-line-marker.yaml': `--- {apiVersion: example.com/v1, kind: Parsed, metadata: {name: first-line}}\n`,
};

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = { ...OTHER_FILES };
  for (const [name, body] of Object.entries(CASES)) files[`${name}.yaml`] = header(name.toLowerCase()) + body;
  files['kustomization.yaml'] =
    'resources:\n' +
    Object.keys(files)
      .map((f) => `- ${f}\n`)
      .join('');
  return files;
}

function ourDocuments(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([name]) => name !== 'kustomization.yaml')
    .flatMap(([name, text]) => parseYamlDocuments(text, name))
    .map((d) => d.value)
    .filter((v) => v !== null)
    .map((v) => emitYaml(v));
}

describe.skipIf(!HAS_KUBECTL)('parseYamlDocuments against kubectl kustomize', () => {
  it('reads every YAML style the way kustomize does', () => {
    const files = fixtureFiles();
    const real = withFixture(files, (root) => realKustomize(root));
    expect(real.stderr).toBe('');
    const expected = real.stdout.split(/^---\n/m).sort();
    const ours = ourDocuments(files).sort();
    expect(ours.length).toBe(expected.length);
    ours.forEach((doc, i) => expect(doc).toBe(expected[i]));
  });

  it.each<[string, string, string]>([
    ['duplicate key', 'spec:\n  a: 1\n  b: 2\n  a: 3\n', 'yaml-duplicate-key'],
    ['duplicate key quoted and plain', 'spec:\n  a: 1\n  "a": 3\n', 'yaml-duplicate-key'],
    ['unclosed flow', 'spec:\n  a: [1\n', 'yaml-syntax'],
    ['bad indentation', 'spec:\n  a: 1\n b: 2\n', 'yaml-syntax'],
    ['tab indentation', 'spec:\n\ta: 1\n', 'yaml-syntax'],
    ['undefined alias', 'spec:\n  a: *nope\n', 'yaml-syntax'],
    ['non-string nested key', 'spec:\n  1: a\n', 'yaml-non-string-key'],
    ['bool nested key', 'spec:\n  true: a\n', 'yaml-non-string-key'],
    ['wrong explicit tag', 'spec:\n  a: !!int abc\n', 'yaml-syntax'],
    ['control character escape', 'spec:\n  a: "\\x7f"\n', 'yaml-control-character'],
    ['merge of a scalar', 'spec:\n  <<: 1\n', 'yaml-merge'],
    ['directive (kustomize splits it from its document)', '', 'yaml-syntax'],
    ['end marker without document', 'spec: {}\n---\n...\n', 'yaml-syntax'],
    ['content after separator', 'spec: {}\n--- {a: 1}\n', 'yaml-syntax'],
    ['certificate at column 0', 'spec:\n  pem: |\n-----BEGIN CERTIFICATE-----\n', 'yaml-syntax'],
  ])('%s fails in both', (_name, body, rule) => {
    const text = body === '' ? `%YAML 1.1\n---\n${header('bad')}` : header('bad') + body;
    const real = withFixture({ 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': text }, (root) =>
      realKustomize(root),
    );
    expect(real.ok).toBe(false);
    let error: unknown;
    try {
      parseYamlDocuments(text, 'r.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostic.rule).toBe(rule);
    expect((error as DiagnosticError).diagnostic.file).toBe('r.yaml');
  });
});
