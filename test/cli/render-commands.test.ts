/**
 * `get`, `build`, `tree` and `graph` run in-process against a small repository written to a
 * temporary directory: exit codes, output formats, secret masking.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { isJsonObject, type JsonValue } from '../../src/core/json.js';
import { bootstrapFiles, configMap, fluxKs, writeRepo, yamlDocs } from '../fixtures/render/repo.js';
import { sopsEncrypt } from '../flux/sops-encryptor.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let root: string;
let cleanup: () => void;
let ageKey: string;

beforeAll(async () => {
  ageKey = await generateX25519Identity();
  const secret = await sopsEncrypt(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'web' },
      stringData: { password: 's3cr3t' },
    },
    ageKey,
    { encrypted_regex: '^(data|stringData)$' },
  );
  const repo = writeRepo({
    ...bootstrapFiles('dev'),
    ...bootstrapFiles('prod'),
    'clusters/dev/apps.yaml': yamlDocs(
      fluxKs('apps', './apps', { decryption: { provider: 'sops', secretRef: { name: 'sops-age' } } }),
      fluxKs('later', './later', { dependsOn: [{ name: 'apps' }] }),
    ),
    'clusters/prod/apps.yaml': yamlDocs(fluxKs('apps', './apps', { dependsOn: [{ name: 'nope' }] })),
    'apps/cm.yaml': yamlDocs(configMap('web', { port: '8080', color: '#34577c' }, 'web')),
    'apps/secret.sops.yaml': yamlDocs(secret.doc),
    'apps/repo.yaml': yamlDocs(
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: 'podinfo', namespace: 'web' },
        spec: { interval: '1h', url: 'https://stefanprodan.github.io/podinfo' },
      },
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'podinfo', namespace: 'web' },
        spec: {
          interval: '1h',
          chart: {
            spec: {
              chart: 'podinfo',
              version: '6.5.0',
              sourceRef: { kind: 'HelmRepository', name: 'podinfo' },
            },
          },
        },
      },
    ),
    'later/cm.yaml': yamlDocs(configMap('later', {}, 'web')),
  });
  root = repo.root;
  cleanup = repo.cleanup;
});

afterAll(() => cleanup());

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: root,
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
  };
  const code = await run([...argv, '--root', root], io, env);
  return { code, stdout, stderr };
}

const PROD_ERROR =
  "clusters/prod/apps.yaml:2: error: Kustomization flux-system/apps: dependency 'flux-system/nope' not found [flux-dependency-missing]";

describe('exit codes', () => {
  it.each<[string, string[], number, string]>([
    ['a clean cluster', ['get', 'ks', '--cluster', 'dev'], 0, ''],
    ['problems found in some cluster', ['get', 'ks'], 1, PROD_ERROR],
    ['problems found, quiet', ['build', 'prod', '-q'], 1, PROD_ERROR],
    [
      'unknown cluster',
      ['get', 'ks', '--cluster', 'nope'],
      2,
      "error: unknown cluster 'nope' (clusters: dev, prod)",
    ],
    ['unknown cluster for tree', ['tree', 'staging'], 2, "error: unknown cluster 'staging'"],
    ['unknown Kustomization', ['build', 'dev', '--ks', 'nope'], 2, "error: no Kustomization named 'nope'"],
    ['unknown option', ['get', 'ks', '--bogus'], 2, "error: unknown option '--bogus'"],
    ['bad output format', ['build', 'dev', '-o', 'xml'], 2, 'error: option'],
    ['--decrypt without a key', ['build', 'dev', '--decrypt'], 2, 'error: --decrypt needs an age identity'],
  ])('%s', async (_name, argv, code, stderr) => {
    const r = await cli(argv);
    expect(r.code).toBe(code);
    if (stderr) expect(r.stderr).toContain(stderr);
    else expect(r.stderr).toBe('');
  });
});

describe('build', () => {
  it('prints each object followed by ---, keys sorted, owner labels set, secrets masked', async () => {
    const r = await cli(['build', 'dev', '--ks', 'apps']);
    expect(r.code).toBe(0);
    const docs = r.stdout.split(/^---\n/m);
    expect(docs.pop()).toBe(''); // the last object is followed by --- as well
    expect(docs).toHaveLength(4);
    expect(docs[0]).toBe(
      [
        'apiVersion: v1',
        'data:',
        "  color: '#34577c'",
        '  port: "8080"',
        'kind: ConfigMap',
        'metadata:',
        '  labels:',
        '    kustomize.toolkit.fluxcd.io/name: apps',
        '    kustomize.toolkit.fluxcd.io/namespace: flux-system',
        '  name: web',
        '  namespace: web',
        '',
      ].join('\n'),
    );
    expect(docs[3]).toContain("stringData:\n  password: '**SOPS**'\n");
    expect(r.stdout).not.toContain('sops:');
    for (const doc of docs) expect(doc).toContain('kustomize.toolkit.fluxcd.io/name: apps\n');
  });

  it.each<[string, string[], string]>([
    ['decrypted values stay masked', ['--decrypt'], "password: '**SOPS**'"],
    ['--show-secrets prints them', ['--decrypt', '--show-secrets'], 'password: s3cr3t'],
  ])('--decrypt: %s', async (_name, flags, want) => {
    const r = await cli(['build', 'dev', '--ks', 'flux-system/apps', ...flags], { SOPS_AGE_KEY: ageKey });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(want);
  });

  it('every cluster by default, in reconciliation order', async () => {
    const r = await cli(['build']);
    expect(r.code).toBe(1);
    const names = [...r.stdout.matchAll(/^ {2}name: (.*)$/gm)].map((m) => m[1]);
    // dev: flux-system (generated kustomization: apps.yaml, then flux-system/), apps, later;
    // prod: flux-system only (its apps failed).
    expect(names).toEqual([
      ...['apps', 'later', 'flux-system', 'flux-system'],
      ...['web', 'podinfo', 'podinfo', 'db'],
      'later',
      ...['apps', 'flux-system', 'flux-system'],
    ]);
  });

  it('-o json prints one array of objects', async () => {
    const r = await cli(['build', 'dev', '--ks', 'later', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        data: {},
        metadata: {
          name: 'later',
          namespace: 'web',
          labels: {
            'kustomize.toolkit.fluxcd.io/name': 'later',
            'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
          },
        },
      },
    ]);
  });

  // Like -o yaml (and Go's encoding/json over maps), -o json should print keys sorted so the
  // output does not depend on the order in which the pipeline added fields (owner labels).
  it('-o json sorts keys like -o yaml', async () => {
    const r = await cli(['build', 'dev', '--ks', 'later', '-o', 'json']);
    const keyOrders: string[][] = [];
    const walk = (v: JsonValue) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isJsonObject(v)) {
        keyOrders.push(Object.keys(v));
        Object.values(v).forEach(walk);
      }
    };
    walk(JSON.parse(r.stdout) as JsonValue);
    for (const keys of keyOrders) expect(keys).toEqual([...keys].sort());
  });

  it('--out-dir that cannot be written is said, with exit code 2', async () => {
    const out = mkdtempSync(join(tmpdir(), 'k8s-ops-out-'));
    try {
      const file = join(out, 'a-file');
      writeFileSync(file, 'x');
      const r = await cli(['build', 'dev', '--out-dir', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error: --out-dir exists and is not a folder [output]');
      expect(r.stderr).not.toContain('internal error');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('--out-dir writes one file per Kustomization', async () => {
    const out = mkdtempSync(join(tmpdir(), 'k8s-ops-out-'));
    try {
      const r = await cli(['build', 'dev', '--out-dir', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(readdirSync(join(out, 'dev', 'flux-system')).sort()).toEqual([
        'apps.yaml',
        'flux-system.yaml',
        'later.yaml',
      ]);
      const later = readFileSync(join(out, 'dev', 'flux-system', 'later.yaml'), 'utf8');
      expect(later).toMatch(/^apiVersion: v1\ndata: \{\}\nkind: ConfigMap\n[\s\S]*---\n$/);
      expect(existsSync(join(out, 'prod'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('--max-output-size stops the printed build after the last whole object, naming where', async () => {
    const whole = await cli(['build', 'dev']);
    const cut = await cli(['build', 'dev', '--max-output-size', '600']);
    expect(cut.code).toBe(1);
    expect(whole.stdout.startsWith(cut.stdout)).toBe(true);
    expect(cut.stdout.length).toBeLessThanOrEqual(600);
    expect(cut.stdout).toMatch(/---\n$/);
    expect(cut.stderr).toMatch(
      /the output reached the limit of 600 bytes in Kustomization flux-system\/\S+; .*\[limit-exceeded\]/,
    );
    expect(cut.stderr).toContain('--max-output-size');
  });

  it('--max-output-size keeps a cut JSON array whole', async () => {
    const cut = await cli(['build', 'dev', '-o', 'json', '--max-output-size', '1K']);
    expect(cut.code).toBe(1);
    const objects = JSON.parse(cut.stdout) as unknown[];
    expect(objects.length).toBeGreaterThan(0);
    const whole = JSON.parse((await cli(['build', 'dev', '-o', 'json'])).stdout) as unknown[];
    expect(whole.slice(0, objects.length)).toEqual(objects);
    expect(objects.length).toBeLessThan(whole.length);
  });

  it('--max-output-size writes nothing to --out-dir when the output would cross it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'k8s-ops-out-'));
    const out = join(parent, 'out');
    try {
      const first = await cli(['build', 'dev', '--out-dir', out]);
      expect(first.code).toBe(0);
      const before = readFileSync(join(out, 'dev', 'flux-system', 'later.yaml'), 'utf8');
      const r = await cli(['build', 'dev', '--out-dir', out, '--max-output-size', '300']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /the output reached the limit of 300 bytes while writing dev\/flux-system\/\S+\.yaml; nothing was written to --out-dir \[limit-exceeded\]/,
      );
      // The previous output is untouched and no work folder is left beside it.
      expect(readFileSync(join(out, 'dev', 'flux-system', 'later.yaml'), 'utf8')).toBe(before);
      expect(readdirSync(parent)).toEqual(['out']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('--max-output-size refuses a size it cannot read', async () => {
    const r = await cli(['build', 'dev', '--max-output-size', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--max-output-size takes a size such as 500M or 4G, not 'lots'");
  });
});

describe('tree and graph', () => {
  it('tree nests Kustomizations with the objects they apply', async () => {
    const r = await cli(['tree', 'dev']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Kustomization/flux-system/flux-system',
        '├── Kustomization/flux-system/apps',
        '│   ├── ConfigMap/web/web',
        '│   ├── HelmRepository/web/podinfo',
        '│   ├── HelmRelease/web/podinfo',
        '│   └── Secret/web/db',
        '├── Kustomization/flux-system/later',
        '│   └── ConfigMap/web/later',
        '├── GitRepository/flux-system/flux-system',
        '└── Kustomization/flux-system/flux-system',
        '',
      ].join('\n'),
    );
  });

  it('tree marks failed Kustomizations with their reason', async () => {
    const r = await cli(['tree', 'prod']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "├── Kustomization/flux-system/apps (failed: dependency 'flux-system/nope' not found)\n",
    );
  });

  it.each<[string, string[], string]>([
    [
      'mermaid',
      [],
      [
        'flowchart LR',
        '  ks0["flux-system/flux-system"]',
        '  ks1["flux-system/apps"]',
        '  ks2["flux-system/later"]',
        '  ks2 --> ks1',
        '  classDef failed stroke:#d33,stroke-width:2px',
        '  classDef external stroke-dasharray: 4 4',
        '  classDef suspended fill:#eee,color:#888',
        '',
      ].join('\n'),
    ],
    [
      'dot',
      ['--format', 'dot'],
      [
        'digraph "dev" {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  ks0 [label="flux-system/flux-system"];',
        '  ks1 [label="flux-system/apps"];',
        '  ks2 [label="flux-system/later"];',
        '  ks2 -> ks1;',
        '}',
        '',
      ].join('\n'),
    ],
  ])('graph --format %s', async (_format, flags, want) => {
    const r = await cli(['graph', 'dev', ...flags]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want);
  });

  it('graph marks failed Kustomizations', async () => {
    const r = await cli(['graph', 'prod']);
    expect(r.stdout).toContain('  ks1["flux-system/apps"]:::failed\n');
  });
});

describe('get', () => {
  const rows = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t').map((c) => c.trim()));
  it.each<[string, string[], number, string[][]]>([
    [
      'clusters',
      ['get', 'clusters'],
      0,
      [
        ['NAME', 'ENTRY', 'FOUND IN', 'DETECTED FROM'],
        ['dev', 'clusters/dev', 'clusters/dev/flux-system/gotk-sync.yaml', 'bootstrap'],
        ['prod', 'clusters/prod', 'clusters/prod/flux-system/gotk-sync.yaml', 'bootstrap'],
      ],
    ],
    [
      'ks',
      ['get', 'ks'],
      1,
      [
        ['CLUSTER', 'NAME', 'STATE', 'PATH', 'OBJECTS', 'MESSAGE'],
        [
          'dev',
          'flux-system/flux-system',
          'rendered',
          'clusters/dev',
          '4',
          '4 objects from GitRepository/flux-system/flux-system',
        ],
        [
          'dev',
          'flux-system/apps',
          'rendered',
          'apps',
          '4',
          '4 objects from GitRepository/flux-system/flux-system',
        ],
        [
          'dev',
          'flux-system/later',
          'rendered',
          'later',
          '1',
          '1 object from GitRepository/flux-system/flux-system',
        ],
        [
          'prod',
          'flux-system/flux-system',
          'rendered',
          'clusters/prod',
          '3',
          '3 objects from GitRepository/flux-system/flux-system',
        ],
        ['prod', 'flux-system/apps', 'failed', '', '0', "dependency 'flux-system/nope' not found"],
      ],
    ],
    [
      'hr (alias of helmreleases)',
      ['get', 'hr', '--cluster', 'dev'],
      0,
      [
        ['CLUSTER', 'NAME', 'CHART', 'VERSION', 'SOURCE', 'STATE', 'OBJECTS', 'KUSTOMIZATION', 'MESSAGE'],
        [
          'dev',
          'web/podinfo',
          'podinfo',
          '6.5.0',
          'HelmRepository/web/podinfo',
          'not-rendered',
          '0',
          'flux-system/apps',
        ],
      ],
    ],
    [
      'sources',
      ['get', 'sources', '--cluster', 'dev'],
      0,
      [
        ['CLUSTER', 'NAME', 'URL', 'REVISION', 'LOCAL'],
        [
          'dev',
          'GitRepository/flux-system/flux-system',
          'ssh://git@example.com/fleet',
          'main',
          'this repository',
        ],
        ['dev', 'HelmRepository/web/podinfo', 'https://stefanprodan.github.io/podinfo'],
      ],
    ],
  ])('get %s', async (_name, argv, code, want) => {
    const r = await cli(argv);
    expect(r.code).toBe(code);
    expect(rows(r.stdout)).toEqual(want);
  });
});
