/** Chart sources as helm-controller resolves them, one source kind per case. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { planChart, type ChartSourceObject } from '../../../src/flux/helm/chart-ref.js';
import type { HelmReleaseModel } from '../../../src/flux/models/helm-release.js';
import { parseFluxObject } from '../../../src/flux/models/index.js';

function release(spec: JsonObject): HelmReleaseModel {
  const obj = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'web', namespace: 'apps' },
    spec: { interval: '5m', ...spec },
  };
  const parsed = parseFluxObject(obj, { file: 'hr.yaml' });
  return parsed.model as HelmReleaseModel;
}

const source = (
  kind: string,
  namespace: string,
  name: string,
  spec: JsonObject,
  localPath?: string,
): ChartSourceObject => ({
  kind,
  namespace,
  name,
  obj: { apiVersion: 'source.toolkit.fluxcd.io/v1', kind, metadata: { name, namespace }, spec },
  ...(localPath !== undefined ? { localPath } : {}),
});

const SOURCES: ChartSourceObject[] = [
  source('HelmRepository', 'flux-system', 'https', {
    url: 'https://charts.example.com/',
    secretRef: { name: 'creds' },
  }),
  source('HelmRepository', 'flux-system', 'oci', { type: 'oci', url: 'oci://ghcr.io/example/charts' }),
  source('OCIRepository', 'apps', 'tagged', { url: 'oci://ghcr.io/example/web', ref: { tag: '1.2.3' } }),
  source('OCIRepository', 'apps', 'semver', {
    url: 'oci://ghcr.io/example/web',
    ref: { semver: '>=1.0.0', semverFilter: '.*-rc' },
    layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' },
  }),
  source('OCIRepository', 'apps', 'latest', { url: 'oci://ghcr.io/example/web' }),
  source('GitRepository', 'flux-system', 'flux-system', { url: 'ssh://git@example.com/fleet' }, 'fleet'),
  source('GitRepository', 'flux-system', 'other', { url: 'https://example.com/other.git' }),
  source('HelmChart', 'apps', 'existing', {
    chart: 'web',
    version: '2.x',
    sourceRef: { kind: 'HelmRepository', name: 'local-https' },
  }),
  source('HelmRepository', 'apps', 'local-https', { url: 'https://apps.example.com' }),
];

const lookup = (kind: string, namespace: string, name: string) =>
  SOURCES.find((s) => s.kind === kind && s.namespace === namespace && s.name === name);
const auth = (namespace: string, name: string) =>
  namespace === 'flux-system' && name === 'creds' ? { username: 'u', password: 'p' } : undefined;
const chartSpec = (chart: string, kind: string, name: string, extra: JsonObject = {}) => ({
  chart: { spec: { chart, sourceRef: { kind, name, namespace: 'flux-system' }, ...extra } },
});

describe('planChart', () => {
  it.each<[string, JsonObject, JsonObject]>([
    [
      'HelmRepository over HTTPS, with basic auth from its secretRef',
      chartSpec('web', 'HelmRepository', 'https', { version: '1.x' }),
      {
        kind: 'remote',
        digestVersion: false,
        request: {
          kind: 'helm-repository',
          url: 'https://charts.example.com/',
          chart: 'web',
          version: '1.x',
          auth: { username: 'u', password: 'p' },
        },
      },
    ],
    [
      'HelmRepository type oci: the version is a semver constraint, no digest suffix',
      chartSpec('web', 'HelmRepository', 'oci', { version: '1.2.3' }),
      {
        kind: 'remote',
        digestVersion: false,
        request: {
          kind: 'oci',
          url: 'oci://ghcr.io/example/charts/web',
          ref: { semver: '1.2.3' },
          sourceKind: 'HelmRepository',
        },
      },
    ],
    [
      'chartRef OCIRepository by tag: the version gets the digest',
      { chartRef: { kind: 'OCIRepository', name: 'tagged' } },
      {
        kind: 'remote',
        digestVersion: true,
        request: {
          kind: 'oci',
          url: 'oci://ghcr.io/example/web',
          ref: { tag: '1.2.3' },
          sourceKind: 'OCIRepository',
        },
      },
    ],
    [
      'chartRef OCIRepository by semver with a layer selector',
      { chartRef: { kind: 'OCIRepository', name: 'semver' } },
      {
        request: {
          ref: { semver: '>=1.0.0', semverFilter: '.*-rc' },
          layerSelector: {
            mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
            operation: 'copy',
          },
        },
      },
    ],
    [
      'chartRef OCIRepository without a ref follows latest',
      { chartRef: { kind: 'OCIRepository', name: 'latest' } },
      { request: { ref: { tag: 'latest' } } },
    ],
    [
      'GitRepository that is this repository: a folder of the tree',
      chartSpec('./charts/web', 'GitRepository', 'flux-system', { valuesFiles: ['values/prod.yaml'] }),
      { kind: 'local', path: 'fleet/charts/web', sourceRoot: 'fleet', valuesFiles: ['values/prod.yaml'] },
    ],
    [
      'GitRepository elsewhere: unavailable',
      chartSpec('./chart', 'GitRepository', 'other'),
      { kind: 'unavailable' },
    ],
    [
      'chartRef HelmChart: its own template and source namespace',
      { chartRef: { kind: 'HelmChart', name: 'existing' } },
      {
        kind: 'remote',
        request: { kind: 'helm-repository', url: 'https://apps.example.com', chart: 'web', version: '2.x' },
      },
    ],
    [
      'a source that is not in the cluster fails',
      chartSpec('web', 'HelmRepository', 'missing'),
      { kind: 'failed', reason: "HelmRepository 'flux-system/missing' not found in the cluster" },
    ],
    [
      'ExternalArtifact cannot be had offline',
      { chartRef: { kind: 'ExternalArtifact', name: 'x' } },
      { kind: 'unavailable' },
    ],
  ])('%s', (_name, spec, expected) => {
    expect(planChart(release(spec), lookup, auth)).toMatchObject(expected);
  });
});
