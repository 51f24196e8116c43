import { describe, expect, it } from 'vitest';
import { parseYaml11 } from '../../src/yaml/parse-yaml11.js';

// go-yaml's answers (sigs.k8s.io/yaml, as helm reads values files and fromYaml's input).
const CASES: [string, unknown][] = [
  ['k: |\n  line', { k: 'line' }],
  ['k: |\n  line\n', { k: 'line\n' }],
  ['k: |\n  l1\n  l2', { k: 'l1\nl2' }],
  ['k: |+\n  line', { k: 'line' }],
  ['k: |-\n  line', { k: 'line' }],
  ['k: >\n  a\n  b', { k: 'a b' }],
  ['k:\n  x: |\n    v', { k: { x: 'v' } }],
  ['- |\n  a\n- |\n  b', ['a\n', 'b']],
  ['k: |\n  line\n  ', { k: 'line\n' }],
  ['k: |\n  line\n\n', { k: 'line\n' }],
  ['k: |\n  line\nz: 1', { k: 'line\n', z: 1 }],
  ['k: |\n  line\n# c', { k: 'line\n' }],
  ['k: "q\\n"', { k: 'q\n' }],
  ['k: a\n  b', { k: 'a b' }],
];

describe('a block scalar ending the input without a line break', () => {
  it.each(CASES)('%j', (text, expected) => {
    expect(parseYaml11(text, 'values.yaml')).toEqual(expected);
  });
});
