import { refKey, type ClusterModel } from '../render/model.js';
import { formatTable } from './table.js';

/** `k8s-ops get ks`: one row per Flux Kustomization, in reconciliation order. */
export function kustomizationTable(models: readonly ClusterModel[]): string {
  const rows = models.flatMap((m) =>
    m.kustomizations.map((k) => [
      m.name,
      refKey(k.ref),
      k.state,
      k.path ?? '',
      String(k.objects.length),
      k.reason ??
        (k.state === 'rendered'
          ? `${k.objects.length} object${k.objects.length === 1 ? '' : 's'} from ${k.source}`
          : ''),
    ]),
  );
  return formatTable(['CLUSTER', 'NAME', 'STATE', 'PATH', 'OBJECTS', 'MESSAGE'], rows);
}

/**
 * `k8s-ops get hr`: the chart and version as rendered when the release was (a `chartRef`'s chart
 * is only known then; an OCI version carries its digest suffix), else as the spec asks.
 */
export function helmReleaseTable(models: readonly ClusterModel[]): string {
  const rows = models.flatMap((m) =>
    m.helmReleases.map((h) => [
      m.name,
      refKey(h.ref),
      h.chartName ?? h.chart,
      h.chartVersion ?? h.version ?? '',
      h.source,
      h.state,
      String(h.objects.length),
      refKey(h.owner),
      h.reason ?? '',
    ]),
  );
  return formatTable(
    ['CLUSTER', 'NAME', 'CHART', 'VERSION', 'SOURCE', 'STATE', 'OBJECTS', 'KUSTOMIZATION', 'MESSAGE'],
    rows,
  );
}

/** `k8s-ops get sources`. */
export function sourceTable(models: readonly ClusterModel[]): string {
  const rows = models.flatMap((m) =>
    m.sources.map((s) => [
      m.name,
      `${s.kind}/${refKey(s.ref)}`,
      s.url ?? '',
      s.revision ?? '',
      s.local ? 'this repository' : '',
    ]),
  );
  return formatTable(['CLUSTER', 'NAME', 'URL', 'REVISION', 'LOCAL'], rows);
}

/** `k8s-ops get clusters`. */
export function clusterTable(
  clusters: readonly { name: string; entryPath: string; from: string; file: string }[],
): string {
  return formatTable(
    ['NAME', 'ENTRY', 'FOUND IN', 'DETECTED FROM'],
    clusters.map((c) => [c.name, c.entryPath, c.file, c.from]),
  );
}
