import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNative, type Files } from '../helpers/differential.js';
import { withFixture } from '../helpers/kustomize-oracle.js';

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

const cases: {
  name: string;
  files: Files;
  dir?: string;
  rule: string;
  file?: string;
  line?: number;
  message: RegExp;
}[] = [
  {
    name: 'invalid YAML in a resource',
    files: { 'kustomization.yaml': 'resources: [bad.yaml]\n', 'bad.yaml': 'apiVersion: v1\nkind: [\n' },
    rule: 'yaml-syntax',
    file: 'bad.yaml',
    message: /./,
  },
  {
    name: 'duplicate key in a resource',
    files: {
      'kustomization.yaml': 'resources: [dup.yaml]\n',
      'dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
    },
    rule: 'yaml-duplicate-key',
    file: 'dup.yaml',
    line: 5,
    message: /name/,
  },
  {
    name: 'a missing resource file',
    files: { 'kustomization.yaml': 'resources: [nope.yaml]\n' },
    rule: 'missing-file',
    file: 'kustomization.yaml',
    message: /nope\.yaml/,
  },
  {
    name: 'a directory without a kustomization file',
    files: { 'kustomization.yaml': 'resources: [sub]\n', 'sub/x.yaml': cm },
    rule: 'kustomize-missing-kustomization',
    message: /no kustomization file in 'sub'/,
  },
  {
    name: 'a reference cycle',
    files: {
      'a/kustomization.yaml': 'resources: [../b]\n',
      'b/kustomization.yaml': 'resources: [../a]\n',
    },
    dir: 'a',
    rule: 'kustomize-cycle',
    message: /cycle detected.*a -> b -> a/,
  },
  {
    name: 'a path that escapes the root',
    files: { 'kustomization.yaml': 'resources: [../../outside.yaml]\n' },
    rule: 'path-escape',
    file: 'kustomization.yaml',
    message: /outside the repository root/,
  },
  {
    name: 'a remote URL in resources',
    files: {
      'kustomization.yaml': 'resources: [https://github.com/fluxcd/flux2/manifests/install?ref=v2.4.0]\n',
    },
    rule: 'kustomize-remote',
    message: /remote.*not fetched/,
  },
  {
    name: 'an alias bomb',
    files: {
      'kustomization.yaml': 'resources: [bomb.yaml]\n',
      'bomb.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: bomb}',
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
        'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
        'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]',
        'data: {k: *h}',
        '',
      ].join('\n'),
    },
    rule: 'yaml-alias-limit',
    file: 'bomb.yaml',
    message: /alias/,
  },
  {
    name: 'an unknown kustomization field',
    files: { 'kustomization.yaml': 'resourcess: [cm.yaml]\n', 'cm.yaml': cm },
    rule: 'kustomization-invalid',
    file: 'kustomization.yaml',
    message: /unknown field "resourcess"/,
  },
  {
    name: 'an empty kustomization',
    files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n' },
    rule: 'kustomization-empty',
    message: /empty/,
  },
  {
    name: 'two kustomization files',
    files: {
      'kustomization.yaml': 'resources: [cm.yaml]\n',
      'kustomization.yml': 'resources: [cm.yaml]\n',
      'cm.yaml': cm,
    },
    rule: 'kustomize-multiple-kustomizations',
    message: /multiple kustomization files/,
  },
  {
    name: 'a Kustomization listed as a component',
    files: {
      'kustomization.yaml': 'resources: [cm.yaml]\ncomponents: [comp]\n',
      'cm.yaml': cm,
      'comp/kustomization.yaml': 'resources: []\n',
    },
    rule: 'kustomize-component',
    message: /expected kind 'Component'/,
  },
  {
    name: 'a JSON patch without a target',
    files: {
      'kustomization.yaml':
        'resources: [cm.yaml]\npatches:\n- patch: |\n    - op: remove\n      path: /data\n',
      'cm.yaml': cm,
    },
    rule: 'kustomize-patch',
    message: /needs a target/,
  },
  {
    name: 'a resource without a name',
    files: { 'kustomization.yaml': 'resources: [x.yaml]\n', 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\n' },
    rule: 'resource-invalid',
    file: 'x.yaml',
    message: /missing metadata.name/,
  },
  {
    name: 'two resources with the same id',
    files: { 'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n', 'a.yaml': cm, 'b.yaml': cm },
    rule: 'kustomize-conflict',
    message: /already registered id/,
  },
  {
    name: 'helmCharts',
    files: { 'kustomization.yaml': 'helmCharts:\n- name: x\n  repo: https://example.com\n' },
    rule: 'kustomize-helm',
    message: /helm/,
  },
];

describe('bad input becomes a diagnostic naming the file', () => {
  it.each(cases)('$name', ({ files, dir, rule, file, line, message }) => {
    withFixture(files, (root) => {
      const out = buildNative(root, dir ?? '');
      expect(out.ok).toBe(false);
      const d = out.error?.diagnostic;
      expect(d?.rule).toBe(rule);
      expect(d?.message).toMatch(message);
      if (file) expect(d?.file).toBe(file);
      if (line) expect(d?.line).toBe(line);
    });
  });

  it('a symlink that leads outside the root is treated as absent', () => {
    withFixture({ 'repo/kustomization.yaml': 'resources: [link.yaml]\n', 'outside.yaml': cm }, (root) => {
      symlinkSync(join(root, 'outside.yaml'), join(root, 'repo/link.yaml'));
      const out = buildNative(join(root, 'repo'), '');
      expect(out.ok).toBe(false);
      expect(out.error?.diagnostic.rule).toBe('missing-file');
    });
  });
});
