import { isJsonObject, type JsonObject } from '../core/json.js';
import { objectRef } from './ks-view.js';
import type {
  HelmReleaseRecord,
  KustomizationRecord,
  ObjectRef,
  RenderedObject,
  SourceRecord,
} from './model.js';
import type { LocalSource } from './reconcile.js';

const SOURCE_KINDS = new Set(['GitRepository', 'OCIRepository', 'HelmRepository', 'Bucket', 'HelmChart']);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function spec(obj: JsonObject): JsonObject {
  return isJsonObject(obj.spec) ? obj.spec : {};
}

function refsOf(list: unknown, defaultNamespace: string): ObjectRef[] {
  return (Array.isArray(list) ? list : [])
    .filter(isJsonObject)
    .map((d) => ({ namespace: str(d.namespace) ?? defaultNamespace, name: str(d.name) ?? '' }));
}

function helmRelease(o: RenderedObject, owner: ObjectRef): HelmReleaseRecord {
  const { obj } = o;
  const ref = objectRef(obj);
  const s = spec(obj);
  const chartRef = isJsonObject(s.chartRef) ? s.chartRef : undefined;
  const chartSpec = isJsonObject(s.chart) && isJsonObject(s.chart.spec) ? s.chart.spec : undefined;
  const srcRef = chartRef ?? (chartSpec && isJsonObject(chartSpec.sourceRef) ? chartSpec.sourceRef : {});
  const version = str(chartSpec?.version);
  return {
    ref,
    file: o.file,
    ...(o.line !== undefined ? { line: o.line } : {}),
    state: 'not-rendered',
    owner,
    chart: str(chartSpec?.chart) ?? str(chartRef?.name) ?? '',
    ...(version ? { version } : {}),
    source: `${str(srcRef.kind) ?? ''}/${str(srcRef.namespace) ?? ref.namespace}/${str(srcRef.name) ?? ''}`,
    dependsOn: refsOf(s.dependsOn, ref.namespace),
    suspended: s.suspend === true,
    obj,
    objects: [],
  };
}

export function collectHelmReleases(records: readonly KustomizationRecord[]): HelmReleaseRecord[] {
  return records.flatMap((r) =>
    r.objects
      .filter(
        (o) =>
          o.obj.kind === 'HelmRelease' &&
          String(o.obj.apiVersion ?? '').startsWith('helm.toolkit.fluxcd.io/'),
      )
      .map((o) => helmRelease(o, r.ref)),
  );
}

function revisionOf(s: JsonObject): string | undefined {
  const ref = isJsonObject(s.ref) ? s.ref : {};
  return (
    str(ref.branch) ?? str(ref.tag) ?? str(ref.semver) ?? str(ref.digest) ?? str(ref.commit) ?? str(ref.name)
  );
}

export function collectSources(
  records: readonly KustomizationRecord[],
  local: readonly LocalSource[],
): SourceRecord[] {
  return records.flatMap((r) =>
    r.objects
      .filter(
        (o) =>
          SOURCE_KINDS.has(String(o.obj.kind)) &&
          String(o.obj.apiVersion ?? '').startsWith('source.toolkit.fluxcd.io/'),
      )
      .map((o) => {
        const ref = objectRef(o.obj);
        const s = spec(o.obj);
        const url = str(s.url);
        const revision = revisionOf(s);
        return {
          kind: String(o.obj.kind),
          ref,
          owner: r.ref,
          ...(url ? { url } : {}),
          ...(revision ? { revision } : {}),
          local: local.some(
            (l) => l.kind === o.obj.kind && l.name === ref.name && l.namespace === ref.namespace,
          ),
          obj: o.obj,
        };
      }),
  );
}
