/** Repository-level rules over small in-memory repositories, and over the corpus. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsedYaml } from '../../src/checks/repository/files.js';
import { REPOSITORY_RULES } from '../../src/checks/repository/index.js';
import { isSopsFile, matchingRule, nearestSopsConfig } from '../../src/checks/repository/sops-config.js';
import type { CheckContext } from '../../src/checks/rule.js';
import { parsedManifests } from '../../src/kustomize/context.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';
import { contextOf } from '../helpers/check-context.js';

/** `file:line message` of one rule's findings in an in-memory repository. */
function run(ruleId: string, files: Record<string, string>): string[] {
  const rule = REPOSITORY_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.check(contextOf(memoryTree(files))).map((d) => {
    expect(d.rule).toBe(ruleId);
    expect(d.hint).toBeTruthy();
    return `${d.file}:${d.line ?? 0} ${d.message}`;
  });
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

const CONFIGMAP = (data: string) =>
  lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', 'data:', data);
const ENC = 'ENC[AES256_GCM,data:abc=,iv:x,tag:y,type:str]';
const SOPS_META = lines('sops:', '  age: []', `  mac: ${ENC}`, '  version: 3.8.1');
const SOPS_SECRET = (...body: string[]) =>
  lines('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: s', ...body) + SOPS_META;
const SOPS_CONFIG = (...rules: string[]) => lines('creation_rules:', ...rules);

interface Case {
  name: string;
  files: Record<string, string>;
  /** Substrings, one per expected finding, each `file:line …`; [] for a fixture that must pass. */
  expected: string[];
}

const CASES: Record<string, Case[]> = {
  'yaml-syntax': [
    { name: 'unclosed flow sequence', files: { 'a.yaml': 'a: [1, 2\n' }, expected: ['a.yaml:2 yaml: '] },
    {
      name: 'errors in two documents of one file, with file lines',
      files: { 'a.yaml': lines('a: 1', '---', 'b: [', '---', 'c: 1', '---', '  d: 1', 'e: 2') },
      expected: ['a.yaml:4 yaml: ', 'a.yaml:8 yaml: '],
    },
    {
      name: 'kustomize separator with content',
      files: { 'a.yaml': lines('a: 1', '--- b: 2') },
      expected: ['a.yaml:2 invalid document separator'],
    },
    {
      name: 'valid files, templates, vendored, build and git-ignored files pass',
      files: {
        'ok.yaml': lines('a: 1', '---', 'b: [1, 2]'),
        'charts/x/templates/cm.yaml': 'metadata:\n  name: {{ .Release.Name }\n',
        'node_modules/p/bad.yaml': 'a: [\n',
        'dist/bad.yaml': 'a: [\n',
        '.gitignore': 'out/\n*.local.yaml\n',
        'out/bad.yaml': 'a: [\n',
        'x/bad.local.yaml': 'a: [\n',
      },
      expected: [],
    },
  ],
  'yaml-duplicate-key': [
    {
      name: 'second key in the second document',
      files: { 'a.yaml': lines('a: 1', '---', 'metadata:', '  name: x', '  name: y') },
      expected: ['a.yaml:5 mapping key "name" already defined at line 4'],
    },
    {
      name: 'same key in different maps and documents',
      files: { 'a.yaml': lines('a: {name: 1}', 'b: {name: 2}', '---', 'a: 3') },
      expected: [],
    },
  ],
  'yaml-ambiguous-scalar': [
    {
      name: 'string fields with YAML 1.1 booleans and leading-zero numbers',
      files: {
        'cm.yaml': CONFIGMAP('  enabled: yes\n  y: "x"\n  mode: "0755"'),
        'deploy.yaml': lines(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: d',
          '  labels:',
          '    feature: on',
          '    y: enabled',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: c',
          '          args: [--verbose, off]',
          '          env:',
          '            - name: UMASK',
          '              value: 0022',
        ),
        'ks.yaml': lines(
          'apiVersion: kustomize.toolkit.fluxcd.io/v1',
          'kind: Kustomization',
          'metadata: {name: k}',
          'spec:',
          '  postBuild:',
          '    substitute:',
          '      DEBUG: NO',
        ),
      },
      expected: [
        'cm.yaml:6 value yes at data.enabled: YAML 1.1 readers (kubectl, Helm, sigs.k8s.io/yaml) take plain yes as the boolean true',
        'cm.yaml:7 key y at data.y',
        'deploy.yaml:6 value on at metadata.labels.feature',
        'deploy.yaml:7 key y at metadata.labels.y',
        'deploy.yaml:13 value off at spec.template.spec.containers[0].args[1]',
        'deploy.yaml:16 value 0022 at spec.template.spec.containers[0].env[0].value: plain 0022 is a number, not a string: YAML 1.1 and Go readers take 18, YAML 1.2 readers 22',
        'ks.yaml:7 value NO at spec.postBuild.substitute.DEBUG',
      ],
    },
    {
      name: 'a key alone, with no ambiguous value in the document',
      files: {
        'cm.yaml': CONFIGMAP('  on: "1"'),
        'labels.yaml': CONFIGMAP('  a: b').replace('name: c', 'name: c\n  labels: {y: "x"}'),
      },
      expected: ['cm.yaml:6 key on at data.on', 'labels.yaml:5 key y at metadata.labels.y'],
    },
    {
      name: 'quoted values, non-string fields, base-60, keys outside string maps, and non-manifests pass',
      files: {
        'cm.yaml': CONFIGMAP('  enabled: "yes"\n  "on": \'1\'\n  time: 1:20'),
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: p}',
          'spec:',
          '  hostNetwork: yes',
          '  volumes:',
          '    - name: v',
          '      configMap: {name: c, defaultMode: 0644}',
          '  containers:',
          '    - name: c',
          '      env: [{name: A, value: "on"}]',
        ),
        'values.yaml': lines('enabled: yes', 'labels: {on: off}'),
      },
      expected: [],
    },
  ],
  'secret-cleartext': [
    {
      name: 'cleartext stringData, base64 data, and a SOPS file that left stringData out',
      files: {
        'a/secret.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata:',
          '  name: a',
          '  namespace: n',
          'stringData:',
          '  password: hunter2',
        ),
        'b/secret.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata: {name: b}',
          'data:',
          '  token: aHVudGVyMg==',
        ),
        'c/secret.sops.yaml': SOPS_SECRET(`data:`, `  a: ${ENC}`, 'stringData:', '  b: plain'),
      },
      expected: [
        'a/secret.yaml:7 Secret n/a holds stringData.password in cleartext',
        'b/secret.yaml:5 Secret b holds data.token in cleartext',
        'c/secret.sops.yaml:8 Secret s holds stringData.b in cleartext although the file has SOPS metadata',
      ],
    },
    {
      name: 'encrypted values, references, placeholders and empty Secrets pass',
      files: {
        'sops.yaml': SOPS_SECRET('stringData:', `  a: ${ENC}`),
        'op.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata: {name: op}',
          'stringData:',
          '  a: op://vault/item/field',
          '  b: |-',
          '    op://vault/x/y',
        ),
        'vars.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata: {name: v}',
          'stringData:',
          '  a: ${SECRET_A}',
          '  b: "{{ .Values.b }}"',
          '  c: ""',
        ),
        'b64.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata: {name: b}',
          'data:',
          `  a: ${Buffer.from('op://v/i/f').toString('base64')}`,
        ),
        'sa.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata: {name: sa}',
          'type: kubernetes.io/service-account-token',
        ),
        'es.yaml': lines(
          'apiVersion: external-secrets.io/v1',
          'kind: ExternalSecret',
          'metadata: {name: e}',
          'spec:',
          '  data: [{secretKey: a}]',
        ),
        'chart/templates/secret.yaml': lines(
          'apiVersion: v1',
          'kind: Secret',
          'metadata: {name: {{ .Release.Name }}}',
          'stringData: {a: b}',
        ),
      },
      expected: [],
    },
  ],
  'sops-not-covered': [
    {
      name: 'no matching rule, no config at all, and a nearer config that does not match',
      files: {
        '.sops.yaml': SOPS_CONFIG(
          '  - path_regex: kubernetes/.*\\.sops\\.ya?ml',
          '    encrypted_regex: ^(data|stringData)$',
        ),
        'kubernetes/app/secret.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
        'clusters/prod/.sops.yaml': SOPS_CONFIG('  - path_regex: ^vars/.*\\.sops\\.yaml$'),
        'clusters/prod/apps/x.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
      },
      expected: [
        "clusters/prod/apps/x.sops.yaml:1 SOPS file matches no creation rule of clusters/prod/.sops.yaml (path 'apps/x.sops.yaml' tried against '^vars/.*\\.sops\\.yaml$')",
        "kubernetes/app/secret.yaml:1 SOPS file matches no creation rule of .sops.yaml (path 'kubernetes/app/secret.yaml'",
      ],
    },
    {
      name: 'no .sops.yaml anywhere',
      files: { 'secret.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`) },
      expected: ['secret.sops.yaml:1 SOPS file has no .sops.yaml'],
    },
    {
      name: 'matched by the root rule, by a nested config relative to its directory, or by a catch-all rule',
      files: {
        '.sops.yaml': SOPS_CONFIG('  - path_regex: kubernetes/.*\\.sops\\.ya?ml'),
        'kubernetes/app/secret.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
        'clusters/prod/.sops.yaml': SOPS_CONFIG(
          '  - path_regex: ^vars/.*\\.sops\\.yaml$',
          '  - encrypted_regex: ^data$',
        ),
        'clusters/prod/vars/a.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
        'clusters/prod/other/b.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
        'plain/sops-ish.yaml': lines('sops:', '  mac: not-encrypted'),
      },
      expected: [],
    },
  ],
  'sops-partial-encryption': [
    {
      name: 'a rule for Secrets that encrypts only data',
      files: {
        '.sops.yaml': SOPS_CONFIG('  - path_regex: \\.sops\\.yaml$', '    encrypted_regex: ^data$'),
        'a/x.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
        'b/y.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
      },
      expected: [
        '.sops.yaml:2 creation rule 1 of .sops.yaml encrypts Secrets such as a/x.sops.yaml but leaves stringData unencrypted',
      ],
    },
    {
      name: 'data|stringData, or no selector (everything encrypted)',
      files: {
        '.sops.yaml': SOPS_CONFIG(
          '  - path_regex: ^a/',
          '    encrypted_regex: ^(data|stringData)$',
          '  - path_regex: ^b/',
        ),
        'a/x.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
        'b/y.sops.yaml': SOPS_SECRET('data:', `  a: ${ENC}`),
      },
      expected: [],
    },
  ],
  'yml-extension': [
    {
      name: 'one .yml among .yaml files',
      files: { 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n', 'c.yaml': 'c: 1\n', 'apps/x.yml': 'x: 1\n' },
      expected: ["apps/x.yml:0 'x.yml' uses .yml; 3 of 4 YAML files here use .yaml"],
    },
    {
      name: 'CI files, generator inputs, and a .yml repository pass',
      files: {
        'a.yaml': 'a: 1\n',
        'b.yaml': 'b: 1\n',
        '.github/workflows/ci.yml': 'on: push\n',
        '.gitlab-ci.yml': 'stages: []\n',
        'app/kustomization.yaml': lines(
          'configMapGenerator:',
          '  - name: c',
          '    files: [config/app.yml, other.yml=./x/y.yml]',
        ),
        'app/config/app.yml': 'a: 1\n',
        'app/x/y.yml': 'a: 1\n',
      },
      expected: [],
    },
    {
      name: 'a repository whose convention is .yml',
      files: { 'a.yml': 'a: 1\n', 'b.yml': 'b: 1\n', 'c.yaml': 'c: 1\n' },
      expected: [],
    },
  ],
};

describe('repository rules', () => {
  it('has one test table per rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(REPOSITORY_RULES.map((r) => r.id).sort());
  });

  for (const [ruleId, cases] of Object.entries(CASES)) {
    describe(ruleId, () => {
      it.each(cases)('$name', ({ files, expected }) => {
        const found = run(ruleId, files);
        expect(found).toHaveLength(expected.length);
        expected.forEach((want, i) => expect(found[i]).toContain(want));
      });
    });
  }
});

