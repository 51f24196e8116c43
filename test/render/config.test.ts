import { describe, expect, it } from 'vitest';
import { loadConfig, parseDuration } from '../../src/render/config.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

const REPO = {
  'clusters/prod/flux/kustomization.yaml': 'resources: []\n',
  'clusters/test/flux/kustomization.yaml': 'resources: []\n',
  'stubs/secret.yaml': 'kind: Secret\n',
};

function load(config: string) {
  return loadConfig(memoryTree({ ...REPO, 'k8s-ops.yaml': config }));
}

describe('loadConfig', () => {
  it('is optional: no file, no config, no diagnostics', () => {
    expect(loadConfig(memoryTree(REPO))).toEqual({ diagnostics: [] });
  });

  it('treats an empty or comment-only file as the defaults', () => {
    const { config, diagnostics } = load('# nothing yet\n');
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({ file: 'k8s-ops.yaml', detect: true, clusters: [], rollout: [], checks: {} });
  });

  it('reads every documented field, with defaults and normalised paths', () => {
    const { config, diagnostics } = load(`kubernetesVersion: v1.35.0
detect: false
clusters:
  - name: prod
    path: ./clusters/prod/flux/
    rootKustomization: { name: cluster }
    sources:
      - { kind: GitRepository, name: flux-system }
      - { kind: OCIRepository, name: shared, namespace: infra, path: clusters/test }
    variables: { CLUSTER_NAME: prod, _X1: "" }
    objects: [stubs/secret.yaml]
  - name: test
    path: clusters/test/flux
rollout:
  - { cluster: prod, branch: main }
  - { cluster: test, branch: release/v1, follows: prod, soak: 1d12h }
checks:
  rules: { some-rule: off }
`);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      file: 'k8s-ops.yaml',
      kubernetesVersion: 'v1.35.0',
      detect: false,
      clusters: [
        {
          name: 'prod',
          path: 'clusters/prod/flux',
          rootKustomization: { name: 'cluster', namespace: 'flux-system' },
          sources: [
            { kind: 'GitRepository', namespace: 'flux-system', name: 'flux-system', path: '' },
            { kind: 'OCIRepository', namespace: 'infra', name: 'shared', path: 'clusters/test' },
          ],
          variables: { CLUSTER_NAME: 'prod', _X1: '' },
          objects: ['stubs/secret.yaml'],
          line: 4,
        },
        { name: 'test', path: 'clusters/test/flux', sources: [], variables: {}, objects: [], line: 12 },
      ],
      rollout: [
        { cluster: 'prod', branch: 'main', line: 15 },
        {
          cluster: 'test',
          branch: 'release/v1',
          follows: 'prod',
          soak: '1d12h',
          soakSeconds: 129600,
          line: 16,
        },
      ],
      checks: { rules: { 'some-rule': 'off' } },
    });
  });

  it.each<[string, string, { rule: string; line: number; message: RegExp }]>([
    [
      'unknown top-level key',
      'cluster: []\n',
      { rule: 'config-unknown-key', line: 1, message: /unknown key 'cluster'$/ },
    ],
    [
      'unknown cluster key',
      'clusters:\n  - name: prod\n    path: clusters/prod/flux\n    vars: {}\n',
      { rule: 'config-unknown-key', line: 4, message: /unknown key 'vars' in 'clusters\[0\]'/ },
    ],
    [
      'top level not a mapping',
      '- a\n',
      { rule: 'config-type', line: 1, message: /must be a mapping, not a list/ },
    ],
    [
      'clusters not a list',
      'clusters: prod\n',
      { rule: 'config-type', line: 1, message: /'clusters' must be a list/ },
    ],
    [
      'missing name',
      'clusters:\n  - path: clusters/prod/flux\n',
      { rule: 'config-required', line: 2, message: /'clusters\[0\]\.name' is required/ },
    ],
    [
      'bad cluster name',
      'clusters:\n  - name: Prod_1\n    path: clusters/prod/flux\n',
      { rule: 'config-value', line: 2, message: /cluster name 'Prod_1' is invalid/ },
    ],
    [
      'entry path missing',
      'clusters:\n  - name: prod\n    path: clusters/nope\n',
      { rule: 'config-path-missing', line: 3, message: /directory 'clusters\/nope' does not exist/ },
    ],
    [
      'entry path escapes the root',
      'clusters:\n  - name: prod\n    path: ../other\n',
      { rule: 'config-value', line: 3, message: /stay inside it/ },
    ],
    [
      'entry path is a file',
      'clusters:\n  - name: prod\n    path: stubs/secret.yaml\n',
      { rule: 'config-path-missing', line: 3, message: /is not a directory/ },
    ],
    [
      'object file missing',
      'clusters:\n  - name: prod\n    path: clusters/prod/flux\n    objects:\n      - stubs/nope.yaml\n',
      { rule: 'config-path-missing', line: 5, message: /file 'stubs\/nope.yaml' does not exist/ },
    ],
    [
      'unknown source kind',
      'clusters:\n  - name: prod\n    path: clusters/prod/flux\n    sources:\n      - kind: HelmRepository\n        name: x\n',
      { rule: 'config-value', line: 5, message: /unknown source kind 'HelmRepository'/ },
    ],
    [
      'duplicate source',
      'clusters:\n  - name: prod\n    path: clusters/prod/flux\n    sources:\n      - { kind: Bucket, name: x }\n      - { kind: Bucket, name: x, path: clusters }\n',
      { rule: 'config-duplicate', line: 6, message: /Bucket\/flux-system\/x is listed twice/ },
    ],
    [
      'number variable',
      'clusters:\n  - name: prod\n    path: clusters/prod/flux\n    variables:\n      CLUSTER_ID: 1\n',
      { rule: 'config-type', line: 5, message: /variable 'CLUSTER_ID' must be a string, not a number/ },
    ],
    [
      'bad variable name',
      'clusters:\n  - name: prod\n    path: clusters/prod/flux\n    variables:\n      app.name: x\n',
      { rule: 'config-value', line: 5, message: /variable name 'app.name' is invalid/ },
    ],
    [
      'duplicate cluster',
      'clusters:\n  - { name: prod, path: clusters/prod/flux }\n  - { name: prod, path: clusters/test/flux }\n',
      { rule: 'config-duplicate', line: 3, message: /cluster 'prod' is declared twice/ },
    ],
    [
      'unquoted version',
      'kubernetesVersion: 1.35\n',
      { rule: 'config-type', line: 1, message: /must be a string, not a number/ },
    ],
    [
      'bad version',
      'kubernetesVersion: latest\n',
      { rule: 'config-value', line: 1, message: /'latest' is not a version/ },
    ],
    ['detect not a boolean', 'detect: "no"\n', { rule: 'config-type', line: 1, message: /true or false/ }],
    [
      'checks not a mapping',
      'checks: [a]\n',
      { rule: 'config-type', line: 1, message: /'checks' must be a mapping/ },
    ],
    [
      'bad soak',
      'rollout:\n  - { cluster: a, branch: main }\n  - cluster: b\n    branch: release\n    follows: a\n    soak: 1 day\n',
      { rule: 'config-value', line: 6, message: /soak '1 day' is not a duration/ },
    ],
    [
      'bad branch',
      'rollout:\n  - cluster: a\n    branch: "my branch"\n',
      { rule: 'config-value', line: 3, message: /not a valid branch name/ },
    ],
    [
      'follows an unknown stage',
      'rollout:\n  - cluster: b\n    branch: release\n    follows: a\n',
      { rule: 'config-rollout', line: 4, message: /follows 'a' is not a cluster of the rollout/ },
    ],
    [
      'follows itself',
      'rollout:\n  - { cluster: a, branch: main, follows: a }\n',
      { rule: 'config-rollout', line: 2, message: /cannot follow itself/ },
    ],
    [
      'rollout cycle',
      'rollout:\n  - { cluster: a, branch: main, follows: b }\n  - { cluster: b, branch: release, follows: a }\n',
      { rule: 'config-rollout', line: 2, message: /follows itself through 'b'/ },
    ],
    [
      'duplicate rollout cluster',
      'rollout:\n  - { cluster: a, branch: main }\n  - { cluster: a, branch: release }\n',
      { rule: 'config-duplicate', line: 3, message: /appears twice in rollout/ },
    ],
    [
      'two documents',
      'detect: true\n---\ndetect: false\n',
      { rule: 'config-type', line: 3, message: /single YAML document/ },
    ],
    ['YAML syntax error', 'clusters: [\n', { rule: 'yaml-syntax', line: 2, message: /yaml:/ }],
  ])('%s is an error with file and line', (_name, text, expected) => {
    const { config, diagnostics } = load(text);
    expect(config).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      rule: expected.rule,
      file: 'k8s-ops.yaml',
      line: expected.line,
    });
    expect(diagnostics[0]?.message).toMatch(expected.message);
  });

  it('reports every problem of a file, not just the first', () => {
    const { diagnostics } = load('clusterz: []\nclusters:\n  - name: prod\n  - path: clusters/test/flux\n');
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['config-unknown-key', 1],
      ['config-required', 3],
      ['config-required', 4],
    ]);
  });

  it('names the allowed keys and how to fix a type in hints', () => {
    const [unknown] = load('clusters:\n  - name: prod\n    paht: x\n').diagnostics;
    expect(unknown?.hint).toBe('allowed keys: name, path, rootKustomization, sources, variables, objects');
    const [typed] = load('kubernetesVersion: 1.35\n').diagnostics;
    expect(typed?.hint).toBe('quote the value');
  });

  it('warns about soak without follows but keeps the config', () => {
    const { config, diagnostics } = load('rollout:\n  - { cluster: a, branch: main, soak: 24h }\n');
    expect(config?.rollout).toEqual([
      { cluster: 'a', branch: 'main', soak: '24h', soakSeconds: 86400, line: 2 },
    ]);
    expect(diagnostics).toMatchObject([{ severity: 'warning', rule: 'config-value', line: 2 }]);
  });

  it('points out a k8s-ops.yml that is not read', () => {
    const { config, diagnostics } = loadConfig(memoryTree({ ...REPO, 'k8s-ops.yml': 'clusters: []\n' }));
    expect(config).toBeUndefined();
    expect(diagnostics).toMatchObject([
      { severity: 'warning', rule: 'config-file-name', file: 'k8s-ops.yml' },
    ]);
  });

  it('reads the config fixture from disk', () => {
    const { config, diagnostics } = loadConfig(openWorktree(`${PROJECT_ROOT}/test/fixtures/discover/config`));
    expect(diagnostics).toEqual([]);
    expect(config?.clusters.map((c) => [c.name, c.path])).toEqual([
      ['main', 'kubernetes/flux/cluster'],
      ['lab', 'clusters/lab'],
    ]);
    expect(config?.checks).toEqual({ anything: ['goes', 'here'] });
  });
});

describe('parseDuration', () => {
  it.each<[string, number | undefined]>([
    ['24h', 86400],
    ['90m', 5400],
    ['1d12h', 129600],
    ['1.5h', 5400],
    ['30s', 30],
    ['', undefined],
    ['24', undefined],
    ['1w', undefined],
    ['-1h', undefined],
  ])('%j ⇒ %j seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });
});
