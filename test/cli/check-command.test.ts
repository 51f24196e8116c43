/**
 * `k8s-ops check` end to end on a tiny repository: the `dev` cluster has one schema error
 * and one kind without a schema (a warning); `prod` has only the warning.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bootstrapFiles, configMap, fluxKs, writeRepo, yamlDocs } from '../fixtures/render/repo.js';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const SWAGGER = {
  swagger: '2.0',
  definitions: {
    [META]: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    'io.k8s.api.core.v1.ConfigMap': {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: `#/definitions/${META}` },
        data: { type: 'object', additionalProperties: { type: 'string' } },
      },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'ConfigMap' }],
    },
    'io.k8s.api.core.v1.Namespace': {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: `#/definitions/${META}` },
      },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Namespace' }],
    },
  },
};

const NAMESPACE = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } };

const WIDGET = { apiVersion: 'example.io/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'web' } };

let root: string;
let schemas: string;
let cleanup: () => void;

beforeAll(() => {
  const repo = writeRepo({
    ...bootstrapFiles('dev'),
    ...bootstrapFiles('prod'),
    'clusters/dev/apps.yaml': yamlDocs(fluxKs('apps', './apps')),
    'clusters/prod/apps.yaml': yamlDocs(fluxKs('apps', './prod-apps')),
    'apps/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: web\ndat:\n  a: b\n',
    'apps/widget.yaml': yamlDocs(WIDGET),
    'apps/ns.yaml': yamlDocs(NAMESPACE),
    'prod-apps/ns.yaml': yamlDocs(NAMESPACE),
    'prod-apps/cm.yaml': yamlDocs(configMap('web', { a: 'b' }, 'web')),
    'prod-apps/widget.yaml': yamlDocs(WIDGET),
  });
  root = repo.root;
  cleanup = repo.cleanup;
  schemas = join(root, '.schemas');
  mkdirSync(join(schemas, 'kubernetes'), { recursive: true });
  writeFileSync(join(schemas, 'kubernetes', 'swagger-v1.35.json'), JSON.stringify(SWAGGER));
});

// Prepared schema copies go to a cache of the tests' own, never the user's.
const cacheHome = mkdtempSync(join(tmpdir(), 'k8s-ops-check-cache-'));

afterAll(() => {
  cleanup();
  rmSync(cacheHome, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: root,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await run(['check', ...argv, '--root', root], io, {
    K8S_OPS_SCHEMAS: schemas,
    XDG_CACHE_HOME: cacheHome,
  });
  return { code, stdout, stderr };
}

const ERROR_LINE = 'apps/cm.yaml:6:1  error    schema  ConfigMap web: unknown field `dat`';
const WARNING_LINE =
  'apps/widget.yaml:2:1  warning  schema-missing  example.io/v1 Widget is not validated: no schema found';

describe('k8s-ops check', () => {
  it('keeps prepared schema copies in the cache and says the same when it uses them', async () => {
    const first = await cli(['--format', 'json']);
    const prepared = join(cacheHome, 'k8s-ops', 'schemas', 'prepared');
    expect(readdirSync(prepared).length).toBeGreaterThan(0);
    expect(await cli(['--format', 'json'])).toEqual(first);
  });

  it.each<[string, string[], number, string[], string]>([
    ['errors found', [], 1, [ERROR_LINE, '1 error, 2 warnings in 3 files (2 clusters)'], ''],
    [
      'warnings only',
      ['--cluster', 'prod'],
      0,
      ['prod-apps/widget.yaml:2:1  warning  schema-missing', '0 errors, 1 warning in 1 file (1 cluster)'],
      '',
    ],
    ['quiet', ['-q', '--cluster', 'prod'], 0, [], ''],
    ['unknown cluster', ['--cluster', 'nope'], 2, [], "error: unknown cluster 'nope' (clusters: dev, prod)"],
    ['bad format', ['--format', 'xml'], 2, [], "error: option '--format <format>' argument 'xml' is invalid"],
    [
      'bad version',
      ['--kubernetes-version', 'latest'],
      2,
      [],
      'error: --kubernetes-version: "latest" is not',
    ],
  ])('%s', async (_name, argv, code, stdout, stderr) => {
    const r = await cli(argv);
    expect(r.code).toBe(code);
    for (const line of stdout) expect(r.stdout).toContain(line);
    if (stdout.length === 0) expect(r.stdout).toBe('');
    if (stderr) expect(r.stderr).toContain(stderr);
    else expect(r.stderr).toBe('');
  });

  it('lists the error and the warning of dev in text', async () => {
    const r = await cli(['--cluster', 'dev']);
    expect(r.stdout).toBe(
      `${ERROR_LINE}\n    hint: did you mean \`data\`?\n\n${WARNING_LINE}\n    hint: ` +
        (r.stdout.match(/hint: (no schema for [^\n]*)/)?.[1] ?? '<missing>') +
        '\n\n1 error, 1 warning in 2 files (1 cluster)\n',
    );
  });

  it.each<[string, (out: string) => void]>([
    [
      'json',
      (out) => {
        const parsed = JSON.parse(out) as { summary: object; diagnostics: { rule: string }[] };
        expect(parsed.summary).toEqual({ errors: 1, warnings: 1, infos: 0, files: 2, clusters: 1 });
        expect(parsed.diagnostics.map((d) => d.rule)).toEqual(['schema', 'schema-missing']);
      },
    ],
    [
      'sarif',
      (out) => {
        const log = JSON.parse(out) as { version: string; runs: { results: { ruleId: string }[] }[] };
        expect(log.version).toBe('2.1.0');
        expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual(['schema', 'schema-missing']);
      },
    ],
    ['junit', (out) => expect(out).toContain('<testsuites name="k8s-ops check" tests="2" failures="1">')],
    ['github', (out) => expect(out).toMatch(/^::error file=apps\/cm.yaml,line=6,col=1,title=schema::/)],
  ])('--format %s', async (format, expectOutput) => {
    const r = await cli(['--cluster', 'dev', '--format', format]);
    expect(r.code).toBe(1);
    expectOutput(r.stdout);
  });

  it('says once that nothing was validated without schemas', async () => {
    let stdout = '';
    const io = { cwd: root, stdout: (t: string) => void (stdout += t), stderr: () => undefined };
    expect(await run(['check', '--root', root], io, {})).toBe(0);
    expect(stdout).toContain('(repository)  info     schema-missing  objects were not validated');
  });
});
