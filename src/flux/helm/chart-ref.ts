/**
 * Where a HelmRelease's chart comes from, as Flux resolves it: `spec.chart.spec` makes the
 * controller create a HelmChart over a HelmRepository (HTTP index or `type: oci`), a
 * GitRepository or a Bucket; `spec.chartRef` points at an OCIRepository or an existing HelmChart.
 * Pure: the caller hands in the cluster's source objects and which of them are this repository.
 */
import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { ChartRequest } from '../../charts/types.js';
import type { HelmReleaseModel } from '../models/helm-release.js';

/** A source object of the cluster, and where its artifact is when it is this repository. */
export interface ChartSourceObject {
  kind: string;
  namespace: string;
  name: string;
  obj: JsonObject;
  /** The repository path its artifact root maps to, when the source is this repository. */
  localPath?: string;
}

export type SourceLookup = (kind: string, namespace: string, name: string) => ChartSourceObject | undefined;

/** Basic auth a HelmRepository's `secretRef` names: the caller reads the Secret. */
export type AuthLookup = (
  namespace: string,
  name: string,
) => { username: string; password: string } | undefined;

export type ChartPlan =
  /** Fetched (or taken from the cache): `digestVersion` when helm-controller appends the OCI digest. */
  | { kind: 'remote'; request: ChartRequest; digestVersion: boolean; valuesFiles: string[]; source: string }
  /** A chart folder of this repository. */
  | {
      kind: 'local';
      /** The chart folder, and the source's artifact root that values files are relative to. */
      path: string;
      sourceRoot: string;
      valuesFiles: string[];
      ignoreMissingValuesFiles: boolean;
      source: string;
    }
  | { kind: 'unavailable'; reason: string; hint: string }
  | { kind: 'failed'; reason: string; hint: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const specOf = (o: JsonObject): JsonObject => (isJsonObject(o.spec) ? o.spec : {});

export function joinPath(root: string, rel: string): string {
  const parts = [...root.split('/'), ...rel.split('/')].filter((p) => p !== '' && p !== '.');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

function missing(kind: string, namespace: string, name: string): ChartPlan {
  return {
    kind: 'failed',
    reason: `${kind} '${namespace}/${name}' not found in the cluster`,
    hint: `declare the ${kind} in a Kustomization of this cluster, or fix the reference`,
  };
}

/** A HelmChart template (`spec.chart.spec` or a HelmChart object's spec) over its source. */
interface ChartTemplate {
  chart: string;
  version: string;
  sourceKind: string;
  sourceNamespace: string;
  sourceName: string;
  valuesFiles: string[];
  ignoreMissingValuesFiles: boolean;
}

function fromTemplate(t: ChartTemplate, sources: SourceLookup, auth: AuthLookup): ChartPlan {
  const src = sources(t.sourceKind, t.sourceNamespace, t.sourceName);
  if (!src) return missing(t.sourceKind, t.sourceNamespace, t.sourceName);
  const label = `${t.sourceKind}/${t.sourceNamespace}/${t.sourceName}`;
  const s = specOf(src.obj);
  if (t.sourceKind === 'HelmRepository') {
    const url = str(s.url) ?? '';
    if (s.type === 'oci' || url.startsWith('oci://')) {
      const request: ChartRequest = {
        kind: 'oci',
        url: `${url.replace(/\/+$/, '')}/${t.chart}`,
        ref: { semver: t.version === '' ? '*' : t.version },
        sourceKind: 'HelmRepository',
        ...(s.insecure === true ? { insecure: true } : {}),
      };
      return { kind: 'remote', request, digestVersion: false, valuesFiles: t.valuesFiles, source: label };
    }
    const secret = isJsonObject(s.secretRef) ? str(s.secretRef.name) : undefined;
    const credentials = secret ? auth(t.sourceNamespace, secret) : undefined;
    const request: ChartRequest = {
      kind: 'helm-repository',
      url,
      chart: t.chart,
      version: t.version,
      ...(credentials ? { auth: credentials } : {}),
      ...(s.passCredentials === true ? { passCredentials: true } : {}),
    };
    return { kind: 'remote', request, digestVersion: false, valuesFiles: t.valuesFiles, source: label };
  }
  // GitRepository or Bucket: the chart is a folder of the artifact.
  if (src.localPath === undefined) {
    return {
      kind: 'unavailable',
      reason: `the chart is in ${label}, which is not this repository`,
      hint: 'render that repository on its own, or map the source to this repository in k8s-ops.yaml',
    };
  }
  return {
    kind: 'local',
    path: joinPath(src.localPath, t.chart),
    sourceRoot: src.localPath,
    valuesFiles: t.valuesFiles,
    ignoreMissingValuesFiles: t.ignoreMissingValuesFiles,
    source: label,
  };
}

function ociRepository(src: ChartSourceObject): ChartPlan {
  const s = specOf(src.obj);
  const ref = isJsonObject(s.ref) ? s.ref : {};
  const layer = isJsonObject(s.layerSelector) ? s.layerSelector : undefined;
  const digest = str(ref.digest);
  const semver = str(ref.semver);
  const semverFilter = str(ref.semverFilter);
  const tag = str(ref.tag);
  const mediaType = layer ? str(layer.mediaType) : undefined;
  const operation = layer ? str(layer.operation) : undefined;
  const request: ChartRequest = {
    kind: 'oci',
    url: str(s.url) ?? '',
    ref: {
      ...(digest ? { digest } : {}),
      ...(semver ? { semver } : {}),
      ...(semverFilter ? { semverFilter } : {}),
      ...(tag || !(digest || semver) ? { tag: tag ?? 'latest' } : {}),
    },
    ...(layer
      ? {
          layerSelector: {
            ...(mediaType ? { mediaType } : {}),
            ...(operation === 'extract' || operation === 'copy' ? { operation } : {}),
          },
        }
      : {}),
    sourceKind: 'OCIRepository',
    ...(s.insecure === true ? { insecure: true } : {}),
  };
  return {
    kind: 'remote',
    request,
    digestVersion: true,
    valuesFiles: [],
    source: `OCIRepository/${src.namespace}/${src.name}`,
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The chart source of `hr` as helm-controller would resolve it in this cluster. */
export function planChart(hr: HelmReleaseModel, sources: SourceLookup, auth: AuthLookup): ChartPlan {
  if (hr.chart) {
    const c = hr.chart;
    return fromTemplate(
      {
        chart: c.chart,
        version: c.version === '*' ? '*' : c.version,
        sourceKind: c.sourceRef.kind,
        sourceNamespace: c.sourceRef.namespace ?? hr.namespace,
        sourceName: c.sourceRef.name,
        valuesFiles: c.valuesFiles,
        ignoreMissingValuesFiles: c.ignoreMissingValuesFiles,
      },
      sources,
      auth,
    );
  }
  const ref = hr.chartRef;
  if (!ref)
    return { kind: 'failed', reason: 'no chart or chartRef', hint: 'set spec.chart or spec.chartRef' };
  const namespace = ref.namespace ?? hr.namespace;
  if (ref.kind === 'ExternalArtifact') {
    return {
      kind: 'unavailable',
      reason: `ExternalArtifact '${namespace}/${ref.name}' is produced inside the cluster`,
      hint: 'it cannot be rendered offline',
    };
  }
  const src = sources(ref.kind, namespace, ref.name);
  if (!src) return missing(ref.kind, namespace, ref.name);
  if (ref.kind === 'OCIRepository') return ociRepository(src);
  // An existing HelmChart: its spec is the same template, its source in its own namespace.
  const s = specOf(src.obj);
  const sourceRef = isJsonObject(s.sourceRef) ? s.sourceRef : {};
  return fromTemplate(
    {
      chart: str(s.chart) ?? '',
      version: str(s.version) ?? '*',
      sourceKind: str(sourceRef.kind) ?? '',
      sourceNamespace: namespace,
      sourceName: str(sourceRef.name) ?? '',
      valuesFiles: [...(str(s.valuesFile) ? [str(s.valuesFile) as string] : []), ...strings(s.valuesFiles)],
      ignoreMissingValuesFiles: s.ignoreMissingValuesFiles === true,
    },
    sources,
    auth,
  );
}
