import { describe, expect, it } from 'vitest';
import { marshalYamlPretty } from '../../../src/gotemplate/helm/to-yaml-pretty.js';
import { goInt, newMap, type GoValue } from '../../../src/gotemplate/value.js';

function toGo(value: unknown): GoValue {
  if (Array.isArray(value)) return value.map(toGo);
  if (value !== null && typeof value === 'object') {
    const map = newMap();
    for (const [k, v] of Object.entries(value)) map[k] = toGo(v);
    return map;
  }
  return value as GoValue;
}

// Values as YAML gives them (float64 numbers); outputs recorded from helm v4.1.4's toYamlPretty.
const cases: [string, GoValue, string][] = [
  [
    'a',
    toGo({
      b: [1, 2],
      s: 'yes',
      l: 'word '.repeat(25),
      f: 1000000,
      m: 'x\ny',
      false: { b: 1, a: [{ x: 1, y: 2 }] },
    }),
    'b:\n  - 1\n  - 2\nf: 1e+06\n"false":\n  a:\n    - x: 1\n      "y": 2\n  b: 1\nl: \'word word word word word word word word word word word word word word word word word word word word word word word word word \'\nm: |-\n  x\n  y\ns: "yes"',
  ],
  [
    'b',
    toGo([
      [1, 2],
      [],
      {},
      '',
      null,
      '2020-01-01',
      '1:20',
      '0x1F',
      '1_000',
      '~',
      'null',
      'on',
      '<<',
      '.inf',
      'a: b',
      ' lead',
      'trail ',
      'é',
      'tab\there',
      "q'uote",
      'multi\nline\n',
      'keep\n\n',
      ' spaced\nx',
    ]),
    '- - 1\n  - 2\n- []\n- {}\n- ""\n- null\n- "2020-01-01"\n- "1:20"\n- "0x1F"\n- "1_000"\n- "~"\n- "null"\n- "on"\n- <<\n- ".inf"\n- \'a: b\'\n- \' lead\'\n- \'trail \'\n- é\n- "tab\\there"\n- q\'uote\n- |\n  multi\n  line\n- |+\n  keep\n\n- |2-\n   spaced\n  x',
  ],
  [
    'c',
    toGo({ 'key with: colon': 1, '10': 'a', '9': 'b', a10: 'c', a9: 'd', '': 'e', '-': 'f' }),
    '"": e\n\'-\': f\n"9": b\n"10": a\na9: d\na10: c\n\'key with: colon\': 1',
  ],
  ['d', toGo([{ a: [1, { b: ['x'] }] }, [[1]]]), '- a:\n    - 1\n    - b:\n        - x\n- - - 1'],
  ['float', 8080, '8080'],
  ['negative float', -0.5, '-0.5'],
  ['small float', 1e-7, '1e-07'],
  ['string', 's', 's'],
  ['nil', null, 'null'],
  ['empty list', [], '[]'],
  ['multi-line string', 'a\nb', '|-\n  a\n  b'],
  ['int', goInt(3), '3'],
];

describe('toYamlPretty', () => {
  it.each(cases)('%s', (_name, value, want) => {
    expect(marshalYamlPretty(value)).toBe(want);
  });
});
