import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { parseDuration, formatGoDuration } from '../../src/flux/models/duration.js';
import {
  isFluxKustomization,
  isSource,
  parseFluxObject,
  type FluxModel,
} from '../../src/flux/models/parse.js';

const where = { file: 'x.yaml', line: 3 };

function ks(spec: JsonObject, apiVersion = 'kustomize.toolkit.fluxcd.io/v1'): JsonObject {
  return {
    apiVersion,
    kind: 'Kustomization',
    metadata: { name: 'apps', namespace: 'flux-system' },
    spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo' }, ...spec },
  };
}

function model<K extends FluxModel['kind']>(obj: JsonObject, kind: K): Extract<FluxModel, { kind: K }> {
  const r = parseFluxObject(obj, where);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.model?.kind).toBe(kind);
  return r.model as Extract<FluxModel, { kind: K }>;
}

describe('Kustomization defaults', () => {
  it.each([
    ['10m', undefined, '9m30s'],
    ['1m', undefined, '30s'],
    ['10m', '10s', '30s'],
    ['1h', '5m', '5m0s'],
  ])('case 40: interval %s timeout %s ⇒ %s', (interval, timeout, expected) => {
    const m = model(ks(timeout ? { interval, timeout } : { interval }), 'Kustomization');
    expect(m.timeout.text).toBe(expected);
  });

  it('case 41: healthChecks default apiVersion apps/v1 and keep an empty namespace', () => {
    const m = model(
      ks({
        healthChecks: [
          { kind: 'Deployment', name: 'web' },
          { kind: 'HelmRelease', name: 'hr', namespace: 'a' },
        ],
      }),
      'Kustomization',
    );
    expect(m.healthChecks).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: '' },
      { apiVersion: 'apps/v1', kind: 'HelmRelease', name: 'hr', namespace: 'a' },
    ]);
  });

  it('sourceRef/dependsOn namespaces default to the object namespace; retryInterval = interval', () => {
    const m = model(ks({ dependsOn: [{ name: 'a' }, { name: 'b', namespace: 'other' }] }), 'Kustomization');
    expect(m.sourceRef).toEqual({ kind: 'GitRepository', name: 'repo', namespace: 'flux-system' });
    expect(m.dependsOn).toEqual([
      { name: 'a', namespace: 'flux-system' },
      { name: 'b', namespace: 'other' },
    ]);
    expect(m.retryInterval.text).toBe('10m0s');
    expect(m).toMatchObject({
      path: '',
      deletionPolicy: 'MirrorPrune',
      wait: false,
      force: false,
      suspend: false,
    });
    expect(m.postBuild).toBeUndefined();
  });

  it('postBuild defaults', () => {
    const m = model(ks({ postBuild: { substituteFrom: [{ kind: 'Secret', name: 's' }] } }), 'Kustomization');
    expect(m.postBuild).toEqual({
      substitute: {},
      substituteFrom: [{ kind: 'Secret', name: 's', optional: false }],
      substituteStrategy: 'WithVariables',
    });
  });

  const invalid: [string, JsonObject, RegExp][] = [
    ['missing interval', { interval: null }, /spec\.interval is required/],
    ['missing prune', { prune: null }, /spec\.prune is required/],
    ['missing sourceRef', { sourceRef: null }, /spec\.sourceRef is required/],
    ['day unit', { interval: '1d' }, /not a valid duration/],
    ['bad source kind', { sourceRef: { kind: 'HelmRepository', name: 'x' } }, /must be one of/],
    ['bad deletionPolicy', { deletionPolicy: 'Never' }, /deletionPolicy must be one of/],
    ['prune as string', { prune: 'true' }, /must be true or false/],
    [
      'bad substituteFrom kind',
      { postBuild: { substituteFrom: [{ kind: 'Map', name: 'x' }] } },
      /kind must be one of/,
    ],
  ];
  it.each(invalid)('%s is an error and yields no model', (_n, spec, message) => {
    const r = parseFluxObject(ks(spec), where);
    expect(r.model).toBeUndefined();
    const err = r.diagnostics.find((d) => d.severity === 'error');
    expect(err?.message).toMatch(message);
    expect(err).toMatchObject({ file: 'x.yaml', line: 3 });
  });

  it('unknown spec fields are dropped with a warning', () => {
    const r = parseFluxObject(ks({ patchesStrategicMerge: [], targetNamspace: 'x' }), where);
    expect(r.model).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.rule])).toEqual([
      ['warning', 'flux-unknown-field'],
      ['warning', 'flux-unknown-field'],
    ]);
    expect(r.diagnostics[1]?.hint).toContain('targetNamespace');
    expect(r.model).not.toHaveProperty('patchesStrategicMerge');
  });

  it.each([
    ['kustomize.toolkit.fluxcd.io/v1beta2', 'warning'],
    ['kustomize.toolkit.fluxcd.io/v1beta1', 'warning'],
    ['kustomize.toolkit.fluxcd.io/v2', 'error'],
  ])('apiVersion %s ⇒ %s', (apiVersion, severity) => {
    const r = parseFluxObject(ks({}, apiVersion), where);
    expect(r.diagnostics[0]?.severity).toBe(severity);
    expect(r.model !== undefined).toBe(severity === 'warning');
  });
});

