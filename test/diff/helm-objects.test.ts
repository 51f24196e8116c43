import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { diffClusters } from '../../src/diff/index.js';
import type { ClusterDiff, HelmReleaseDiff, ObjectDiff } from '../../src/diff/index.js';
import { VOLATILE } from '../../src/diff/volatile.js';
import type { HelmReleaseRecord, HelmReleaseState, RenderedObject } from '../../src/render/model.js';
import { cluster, cm, hr, hrObj, ks } from './models.js';

function deployment(name: string, image: string, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'web', labels: { 'helm.sh/chart': 'podinfo-6.5.0' } },
    spec: {
      template: {
        metadata: { annotations: { 'checksum/config': 'aaa' } },
        spec: { containers: [{ name: 'app', image }] },
      },
      ...extra,
    },
  };
}

function tlsSecret(crt: string, name = 'tls'): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: 'web' },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': crt, 'tls.key': `${crt}-key`, 'ca.crt': `${crt}-ca` },
  };
}

function webhook(caBundle: string): JsonObject {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: 'podinfo' },
    webhooks: [{ name: 'v.podinfo.dev', clientConfig: { caBundle, service: { name: 'podinfo' } } }],
  };
}

function withChecksum(d: JsonObject, value: string): JsonObject {
  const template = (d.spec as JsonObject).template as JsonObject;
  (template.metadata as JsonObject).annotations = { 'checksum/config': value };
  return d;
}

interface Release {
  version?: string;
  values?: JsonObject;
  state?: HelmReleaseState;
  reason?: string;
  objects?: JsonObject[];
  chartVersion?: string;
}

/** A rendered podinfo release applied by Kustomization `apps`. */
function release(r: Release = {}): HelmReleaseRecord {
  const state = r.state ?? 'rendered';
  return {
    ...hr(hrObj('podinfo', r.version ?? '6.5.0', r.values ?? {}), 'apps'),
    state,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    chartName: 'podinfo',
    chartVersion: r.chartVersion ?? r.version ?? '6.5.0',
    objects:
      state === 'rendered' ? (r.objects ?? []).map((obj): RenderedObject => ({ obj, file: 'hr.yaml' })) : [],
  };
}

function side(r: HelmReleaseRecord, ksObjects: JsonObject[] = []) {
  return [cluster('a', [ks('apps', [r.obj, ...ksObjects])], [r])];
}

function diffOf(
  before: HelmReleaseRecord,
  after: HelmReleaseRecord,
  ksBefore: JsonObject[] = [],
  ksAfter: JsonObject[] = [],
) {
  return diffClusters(side(before, ksBefore), side(after, ksAfter)).clusters[0] as ClusterDiff;
}

const releaseOf = (c: ClusterDiff): HelmReleaseDiff | undefined => c.kustomizations[0]?.helmReleases[0];
const short = (o: ObjectDiff) => `${o.display} ${o.action}${o.from ? ` from ${o.from}` : ''}`;

