/** Hand-made ClusterModels for the diff unit tests. */
import type { JsonObject } from '../../src/core/json.js';
import type {
  ClusterModel,
  HelmReleaseRecord,
  KustomizationRecord,
  KustomizationState,
  RenderedObject,
} from '../../src/render/model.js';

export function cm(name: string, data: Record<string, string>, namespace = 'web'): JsonObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

export function secret(name: string, data: Record<string, string>, namespace = 'web'): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'Opaque',
    stringData: data,
  };
}

export function hrObj(name: string, version: string, values: JsonObject, chart = 'podinfo'): JsonObject {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name, namespace: 'web' },
    spec: {
      interval: '1h',
      chart: { spec: { chart, version, sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } },
      values,
    },
  };
}

export function ks(
  name: string,
  objs: (JsonObject | RenderedObject)[],
  state: KustomizationState = 'rendered',
  extra: Partial<KustomizationRecord> = {},
): KustomizationRecord {
  return {
    ref: { namespace: 'flux-system', name },
    file: 'clusters/x/ks.yaml',
    state,
    source: 'GitRepository/flux-system/flux-system',
    dependsOn: [],
    objects: objs.map((o) =>
      'obj' in o && typeof o.file === 'string'
        ? (o as RenderedObject)
        : { obj: o as JsonObject, file: 'x.yaml' },
    ),
    variables: [],
    spec: {},
    ...extra,
  };
}

export function hr(obj: JsonObject, owner: string): HelmReleaseRecord {
  const spec = (obj.spec as JsonObject).chart as JsonObject;
  const chartSpec = spec.spec as JsonObject;
  return {
    ref: { namespace: 'web', name: (obj.metadata as JsonObject).name as string },
    file: '',
    state: 'not-rendered',
    objects: [],
    owner: { namespace: 'flux-system', name: owner },
    chart: chartSpec.chart as string,
    version: chartSpec.version as string,
    source: 'HelmRepository/web/podinfo',
    dependsOn: [],
    suspended: false,
    obj,
  };
}

export function cluster(
  name: string,
  kustomizations: KustomizationRecord[],
  helmReleases: HelmReleaseRecord[] = [],
): ClusterModel {
  return {
    name,
    entryPath: `clusters/${name}`,
    kustomizations,
    helmReleases,
    sources: [],
    edges: [],
    diagnostics: [],
  };
}
