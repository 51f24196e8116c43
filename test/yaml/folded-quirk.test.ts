import { describe, expect, it } from 'vitest';
import { applyFoldedQuirk, mayHaveFoldedScalar } from '../../src/yaml/folded-quirk.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';

const folded: [string, string][] = [
  ['more-indented line', 'a: >-\n  one\n    two\n  three\n'],
  ['blank line before a more-indented line', 'a: >-\n  one\n\n    two\n  three\n'],
  ['clip with a more-indented run', 'a: >\n  one\n  two\n\n  three\n    four\n    five\n  six\n'],
  ['keep chomping', 'a: >+\n  one\n  two\n\n'],
  ['plain folding only', 'a: >\n  one\n  two\n'],
  ['tagged and anchored', 'a: !!str &x >-\n  one\n    two\n'],
  ['literal is untouched', 'a: |-\n  one\n    two\n'],
  ['a tab does not prevent it', 'a: >-\n  one\ttab\n    two\n'],
];

describe('applyFoldedQuirk', () => {
  it.each([
    ['one\n  two', 'one\n\n  two'],
    ['one\n\n  two', 'one\n\n\n  two'],
    ['one\n  two\n  three\nfour', 'one\n\n  two\n  three\nfour'],
    ['one two\n', 'one two\n'],
    ['one\n\n', 'one\n\n\n'],
    [' starts with a blank\n  x', ' starts with a blank\n  x'],
    ['trailing space \n  x', 'trailing space \n  x'],
  ])('%j -> %j', (input, output) => {
    expect(applyFoldedQuirk(input)).toBe(output);
  });

  it('detects folded indicators cheaply', () => {
    expect(mayHaveFoldedScalar('a: >-\n  x\n')).toBe(true);
    expect(mayHaveFoldedScalar('- >\n  x\n')).toBe(true);
    expect(mayHaveFoldedScalar('a: "x > y"\nb: |\n  z\n')).toBe(false);
  });
});

describe.skipIf(!kubectlAvailable())('folded scalars read as kustomize reads them', () => {
  it.each(folded)('%s', (_name, body) => {
    const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${body.replace(/^/gm, '  ').trimEnd()}\n`;
    withFixture({ 'kustomization.yaml': 'resources: [cm.yaml]\n', 'cm.yaml': cm }, (root) => {
      const real = realKustomize(root);
      expect(real.ok, real.stderr).toBe(true);
      const expected = parseYamlDocuments(real.stdout, 'out', { kustomizeFoldedScalars: false })[0]?.value;
      expect(parseYamlDocuments(cm, 'cm.yaml')[0]?.value).toEqual(expected);
    });
  });
});
