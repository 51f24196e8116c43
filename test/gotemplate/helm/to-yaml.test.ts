import { describe, expect, it } from 'vitest';
import { marshalYaml } from '../../../src/gotemplate/helm/to-yaml.js';
import {
  GoFloat32,
  GoStruct,
  goInt,
  newMap,
  nilSlice,
  setMapKey,
  typedSlice,
  type GoMap,
  type GoValue,
} from '../../../src/gotemplate/value.js';

function map(entries: [string, GoValue][]): GoMap {
  const m = newMap();
  for (const [k, v] of entries) setMapKey(m, k, v);
  return m;
}

// Expected texts are helm v4.1.4's toYaml of the same values. Some values are written from the
// data directly, others need the JSON text (big integers, float32, bytes, structs, strings the
// JSON read-back changes): both must print what helm prints.
const cases: [string, GoValue, string][] = [
  ['a float with 17 significant digits', 0.30000000000000004, '0.30000000000000004'],
  [
    'a fraction of 17 digits beside other floats',
    map([
      ['a', 0.12345678901234568],
      ['b', 1e300],
    ]),
    'a: 0.12345678901234568\nb: 1e+300',
  ],
  [
    'integral floats around the int64 range',
    [1e20, 1e21, 12345678901234568, 1234567890123456, -0, 0.5, 1e-7],
    '- 1e+20\n- 1e+21\n- 12345678901234568\n- 1234567890123456\n- 0\n- 0.5\n- 1e-07',
  ],
  [
    'Go integers past 2^53',
    map([
      ['a', goInt(2n ** 63n - 1n, 'int64')],
      ['b', goInt(-(2n ** 63n), 'int64')],
      ['c', goInt(2n ** 64n - 1n, 'uint64')],
      ['d', goInt(42)],
    ]),
    'a: 9223372036854775807\nb: -9223372036854775808\nc: 18446744073709551615\nd: 42',
  ],
  ['a float32', [new GoFloat32(0.1)], '- 0.1'],
  [
    'nil, missing and empty',
    map([
      ['s', nilSlice()],
      ['e', []],
      ['u', undefined],
      ['z', null],
    ]),
    'e: []\ns: null\nu: null\nz: null',
  ],
  [
    'bytes as base64',
    map([['b', typedSlice([goInt(104, 'uint8'), goInt(105, 'uint8')], '[]uint8')]]),
    'b: aGk=',
  ],
  ['a NEL folded by the read-back', map([['s', 'a\u0085b']]), 's: a b'],
  ['lone surrogates', map([['k\ud800', 'x\udc00y']]), 'k\ufffd: x\ufffdy'],
  ['a __proto__ key', map([['__proto__', map([['a', 1]])]]), '__proto__:\n  a: 1'],
  [
    'strings YAML would read otherwise',
    map([
      ['y', 'yes'],
      ['n', ''],
      ['l', 'a\nb'],
      ['q', 'a: b'],
      ['t', true],
    ]),
    'l: |-\n  a\n  b\n"n": ""\nq: \'a: b\'\nt: true\n"y": "yes"',
  ],
  [
    'a struct by its exported fields',
    map([['s', new GoStruct('T', { Name: 'x', hidden: 1 })]]),
    's:\n  Name: x',
  ],
];

describe('toYaml (sigs.k8s.io/yaml.Marshal)', () => {
  it.each(cases)('%s', (_label, value, expected) => {
    expect(marshalYaml(value)).toBe(expected);
  });

  it('prints data nested deeper than the direct path goes', () => {
    let v: GoValue = 'leaf';
    for (let i = 0; i < 1100; i++) v = [v];
    const text = marshalYaml(v);
    expect(text.startsWith('- - - ')).toBe(true);
    expect(text.endsWith('leaf')).toBe(true);
  });

  it('refuses a cycle with json.Marshal’s error', () => {
    const m = newMap();
    m.self = m;
    expect(() => marshalYaml(m)).toThrow('encountered a cycle');
  });
});