/** Findings per rule in each corpus repository, investigated by hand (see the comments). */
const CORPUS_FINDINGS: Record<string, Record<string, string[]>> = {
  // A Longhorn CIFS credential committed in cleartext (every other Secret is SOPS);
  // a cloud-init file that alone uses .yml. The 31 SOPS files all match `.+secret(\.sops)?\.ya?ml`
  // of the nearest .sops.yaml (root, or clusters/<name>/ for the cluster vars).
  'angelnu__k8s-gitops': {
    'secret-cleartext': ['apps/longhorn-system/operator/app/cifs-secret.yaml:7'],
    'yml-extension': ['infrastructure/files/centos-qemu-agent.yml:0'],
  },
  // recyclarr.yml is a configMapGenerator input, so its name is the application's.
  'bjw-s-labs__home-ops': {},
  'fluxcd__flux2-monitoring-example': {},
  'fluxcd__flux2-multi-tenancy': {},
  // Two example GitLab pipelines; .github/ workflows are exempt. The corpus copy holds no
  // SOPS files (its .sops.yaml rules have nothing to cover); bootstrap Secrets are op:// references.
  'monosense-io__k8s-gitops': {
    'yml-extension': [
      'kubernetes/workloads/tenants/gitlab/examples/dind-pipeline.yml:0',
      'kubernetes/workloads/tenants/gitlab/examples/kaniko-pipeline.yml:0',
    ],
  },
  // Bootstrap Secrets hold op:// references for `op inject`.
  'onedr0p__home-ops': {},
};