describe('durations', () => {
  it.each([
    ['1h30m', 5_400_000, '1h30m0s'],
    ['0.5s', 500, '500ms'],
    ['90s', 90_000, '1m30s'],
    ['1.5h', 5_400_000, '1h30m0s'],
  ])('%s', (text, ms, go) => {
    expect(parseDuration(text)).toEqual({ ms, text: go });
  });
  it.each(['1d', '10', '1us', '-1s', ''])('%s is rejected', (t) => expect(parseDuration(t)).toBeUndefined());
  it('formats like Go', () => expect(formatGoDuration(3_600_000)).toBe('1h0m0s'));
});

describe('HelmRelease', () => {
  const hr = (spec: JsonObject, name = 'app', apiVersion = 'helm.toolkit.fluxcd.io/v2'): JsonObject => ({
    apiVersion,
    kind: 'HelmRelease',
    metadata: { name, namespace: 'media' },
    spec: {
      interval: '30m',
      chart: { spec: { chart: 'app', sourceRef: { kind: 'HelmRepository', name: 'repo' } } },
      ...spec,
    },
  });

  it('defaults', () => {
    const m = model(hr({ valuesFrom: [{ kind: 'ConfigMap', name: 'v' }] }), 'HelmRelease');
    expect(m).toMatchObject({
      releaseName: 'app',
      targetNamespace: 'media',
      storageNamespace: 'media',
      maxHistory: 5,
      persistentClient: true,
      installCrds: 'Create',
      upgradeCrds: 'Skip',
      createNamespace: false,
      valuesFrom: [{ kind: 'ConfigMap', name: 'v', valuesKey: 'values.yaml', optional: false }],
    });
    expect(m.timeout.text).toBe('5m0s');
    expect(m.chart).toMatchObject({
      version: '*',
      sourceRef: { namespace: 'media' },
      reconcileStrategy: 'ChartVersion',
    });
    expect(m.chart?.interval.text).toBe('30m0s');
  });

  it.each([
    ['apps', 'web', 'apps-web'],
    [
      'a-very-lengthy-target-namespace',
      'with-a-nice-object-name',
      'a-very-lengthy-target-namespace-with-a-n-97af5d7f41f3',
    ],
  ])('case 53: targetNamespace %s + name %s ⇒ release %s', (targetNamespace, name, expected) => {
    const m = model(hr({ targetNamespace }, name), 'HelmRelease');
    expect(m.releaseName).toBe(expected);
    expect(m.releaseName.length).toBeLessThanOrEqual(53);
    expect(m.targetNamespace).toBe(targetNamespace);
  });

  it('chart and chartRef are exclusive', () => {
    const both = parseFluxObject(hr({ chartRef: { kind: 'OCIRepository', name: 'x' } }), where);
    expect(both.model).toBeUndefined();
    const neither = parseFluxObject(hr({ chart: null }), where);
    expect(neither.diagnostics.some((d) => /exactly one/.test(d.message))).toBe(true);
    const ref = model(hr({ chart: null, chartRef: { kind: 'OCIRepository', name: 'x' } }), 'HelmRelease');
    expect(ref.chartRef).toEqual({ kind: 'OCIRepository', name: 'x', namespace: 'media' });
  });

  it('v2beta1 is deprecated but modelled', () => {
    const r = parseFluxObject(hr({}, 'app', 'helm.toolkit.fluxcd.io/v2beta1'), where);
    expect(r.model?.kind).toBe('HelmRelease');
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', rule: 'flux-deprecated-api' }]);
  });
});

