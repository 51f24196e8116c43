/**
 * The helmfile bootstrap reader: which files are helmfiles, releases with inherited templates,
 * values files, inline values and `set`, the HelmRelease-values template, phase order; then the
 * bootstraps of the corpus repositories and of this repository, read in place.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isHelmfilePath,
  readBootstraps,
  readsHelmReleaseValues,
  TEMPLATED,
} from '../../src/checks/repository/helmfile.js';
import { scanTree } from '../../src/render/discover/scan.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, PROJECT_ROOT, sharedAvailable } from '../helpers/shared.js';

const yamlFiles = (tree: RepoTree) => scanTree(tree).files.filter((f) => /\.ya?ml$/.test(f));
const read = (files: Record<string, string>) => {
  const tree = memoryTree(files);
  return readBootstraps(tree, yamlFiles(tree));
};

describe('isHelmfilePath', () => {
  it.each([
    ['bootstrap/helmfile.yaml', true],
    ['bootstrap/infra/helmfile.d/01-apps.yaml', true],
    ['bootstrap/helmfile.d/01-core.yaml.gotmpl', true],
    ['kubernetes/bootstrap/helmfile/apps.yaml', true],
    ['any/helmfile.d/00-crds.yml', true],
    ['bootstrap/helmfile/templates/values.yaml.gotmpl', false],
    ['apps/helmfile.yaml', false],
    ['bootstrap/talos/talconfig.yaml', false],
  ])('%s → %s', (path, expected) => {
    expect(isHelmfilePath(path)).toBe(expected);
  });
});

describe('readsHelmReleaseValues', () => {
  it.each([
    [
      '{{ (fromYaml (readFile (printf "../apps/%s/helmrelease.yaml" .Release.Name))).spec.values | toYaml }}',
      true,
    ],
    ['{{ readFile "values.yaml" }}', false],
    ['replicas: {{ .Values.replicas }}', false],
  ])('%s → %s', (text, expected) => {
    expect(readsHelmReleaseValues(text)).toBe(expected);
  });
});

describe('readBootstraps', () => {
  it('reads releases with chart, version, values files, inline values, set and needs', () => {
    const [b] = read({
      'bootstrap/helmfile.d/01-apps.yaml': [
        'releases:',
        '  - name: cilium',
        '    namespace: kube-system',
        '    chart: cilium/cilium',
        '    version: 1.18.5',
        '    values:',
        '      - ../values/cilium.yaml',
        '      - operator: {replicas: 1}',
        '    set:',
        '      - name: ipam.mode',
        '        value: kubernetes',
        '  - name: coredns',
        '    namespace: kube-system',
        '    chart: oci://ghcr.io/coredns/charts/coredns',
        '    needs: [kube-system/cilium]',
        '',
      ].join('\n'),
      'bootstrap/values/cilium.yaml': 'operator:\n  replicas: 2\n  rollOutPods: true\n',
    });
    expect(b?.dir).toBe('bootstrap/helmfile.d');
    const [cilium, coredns] = b?.phases[0]?.releases ?? [];
    expect(cilium).toMatchObject({
      name: 'cilium',
      namespace: 'kube-system',
      chart: 'cilium/cilium',
      version: '1.18.5',
      line: 2,
      values: {
        fromHelmRelease: false,
        own: { operator: { replicas: 1, rollOutPods: true }, ipam: { mode: 'kubernetes' } },
        unknown: [],
      },
    });
    expect(coredns).toMatchObject({ needs: ['kube-system/cilium'], line: 12 });
    expect(coredns?.version).toBeUndefined();
  });

  it('inherits templates from bases, and recognises values read from the HelmRelease', () => {
    const [b] = read({
      'bootstrap/helmfile/default.yaml': [
        'templates:',
        '  default:',
        `    chart: '{{ (fromYaml (tpl (readFile "./templates/release.yaml.gotmpl") .)).chart }}'`,
        '    values:',
        '      - ./templates/values.yaml.gotmpl',
        '',
      ].join('\n'),
      'bootstrap/helmfile/templates/values.yaml.gotmpl':
        '{{ (fromYaml (readFile (printf "../../apps/%s/helmrelease.yaml" .Release.Name))).spec.values | toYaml }}\n',
      'bootstrap/helmfile/apps.yaml':
        'bases: [default.yaml]\ndefaultInherit: default\nreleases:\n  - name: spegel\n    namespace: kube-system\n',
    });
    expect(b?.phases.map((p) => p.file)).toEqual(['bootstrap/helmfile/apps.yaml']);
    const [spegel] = b?.phases[0]?.releases ?? [];
    expect(spegel?.chart).toBeUndefined();
    expect(spegel?.values).toEqual({ fromHelmRelease: true, own: {}, unknown: [] });
  });

  it('reads a .gotmpl helmfile with its template actions unknown', () => {
    const [b] = read({
      'bootstrap/helmfile.d/00-crds.yaml': 'releases: []\n',
      'bootstrap/helmfile.d/01-core.yaml.gotmpl': [
        '{{- $x := 1 }}',
        'releases:',
        '  - name: coredns',
        '    namespace: kube-system',
        '    chart: oci://ghcr.io/coredns/charts/coredns',
        '    version: {{ .Values.v }}',
        '    values:',
        '      - ../clusters/{{ .Environment.Name }}/values.yaml',
        '      - replicaCount: {{ .Values.replicas }}',
        '',
      ].join('\n'),
    });
    const [coredns] = b?.phases[0]?.releases ?? [];
    expect(coredns?.version).toBeUndefined();
    expect(coredns?.line).toBe(3);
    expect(coredns?.values.own).toEqual({ replicaCount: TEMPLATED });
    expect(coredns?.values.unknown).toHaveLength(1);
  });

  it('orders CRD phases first, then files by name, one bootstrap per directory', () => {
    const rel = (name: string) => `releases:\n  - name: ${name}\n    namespace: x\n    chart: c/${name}\n`;
    const crds = `helmDefaults:\n  args: [--include-crds, --no-hooks]\n${rel('crds')}`;
    const out = read({
      'bootstrap/a/helmfile.d/00-apps.yaml': rel('apps'),
      'bootstrap/a/helmfile.d/10-crds.yaml': crds,
      'bootstrap/b/helmfile.d/01-apps.yaml': rel('apps'),
      'bootstrap/b/helmfile.d/02-more.yaml': rel('more'),
    });
    expect(out.map((b) => [b.dir, b.phases.map((p) => [p.file.split('/').pop(), p.crdsOnly])])).toEqual([
      [
        'bootstrap/a/helmfile.d',
        [
          ['10-crds.yaml', true],
          ['00-apps.yaml', false],
        ],
      ],
      [
        'bootstrap/b/helmfile.d',
        [
          ['01-apps.yaml', false],
          ['02-more.yaml', false],
        ],
      ],
    ]);
  });

  it('skips a helmfile that does not parse, and one without releases', () => {
    expect(
      read({
        'bootstrap/helmfile.yaml': 'helmfiles:\n  - path: helmfile.d/01.yaml\n',
        'bootstrap/helmfile.d/01.yaml': 'releases: [\n',
      }),
    ).toEqual([]);
  });
});

describe('readBootstraps on hostile input', () => {
  it('reads a .gotmpl helmfile of unclosed and repeated actions in one pass', () => {
    const [b] = read({
      'bootstrap/helmfile.d/01.yaml.gotmpl': `note: ${'{{}}'.repeat(50_000)}x\nreleases:\n  - name: a${'{{'.repeat(100_000)}\n`,
    });
    expect(b?.phases[0]?.releases.map((r) => r.name)).toEqual([`a${'{{'.repeat(100_000)}`]);
  });

  it('does not read values files outside the repository', () => {
    const [b] = read({
      'bootstrap/helmfile.yaml': 'releases:\n  - name: a\n    values: [../../../etc/passwd]\n',
    });
    expect(b?.phases[0]?.releases[0]?.values.unknown).toEqual(['../../../etc/passwd']);
  });
});

describe('readBootstraps on real repositories', () => {
  it('this repository: CRDs, then the apps phase, values read from the HelmReleases', () => {
    const tree = openWorktree(PROJECT_ROOT);
    const infra = readBootstraps(tree, yamlFiles(tree)).find((b) => b.dir === 'bootstrap/infra/helmfile.d');
    expect(infra?.phases.map((p) => [p.file, p.crdsOnly])).toEqual([
      ['bootstrap/infra/helmfile.d/00-crds.yaml', true],
      ['bootstrap/infra/helmfile.d/01-apps.yaml', false],
    ]);
    const apps = infra?.phases[1]?.releases ?? [];
    expect(apps.map((r) => r.name)).toContain('cilium');
    for (const r of apps) expect(r.values.fromHelmRelease, r.name).toBe(true);
  });

  it.skipIf(!sharedAvailable())('the corpus: onedr0p, bjw-s and monosense', () => {
    const summary = (repo: string) => {
      const tree = openWorktree(join(CORPUS_DIR, repo));
      return readBootstraps(tree, yamlFiles(tree)).map((b) => ({
        dir: b.dir,
        phases: b.phases.map(
          (p) => `${p.file.split('/').pop()}${p.crdsOnly ? ' (crds)' : ''}: ${p.releases.length}`,
        ),
      }));
    };
    expect(summary('onedr0p__home-ops')).toEqual([
      { dir: 'bootstrap/helmfile', phases: ['crds.yaml (crds): 5', 'apps.yaml: 8'] },
    ]);
    expect(summary('bjw-s-labs__home-ops')).toEqual([
      { dir: 'kubernetes/bootstrap/helmfile', phases: ['crds.yaml (crds): 5', 'apps.yaml: 8'] },
    ]);
    expect(summary('monosense-io__k8s-gitops')).toEqual([
      { dir: 'bootstrap/helmfile.d', phases: ['00-crds.yaml (crds): 4', '01-core.yaml.gotmpl: 6'] },
    ]);
  });
});