describe.runIf(sharedAvailable())('repository rules over the corpus', () => {
  it('pins the corpus repositories', () => {
    expect(corpusRepos()).toEqual(Object.keys(CORPUS_FINDINGS).sort());
  });

  it.each(Object.keys(CORPUS_FINDINGS))('%s', (repo) => {
    const ctx = contextOf(openWorktree(join(CORPUS_DIR, repo)));
    const found: Record<string, string[]> = {};
    for (const rule of REPOSITORY_RULES) {
      const hits = rule.check(ctx).map((d) => `${d.file}:${d.line ?? 0}`);
      if (hits.length > 0) found[rule.id] = hits;
    }
    expect(found).toEqual(CORPUS_FINDINGS[repo]);
  });

  it('finds every SOPS file of angelnu and the creation rule of its nearest .sops.yaml', () => {
    const ctx = contextOf(openWorktree(join(CORPUS_DIR, 'angelnu__k8s-gitops')));
    const sops = ctx.yamlFiles.filter((f) => parsedYaml(ctx, f)?.documents.some((d) => isSopsFile(d.value)));
    expect(sops).toHaveLength(31);
    const configs = sops.map((f) => {
      const config = nearestSopsConfig(ctx, f);
      expect(config && matchingRule(config, f)).toBeDefined();
      return config?.file;
    });
    expect(new Set(configs)).toEqual(
      new Set(['.sops.yaml', 'clusters/prod/.sops.yaml', 'clusters/test/.sops.yaml']),
    );
  });
});

describe.runIf(sharedAvailable())('repository rules reuse what the render parsed', () => {
  it.each(corpusRepos())('%s: same documents and findings as parsing every file', async (repo) => {
    const tree = openWorktree(join(CORPUS_DIR, repo));
    const render = await renderRepository(tree, { strict: true });
    const alone = contextOf(openWorktree(join(CORPUS_DIR, repo)));
    const shared: CheckContext = { ...contextOf(tree), parsed: render.cache };
    const reused = shared.yamlFiles.filter((f) => parsedManifests(render.cache, tree, f) !== undefined);
    expect(reused.length).toBeGreaterThan(0);
    for (const file of shared.yamlFiles) {
      const a = parsedYaml(alone, file);
      const b = parsedYaml(shared, file);
      expect(b?.errors, file).toEqual(a?.errors);
      expect(
        b?.documents.map((d) => [d.value, d.line, d.chunk]),
        file,
      ).toEqual(a?.documents.map((d) => [d.value, d.line, d.chunk]));
    }
    for (const rule of REPOSITORY_RULES) expect(rule.check(shared), rule.id).toEqual(rule.check(alone));
  });
});