describe('sources', () => {
  const src = (kind: string, spec: JsonObject, version = 'v1'): JsonObject => ({
    apiVersion: `source.toolkit.fluxcd.io/${version}`,
    kind,
    metadata: { name: 's', namespace: 'flux-system' },
    spec,
  });

  it('GitRepository ref default and precedence', () => {
    const plain = model(src('GitRepository', { url: 'https://x/y', interval: '1m' }), 'GitRepository');
    expect(plain.ref).toEqual({ branch: 'master' });
    expect(plain.timeout.text).toBe('1m0s');
    const many = model(
      src('GitRepository', {
        url: 'ssh://x/y',
        interval: '1m',
        ref: { branch: 'main', tag: 'v1', commit: 'abc' },
      }),
      'GitRepository',
    );
    expect(many.resolvedRef).toEqual({ kind: 'commit', value: 'abc' });
    expect(
      parseFluxObject(src('GitRepository', { url: 'git@x:y', interval: '1m' }), where).model,
    ).toBeUndefined();
  });

  it('OCIRepository ref default tag latest, digest wins', () => {
    const m = model(src('OCIRepository', { url: 'oci://r/x', interval: '5m' }), 'OCIRepository');
    expect(m.resolvedRef).toEqual({ kind: 'tag', value: 'latest' });
    expect(m.layerSelector).toEqual({ operation: 'extract' });
    const d = model(
      src('OCIRepository', { url: 'oci://r/x', interval: '5m', ref: { tag: 't', digest: 'sha256:1' } }),
      'OCIRepository',
    );
    expect(d.resolvedRef).toEqual({ kind: 'digest', value: 'sha256:1' });
  });

  it('HelmRepository type and interval defaults', () => {
    const m = model(src('HelmRepository', { url: 'https://charts' }), 'HelmRepository');
    expect(m).toMatchObject({ type: 'default', provider: 'generic' });
    expect(m.interval.text).toBe('1m0s');
    expect(
      parseFluxObject(src('HelmRepository', { url: 'https://x', type: 'oci' }), where).model,
    ).toBeUndefined();
  });

  it('Bucket requires bucketName, endpoint and interval', () => {
    expect(model(src('Bucket', { bucketName: 'b', endpoint: 'e', interval: '1m' }), 'Bucket').provider).toBe(
      'generic',
    );
    expect(parseFluxObject(src('Bucket', { endpoint: 'e', interval: '1m' }), where).model).toBeUndefined();
  });

  it('v1beta2 sources are deprecated but modelled', () => {
    const r = parseFluxObject(
      src('GitRepository', { url: 'https://x', interval: '1m', gitImplementation: 'go-git' }, 'v1beta2'),
      where,
    );
    expect(r.model?.kind).toBe('GitRepository');
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['flux-deprecated-api', 'flux-unknown-field']);
  });
});

describe('FluxInstance', () => {
  it('sync defaults name to the namespace and interval to 1m', () => {
    const m = model(
      {
        apiVersion: 'fluxcd.controlplane.io/v1',
        kind: 'FluxInstance',
        metadata: { name: 'flux', namespace: 'flux-system' },
        spec: {
          distribution: { version: '2.x', registry: 'ghcr.io/fluxcd' },
          sync: {
            kind: 'GitRepository',
            url: 'https://x/y.git',
            ref: 'refs/heads/main',
            path: 'clusters/prod',
          },
        },
      },
      'FluxInstance',
    );
    expect(m.sync).toMatchObject({
      name: 'flux-system',
      kind: 'GitRepository',
      ref: 'refs/heads/main',
      path: 'clusters/prod',
    });
    expect(m.sync?.interval.text).toBe('1m0s');
    expect(m.components).toHaveLength(4);
  });
});

describe('helpers', () => {
  it('isFluxKustomization / isSource', () => {
    expect(isFluxKustomization(ks({}))).toBe(true);
    expect(
      isFluxKustomization({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' }),
    ).toBe(false);
    expect(isSource({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository' })).toBe(true);
    expect(isSource({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmChart' })).toBe(false);
    expect(parseFluxObject({ apiVersion: 'v1', kind: 'ConfigMap' }, where)).toEqual({ diagnostics: [] });
  });
});
