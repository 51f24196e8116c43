import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { emitYaml } from '../../src/yaml/emit.js';
import { fillEmptyEntries } from '../../src/yaml/empty-entry-quirk.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { parseYaml11 } from '../../src/yaml/parse-yaml11.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';
import { EMPTY_ENTRY_ERRORS, EMPTY_ENTRY_SHAPES, indent } from './empty-entry-shapes.js';

describe('fillEmptyEntries', () => {
  it.each([
    ['- - \n- x\n', '- - ~ \n- x\n'],
    ['- -\n- x\n', '- - ~\n- x\n'],
    ['- - # c\n- x\n', '- - ~ # c\n- x\n'],
    ['- - \r\n- x\r\n', '- - ~ \r\n- x\r\n'],
    ['- k:\n  -\n- x\n', '- k:\n  - ~\n- x\n'],
    ['- - \n- - \n- x\n', '- - ~ \n- - ~ \n- x\n'],
    ['- -\n  -\n-\n', '- -\n  - ~\n-\n'],
  ])('%j -> %j', (input, output) => {
    expect(fillEmptyEntries(input)).toBe(output);
  });

  it.each([
    ['entry at the same column follows', '- - \n  - x\n'],
    ['more indented content follows', '- - \n    x\n'],
    ['a key follows', 'a:\n- - \nb: 1\n'],
    ['last line', '- x\n- - \n'],
    ['anchored entry', '- - &a\n- x\n'],
    ['tagged entry', '- - !!str\n- x\n'],
    ['inside a literal scalar', 'a: |\n  - - \n  - x\n'],
    ['inside a quoted scalar', 'a: "\n  - - \n  - x"\n'],
  ])('leaves %s alone', (_name, text) => {
    expect(fillEmptyEntries(text)).toBe(text);
  });

  it('reads as go-yaml does in both readers', () => {
    expect(parseYamlDocuments('a:\n- - \n- x\n', 'f.yaml')[0]?.value).toEqual({ a: [[null], 'x'] });
    expect(parseYaml11('a:\n- - \n- y\n', 'f.yaml')).toEqual({ a: [[null], true] });
  });
});

const header = 'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\n';
const manifest = (body: string): string => `${header}spec:\n${indent(body, 2)}`;

function kubectlOn(text: string): ReturnType<typeof realKustomize> {
  return withFixture({ 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': text }, (root) =>
    realKustomize(root),
  );
}

describe.skipIf(!kubectlAvailable())(
  'empty sequence entries in manifests read as kustomize (go-yaml v3)',
  () => {
    it.each(EMPTY_ENTRY_SHAPES)('%s', (_name, body) => {
      const text = manifest(body);
      const real = kubectlOn(text);
      expect(real.stderr).toBe('');
      const ours = parseYamlDocuments(text, 'r.yaml').map((d) => emitYaml(d.value));
      expect(ours).toEqual([real.stdout]);
    });

    it.each(EMPTY_ENTRY_ERRORS)('%s fails in both', (_name, body) => {
      const text = manifest(body);
      expect(kubectlOn(text).ok).toBe(false);
      let error: unknown;
      try {
        parseYamlDocuments(text, 'r.yaml');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DiagnosticError);
      expect((error as DiagnosticError).diagnostic.rule).toBe('yaml-syntax');
    });
  },
);
