/**
 * helm-controller's post-render chain: kustomize patches and images, commonMetadata, origin
 * labels that win, metadata only, and the three strategies for hooks.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import {
  postRender,
  type PostRenderInput,
  type PostRenderStrategy,
} from '../../../src/flux/helm/post-render.js';
import type { HelmObject, ReleaseManifests } from '../../../src/flux/helm/release-manifests.js';

const deploy: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.0' }] },
    },
  },
};
const hook: JsonObject = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', annotations: { 'helm.sh/hook': 'pre-install' } },
  spec: { template: { spec: { containers: [{ name: 'm', image: 'nginx:1.0' }] } } },
};
const crd: JsonObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'a.example.com' },
};
const obj = (o: JsonObject, template: string): HelmObject => ({ obj: o, template });
const release: ReleaseManifests = {
  crds: [obj(crd, 'app/crds/a.yaml')],
  manifests: [obj(deploy, 'app/templates/deploy.yaml')],
  hooks: [obj(hook, 'app/templates/job.yaml')],
};
const input = (extra: Partial<PostRenderInput> = {}): PostRenderInput => ({
  postRenderers: [],
  strategy: 'combined',
  release: { namespace: 'apps', name: 'web' },
  file: 'hr.yaml',
  ...extra,
});
const ORIGIN = { 'helm.toolkit.fluxcd.io/name': 'web', 'helm.toolkit.fluxcd.io/namespace': 'apps' };

describe('postRender', () => {
  it('labels metadata only: selectors and pod templates stay as rendered; the input is untouched', () => {
    const out = postRender(
      release,
      input({ commonMetadata: { labels: { team: 'a' }, annotations: { note: 'n' } } }),
    );
    const d = out.manifests[0]!.obj as { metadata: JsonObject; spec: JsonObject };
    expect(d.metadata).toEqual({
      name: 'web',
      labels: { app: 'web', team: 'a', ...ORIGIN },
      annotations: { note: 'n' },
    });
    expect(d.spec).toEqual(deploy.spec);
    expect(out.manifests[0]!.template).toBe('app/templates/deploy.yaml');
    expect(deploy.metadata).toEqual({ name: 'web', labels: { app: 'web' } });
  });

  it('origin labels win over commonMetadata; CRDs get the origin labels only', () => {
    const out = postRender(
      release,
      input({
        commonMetadata: { labels: { 'helm.toolkit.fluxcd.io/name': 'x', team: 'a' }, annotations: {} },
      }),
    );
    expect((out.manifests[0]!.obj.metadata as JsonObject).labels).toMatchObject(ORIGIN);
    expect(out.crds[0]!.obj.metadata).toEqual({ name: 'a.example.com', labels: ORIGIN });
  });

  it.each<[PostRenderStrategy, boolean]>([
    ['combined', true],
    ['separate', true],
    ['nohooks', false],
  ])('strategy %s: hooks post-rendered = %s', (strategy, rendered) => {
    const out = postRender(
      release,
      input({ strategy, postRenderers: [{ kustomize: { images: [{ name: 'nginx', newTag: '2.0' }] } }] }),
    );
    const job = out.hooks[0]!.obj;
    expect(JSON.stringify(job).includes('nginx:2.0')).toBe(rendered);
    expect(
      ((job.metadata as JsonObject).labels as JsonObject | undefined)?.['helm.toolkit.fluxcd.io/name'],
    ).toBe(rendered ? 'web' : undefined);
    expect(JSON.stringify(out.manifests[0]!.obj)).toContain('nginx:2.0');
  });

  it('kustomize patches by target, strategic merge and JSON6902, in order', () => {
    const out = postRender(
      release,
      input({
        postRenderers: [
          {
            kustomize: {
              patches: [
                {
                  target: { kind: 'Deployment', name: 'web' },
                  patch: '- op: add\n  path: /spec/replicas\n  value: 2\n',
                },
              ],
            },
          },
          {
            kustomize: {
              patches: [
                {
                  patch:
                    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 5}\n',
                },
              ],
            },
          },
        ],
      }),
    );
    expect((out.manifests[0]!.obj.spec as JsonObject).replicas).toBe(5);
  });

  it('a $patch: delete drops the object and the others keep their templates', () => {
    const out = postRender(
      release,
      input({
        postRenderers: [
          {
            kustomize: {
              patches: [
                { patch: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n$patch: delete\n' },
              ],
            },
          },
        ],
      }),
    );
    expect(out.manifests).toEqual([]);
    expect(out.hooks.map((h) => h.template)).toEqual(['app/templates/job.yaml']);
  });

  it('a patch that matches nothing it can apply to fails with a diagnostic naming the HelmRelease file', () => {
    expect(() =>
      postRender(
        release,
        input({
          postRenderers: [
            { kustomize: { patches: [{ patch: 'kind: Deployment\nmetadata: {name: nope}\n' }] } },
          ],
        }),
      ),
    ).toThrow(/post-renderer kustomize failed/);
  });
});
