/** The path segments of `build --out-dir`: what Kubernetes and a file system accept, and nothing else. */
import { describe, expect, it } from 'vitest';
import {
  isInside,
  pathSegmentProblem,
  planOutputFiles,
  type OutputEntry,
} from '../../src/report/output-paths.js';

describe('pathSegmentProblem', () => {
  it.each([
    ['dev', undefined],
    ['prod-eu', undefined],
    ['Prod_EU', undefined],
    ['', 'empty'],
    ['.', "starts with '.'"],
    ['..', "starts with '.'"],
    ['.hidden', "starts with '.'"],
    ['a/b', 'contains a path separator'],
    ['/abs', 'contains a path separator'],
    ['a\\b', 'contains a path separator'],
    ['a\u0000b', 'contains a control character'],
    ['a\u001b[31m', 'contains a control character'],
    ['C:x', 'looks like a drive letter'],
    ['x'.repeat(256), 'longer than 255 bytes'],
  ])('%j', (value, problem) => {
    expect(pathSegmentProblem(value)).toBe(problem);
  });
});

describe('isInside', () => {
  it.each([
    ['/out', '/out', true],
    ['/out', '/out/a/b', true],
    ['/out', '/out/..a', true],
    ['/out', '/outside', false],
    ['/out', '/', false],
    ['/out', '/out/../x', false],
  ])('%s contains %s: %s', (root, path, inside) => {
    expect(isInside(root, path)).toBe(inside);
  });
});

const entry = (over: Partial<OutputEntry>): OutputEntry => ({
  cluster: 'dev',
  namespace: 'flux-system',
  name: 'apps',
  file: 'clusters/dev/apps.yaml',
  line: 3,
  content: 'x',
  ...over,
});

describe('planOutputFiles', () => {
  const source = { file: 'clusters/dev/apps.yaml', line: 3 };
  it('maps each Kustomization to cluster/namespace/name.ext', () => {
    expect(planOutputFiles([entry({}), entry({ name: 'a.b' })], 'json')).toEqual({
      files: [
        { segments: ['dev', 'flux-system', 'apps.json'], content: 'x', source },
        { segments: ['dev', 'flux-system', 'a.b.json'], content: 'x', source },
      ],
      diagnostics: [],
    });
  });

  it.each<[string, Partial<OutputEntry>, RegExp]>([
    [
      'a relative namespace',
      { namespace: '../../../../x' },
      /namespace '\.\.\/\.\.\/\.\.\/\.\.\/x' is not a DNS-1123 label/,
    ],
    ['an absolute namespace', { namespace: '/etc' }, /namespace '\/etc'/],
    ['a namespace of ..', { namespace: '..' }, /namespace '\.\.'/],
    ['an encoded namespace', { namespace: '%2e%2e' }, /namespace '%2e%2e'/],
    ['a relative name', { name: '../../x' }, /name '\.\.\/\.\.\/x' is not a DNS-1123 subdomain/],
    ['an absolute name', { name: '/tmp/x' }, /name '\/tmp\/x'/],
    ['a name of ..', { name: '..' }, /name '\.\.'/],
    ['a name with a backslash', { name: '..\\x' }, /name '\.\.\\\\x'/],
    ['a name with a NUL', { name: 'a\u0000' }, /name 'a\\u0000'/],
    ['a name too long for a file', { name: 'a'.repeat(251) }, /longer than 255 bytes/],
    ['a cluster with a slash', { cluster: '../x' }, /cluster name '\.\.\/x' cannot be a folder name/],
    ['an absolute cluster', { cluster: '/x' }, /cluster name '\/x'/],
    ['a cluster of ..', { cluster: '..' }, /cluster name '\.\.'/],
  ])('refuses %s, naming the file, and plans nothing', (_what, over, message) => {
    const { files, diagnostics } = planOutputFiles([entry({}), entry(over)], 'yaml');
    expect(files).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      rule: 'output-path',
      file: 'clusters/dev/apps.yaml',
      line: 3,
    });
    expect(diagnostics[0]?.message).toMatch(message);
  });

  it('shows a long hostile value shortened and escaped', () => {
    const { diagnostics } = planOutputFiles([entry({ name: `\u001b[2J${'x'.repeat(300)}` })], 'yaml');
    expect(diagnostics[0]?.message).toContain("'\\u001b[2Jxxx");
    expect(diagnostics[0]?.message).not.toContain('\u001b');
    expect(diagnostics[0]?.message.length).toBeLessThan(300);
  });
});
