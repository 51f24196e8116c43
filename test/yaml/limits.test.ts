import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { expansionProblem } from '../../src/yaml/alias-expansion.js';
import { MAX_DOCUMENT_BYTES, MAX_YAML_DEPTH } from '../../src/yaml/limits.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { parseYaml11 } from '../../src/yaml/parse-yaml11.js';
import { findNonFinite, unprintableValueError } from '../../src/yaml/unprintable.js';
import { expectSameAsKubectl } from '../helpers/differential.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';

const flow = (n: number) => `x: ${'['.repeat(n)}${']'.repeat(n)}\n`;
const block = (n: number) => `x:\n${'- '.repeat(n)}a\n`;
const mapping = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' v\n';
// The root mapping is one level: `x: [[]]` nests 3 collections.
const rootLevels = 1;

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => {
    const prev = 'abcdefghi'[i] as string;
    return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

function failure(fn: () => unknown): DiagnosticError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

describe('nesting depth', () => {
  const readers: [string, (text: string) => unknown][] = [
    ['manifests (go-yaml v3 rules)', (t) => parseYamlDocuments(t, 'f.yaml')],
    ['kustomization files (YAML 1.1 rules)', (t) => parseYaml11(t, 'f.yaml')],
  ];
  const shapes: [string, (n: number) => string, number][] = [
    ['flow', flow, 0],
    ['block compact', block, 0],
    ['block indented', mapping, 1],
  ];
  for (const [reader, read] of readers) {
    for (const [shape, make, extra] of shapes) {
      it(`${reader}: ${shape} nesting up to the limit is read, one more is yaml-limit`, () => {
        const most = MAX_YAML_DEPTH - rootLevels + extra;
        expect(() => read(make(most))).not.toThrow();
        const e = failure(() => read(make(most + 1)));
        expect(e.diagnostic.rule).toBe('yaml-limit');
        expect(e.diagnostic.file).toBe('f.yaml');
        expect(e.diagnostic.line).toBeGreaterThan(0);
        expect(e.message).toContain(`${MAX_YAML_DEPTH} levels`);
      });
      it(`${reader}: ${shape} nesting 10,000 deep is yaml-limit, not a stack overflow`, () => {
        expect(failure(() => read(make(10_000))).diagnostic.rule).toBe('yaml-limit');
      });
    }
  }

  it('an alias placed deep cannot nest its anchor past the limit', () => {
    const half = Math.ceil(MAX_YAML_DEPTH / 2) + 1;
    const text = `a: &a ${'['.repeat(half)}${']'.repeat(half)}\nb: ${'['.repeat(half)}*a${']'.repeat(half)}\n`;
    expect(failure(() => parseYamlDocuments(text, 'f.yaml')).diagnostic.rule).toBe('yaml-limit');
    expect(failure(() => parseYaml11(text, 'f.yaml')).diagnostic.rule).toBe('yaml-limit');
  });

  it('an empty-entry document 10,000 deep does not overflow the quirk fix', () => {
    const text = `x:\n${'- '.repeat(10_000)}\n- y\n`;
    expect(failure(() => parseYamlDocuments(text, 'f.yaml')).diagnostic.rule).toBe('yaml-limit');
  });
});

describe('aliases', () => {
  it.each<[string, (t: string) => unknown]>([
    ['manifests', (t) => parseYamlDocuments(t, 'f.yaml')],
    ['kustomization files', (t) => parseYaml11(t, 'f.yaml')],
  ])('a billion laughs is yaml-alias-limit in %s', (_name, read) => {
    const e = failure(() => read(BOMB));
    expect(e.diagnostic.rule).toBe('yaml-alias-limit');
    expect(e.diagnostic.file).toBe('f.yaml');
  });

  it('moderate reuse of anchors is fine', () => {
    const text = 'a: &a {k: v}\nb: [*a, *a, *a]\n';
    expect(parseYaml11(text, 'f.yaml')).toEqual({ a: { k: 'v' }, b: [{ k: 'v' }, { k: 'v' }, { k: 'v' }] });
  });

  it.each<[string, unknown, string | undefined]>([
    ['plain data', { a: [1, 2, { b: 'c' }] }, undefined],
    ['a scalar', 'x', undefined],
    [
      'a shared subtree used twice',
      (() => {
        const s = { k: 'v' };
        return { a: s, b: s };
      })(),
      undefined,
    ],
    [
      'a value that holds itself',
      (() => {
        const s: unknown[] = [];
        s.push(s);
        return { a: s };
      })(),
      'alias-limit',
    ],
  ])('expansionProblem: %s', (_name, value, want) => {
    expect(expansionProblem(value)).toBe(want);
  });
});

describe('document size', () => {
  it('a document over the limit is yaml-limit at its first line, before parsing', () => {
    const big = `a: 1\n---\nkind: ConfigMap\ndata:\n  v: ${'x'.repeat(MAX_DOCUMENT_BYTES)}\n`;
    const e = failure(() => parseYamlDocuments(big, 'f.yaml'));
    expect(e.diagnostic).toMatchObject({ rule: 'yaml-limit', file: 'f.yaml', line: 3 });
    expect(e.message).toContain('4.0 MiB');
  });

  it('counts UTF-8 bytes, not characters', () => {
    const chars = Math.floor(MAX_DOCUMENT_BYTES / 3) + 10;
    expect(failure(() => parseYamlDocuments(`v: ${'€'.repeat(chars)}\n`, 'f.yaml')).diagnostic.rule).toBe(
      'yaml-limit',
    );
    expect(() => parseYamlDocuments(`v: ${'x'.repeat(chars)}\n`, 'f.yaml')).not.toThrow();
  });
});

describe('NaN and infinities', () => {
  it.each<[string, unknown, string | undefined]>([
    ['none', { a: [1, 'x', null] }, undefined],
    ['+Inf', { a: { b: [1, Infinity] } }, 'json: unsupported value: +Inf at .a.b[1]'],
    ['-Inf', { z: -Infinity }, 'json: unsupported value: -Inf at .z'],
    ['NaN', [NaN], 'json: unsupported value: NaN at [0]'],
  ])('%s', (_name, value, message) => {
    const e = unprintableValueError(value as never, { file: 'f.yaml', line: 3 });
    if (message === undefined) return expect(e).toBeUndefined();
    expect(e?.diagnostic).toMatchObject({ rule: 'yaml-unsupported-value', file: 'f.yaml', line: 3 });
    expect(e?.message).toContain(message);
  });

  it('finds a value 10,000 levels deep without recursion', () => {
    let v: unknown = Infinity;
    for (let i = 0; i < 10_000; i++) v = [v];
    expect(findNonFinite(v as never)?.path).toHaveLength(10_000);
  });
});

describe.runIf(kubectlAvailable())('NaN and infinities against kubectl kustomize', () => {
  const cm = (x: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inf}\nx: ${x}\n`;
  it.each(['.inf', '-.inf', '.nan', '[1, .Inf]'])('%s fails the build as kustomize does', (x) => {
    const out = expectSameAsKubectl({ 'kustomization.yaml': 'resources: [cm.yaml]\n', 'cm.yaml': cm(x) });
    expect(out.error?.diagnostic).toMatchObject({ rule: 'yaml-unsupported-value', file: 'cm.yaml' });
  });

  it('a patch that replaces the value builds, as in kustomize', () => {
    const patch =
      'patches:\n- patch: |\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: inf}\n    x: 1\n';
    const out = expectSameAsKubectl({
      'kustomization.yaml': `resources: [cm.yaml]\n${patch}`,
      'cm.yaml': cm('.inf'),
    });
    expect(out.ok).toBe(true);
  });

  it("a quoted '.inf' is a string", () => {
    expect(
      expectSameAsKubectl({ 'kustomization.yaml': 'resources: [cm.yaml]\n', 'cm.yaml': cm("'.inf'") }).ok,
    ).toBe(true);
  });
});
