/**
 * `check --charts`: chart objects are validated like any object, found at the HelmRelease with
 * the chart template named, and CRDs a chart installs give their kinds a schema.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { yamlDocs } from '../fixtures/render/repo.js';
import { demoChart, helmRelease } from '../render/helm-release-fixtures.js';
import { demoRepoFiles, workspace, type Workspace } from './helm-release-setup.js';

vi.mock('../../src/cli/chart-worker.js', () => import('./in-thread-worker.js'));

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const SWAGGER = {
  swagger: '2.0',
  definitions: {
    [META]: {
      type: 'object',
      properties: { name: { type: 'string' }, namespace: { type: 'string' }, labels: { type: 'object' } },
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
  },
};

let ws: Workspace;
let root: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  ws = await workspace();
  const files = demoRepoFiles();
  // A post-renderer adds a field ConfigMaps do not have.
  files['apps/releases.yaml'] = yamlDocs(
    helmRelease('web', 'apps', {
      chart: demoChart(),
      postRenderers: [
        {
          kustomize: {
            patches: [
              {
                target: { kind: 'ConfigMap' },
                patch: '- op: add\n  path: /dat\n  value: {a: b}\n',
              },
            ],
          },
        },
      ],
    }),
  );
  files['apps/widget.yaml'] = yamlDocs({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w', namespace: 'apps' },
  });
  root = ws.repo('check', files);
  const schemas = join(ws.work, 'schemas');
  mkdirSync(join(schemas, 'kubernetes'), { recursive: true });
  writeFileSync(join(schemas, 'kubernetes', 'swagger-v1.35.json'), JSON.stringify(SWAGGER));
  env = { K8S_OPS_SCHEMAS: schemas, XDG_CACHE_HOME: join(ws.work, 'xdg') };
});
afterAll(() => ws.cleanup());

describe('check --charts', () => {
  it('validates chart objects at the HelmRelease, naming the template', async () => {
    const r = await ws.charted(root, ['check', '--format', 'json'], env);
    const found = (
      JSON.parse(r.stdout) as {
        diagnostics: { rule: string; file?: string; line?: number; message: string }[];
      }
    ).diagnostics;
    const schema = found.filter((d) => d.rule === 'schema');
    expect(schema).toHaveLength(1);
    expect(schema[0]).toMatchObject({ file: 'apps/releases.yaml' });
    expect(schema[0]?.message).toMatch(
      /^ConfigMap web-cm \(HelmRelease apps\/web, template demo\/templates\/cm\.yaml\): unknown field `dat`/,
    );
    // The chart's CRD gives Widget a schema; without --charts it has none.
    expect(found.some((d) => d.rule === 'schema-missing' && d.message.includes('Widget'))).toBe(false);
    const plain = await ws.cli(['check', '--format', 'json', '--root', root], env);
    const before = (JSON.parse(plain.stdout) as { diagnostics: { rule: string; message: string }[] })
      .diagnostics;
    expect(before.some((d) => d.rule === 'schema-missing' && d.message.includes('Widget'))).toBe(true);
  });

  it('knows the render ids of HelmReleases, so severity config accepts them', async () => {
    const files = demoRepoFiles();
    files['k8s-ops.yaml'] = 'checks:\n  rules:\n    helm-chart-unavailable: warning\n';
    files['apps/releases.yaml'] = (files['apps/releases.yaml'] ?? '').replace(
      'version: 1.0.0',
      'version: 9.9.9',
    );
    const other = ws.repo('config', files);
    const r = await ws.charted(other, ['check', '--format', 'json'], env);
    const found = (JSON.parse(r.stdout) as { diagnostics: { rule: string; severity: string }[] }).diagnostics;
    expect(found.filter((d) => d.rule === 'helm-chart-unavailable').map((d) => d.severity)).toEqual([
      'warning',
    ]);
    expect(found.some((d) => d.rule === 'config')).toBe(false);
  });
});