describe('chart objects in a diff', () => {
  it('a chart bump that changes a Deployment reports the drift, the chart and the image', () => {
    const c = diffOf(
      release({ objects: [deployment('podinfo', 'ghcr.io/podinfo:6.5.0')] }),
      release({ version: '6.6.0', objects: [deployment('podinfo', 'ghcr.io/podinfo:6.6.0')] }),
    );
    const h = releaseOf(c);
    expect(h?.version).toEqual({ before: '6.5.0', after: '6.6.0' });
    expect(h?.renderedChart).toEqual({ before: 'podinfo-6.5.0', after: 'podinfo-6.6.0' });
    expect(h?.objects?.map(short)).toEqual(['Deployment/web/podinfo drifted']);
    expect(h?.objects?.[0]?.diff).toContain('+      - image: ghcr.io/podinfo:6.6.0');
    // The HelmRelease object itself and the Deployment it renders.
    expect(c.counts).toMatchObject({ added: 0, changed: 2, removed: 0 });
    expect(c.images).toEqual([
      {
        action: 'changed',
        before: 'ghcr.io/podinfo:6.5.0',
        after: 'ghcr.io/podinfo:6.6.0',
        objects: ['Deployment/web/podinfo (app)'],
      },
    ]);
  });

  it('a values change that creates and deletes objects', () => {
    const c = diffOf(
      release({ values: { hpa: false }, objects: [deployment('podinfo', 'p:1'), cm('old', {})] }),
      release({ values: { hpa: true }, objects: [deployment('podinfo', 'p:1'), cm('new', {})] }),
    );
    const h = releaseOf(c);
    expect(h?.values).toEqual([{ path: 'values.hpa', before: 'false', after: 'true' }]);
    expect(h?.objects?.map(short)).toEqual(['ConfigMap/web/new created', 'ConfigMap/web/old deleted']);
    expect(c.counts).toMatchObject({ added: 1, removed: 1 });
    expect(c.images).toBeUndefined();
  });

  it('a release that starts failing keeps its objects and says why', () => {
    const c = diffOf(
      release({ objects: [deployment('podinfo', 'p:1')] }),
      release({ values: { bad: true }, state: 'failed', reason: 'template: nil pointer' }),
    );
    const h = releaseOf(c);
    expect(h).toMatchObject({
      stateChange: 'newly-failing',
      before: { state: 'rendered' },
      after: { state: 'failed', reason: 'template: nil pointer' },
    });
    expect(h?.objects).toBeUndefined();
    expect(c.images).toBeUndefined();
  });

  it('a release that stops failing is reported with its objects as created', () => {
    const c = diffOf(release({ state: 'failed', reason: 'x' }), release({ objects: [cm('x', {})] }));
    const h = releaseOf(c);
    expect(h?.stateChange).toBe('stopped-failing');
    // The objects before are not known: nothing is compared until both sides render.
    expect(h?.objects).toBeUndefined();
  });

  it('a release that did not change is not reported', () => {
    const r = release({ objects: [deployment('podinfo', 'p:1')] });
    expect(diffOf(r, release({ objects: [deployment('podinfo', 'p:1')] })).action).toBe('unchanged');
  });

  it('an object moving from a Kustomization into a chart is a move', () => {
    const c = diffOf(
      release({ objects: [] }),
      release({ objects: [cm('shared', { a: '1' })] }),
      [cm('shared', { a: '1' })],
      [],
    );
    const k = c.kustomizations[0];
    expect(k?.objects).toEqual([]);
    expect(k?.helmReleases[0]?.objects?.map(short)).toEqual([
      'ConfigMap/web/shared moved from flux-system/apps',
    ]);
    expect(k?.helmReleases[0]?.objects?.[0]?.diff).toBe('');
  });

  it('chart objects without a namespace are in the release namespace, cluster-scoped ones stay', () => {
    const bare = cm('shared', { a: '1' });
    delete (bare.metadata as JsonObject).namespace;
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } };
    const c = diffOf(
      release({ objects: [] }),
      release({ objects: [bare, role] }),
      [cm('shared', { a: '1' })],
      [],
    );
    expect(releaseOf(c)?.objects?.map(short)).toEqual([
      'ClusterRole/r created',
      'ConfigMap/web/shared moved from flux-system/apps',
    ]);
  });

  it('an object moving from a chart into a Kustomization is a move', () => {
    const c = diffOf(
      release({ objects: [cm('shared', { a: '1' })] }),
      release({ objects: [] }),
      [],
      [cm('shared', { a: '2' })],
    );
    const k = c.kustomizations[0];
    expect(k?.objects.map(short)).toEqual(['ConfigMap/web/shared moved from HelmRelease/web/podinfo']);
    expect(k?.objects[0]?.diff).toContain('+  a: "2"');
    expect(k?.helmReleases).toEqual([]);
  });

  it.each([
    ['TLS material of a Secret', tlsSecret('one'), tlsSecret('two')],
    ['a webhook caBundle', webhook('one'), webhook('two')],
    [
      'a checksum annotation',
      deployment('podinfo', 'p:1'),
      withChecksum(deployment('podinfo', 'p:1'), 'bbb'),
    ],
  ])('%s regenerated by helm is masked, not a drift', (_what, a, b) => {
    expect(diffOf(release({ objects: [a] }), release({ objects: [b] })).action).toBe('unchanged');
  });

  it('a masked value next to a real change is shown as masked', () => {
    const c = diffOf(
      release({ objects: [deployment('podinfo', 'p:1')] }),
      release({ objects: [withChecksum(deployment('podinfo', 'p:2'), 'bbb')] }),
    );
    const o = releaseOf(c)?.objects?.[0];
    expect(o?.volatile).toEqual(['spec.template.metadata.annotations.checksum/config']);
    expect(o?.diff).toContain(VOLATILE);
    expect(o?.diff).not.toContain('bbb');
    expect(o?.diff).toContain('+      - image: p:2');
  });

  it('a volatile key that appears on one side only is a change', () => {
    const b = tlsSecret('two');
    delete (b.data as JsonObject)['ca.crt'];
    const o = releaseOf(diffOf(release({ objects: [tlsSecret('one')] }), release({ objects: [b] })))
      ?.objects?.[0];
    expect(o?.action).toBe('drifted');
    expect(o?.volatile).toEqual(['data.tls.crt', 'data.tls.key']);
    expect(o?.diff).toContain("-  ca.crt: '***'");
  });

  it('helm.sh/chart differing only by the OCI digest is masked; a version change is not', () => {
    const label = (v: string) => {
      const d = deployment('podinfo', 'p:1');
      ((d.metadata as JsonObject).labels as JsonObject)['helm.sh/chart'] = v;
      return d;
    };
    const digest = diffOf(
      release({ objects: [label('podinfo-6.5.0_0123456789ab')] }),
      release({ objects: [label('podinfo-6.5.0_ba9876543210')] }),
    );
    expect(releaseOf(digest)?.objects).toBeUndefined();
    const bump = diffOf(
      release({ objects: [label('podinfo-6.5.0')] }),
      release({ objects: [label('podinfo-6.6.0')] }),
    );
    expect(releaseOf(bump)?.objects?.[0]?.volatile).toBeUndefined();
  });

  it('Kustomization objects are never masked as volatile', () => {
    const c = diffOf(release(), release(), [tlsSecret('one')], [tlsSecret('two')]);
    expect(c.kustomizations[0]?.objects.map(short)).toEqual(['Secret/web/tls drifted']);
  });
});
