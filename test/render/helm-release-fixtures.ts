/**
 * Small charts and an in-memory chart service for the HelmRelease render tests: charts are
 * written by the tests, retrieval answers from a map, rendering runs the chart engine in-thread.
 */
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import {
  requestKey,
  type ChartRequest,
  type ChartResult,
  type ResolvedChart,
} from '../../src/charts/types.js';
import { loadChartArchive, loadChartFiles } from '../../src/helm/chart/load.js';
import { prepareChart, renderChart } from '../../src/helm/render/render.js';
import type { HelmRenderRequest, HelmService } from '../../src/render/helm-service.js';
import { tgz } from '../helm/tar-writer.js';

/** A chart archive as `helm package` writes it: every file under `<name>/`. */
export function chartArchive(name: string, files: Record<string, string>): Uint8Array {
  return tgz(Object.entries(files).map(([path, data]) => ({ name: `${name}/${path}`, data })));
}

export function resolved(
  name: string,
  version: string,
  archive: Uint8Array,
  manifestDigest?: string,
): ResolvedChart {
  return {
    archive,
    name,
    version,
    digest: `sha256:${name}-${version}`,
    ...(manifestDigest ? { manifestDigest } : {}),
    source: `${name}-${version}.tgz`,
  };
}

export interface MemoryService extends HelmService {
  /** Each call of `charts`, with the requests it got. */
  calls: ChartRequest[][];
  renders: HelmRenderRequest[];
}

/** Answers chart requests from `charts` (by request key); anything else is not cached. */
export function memoryService(charts: Record<string, ResolvedChart>, kubeVersion?: string): MemoryService {
  const calls: ChartRequest[][] = [];
  const renders: HelmRenderRequest[] = [];
  return {
    calls,
    renders,
    ...(kubeVersion ? { kubeVersion } : {}),
    charts(requests) {
      calls.push([...requests]);
      const out = new Map<string, ChartResult>();
      for (const r of requests) {
        const chart = charts[requestKey(r)];
        out.set(
          requestKey(r),
          chart
            ? { ok: true, chart, fromCache: true }
            : {
                ok: false,
                reason: `${requestKey(r)} is not in the chart cache`,
                hint: 'run `k8s-ops charts pull`',
              },
        );
      }
      return Promise.resolve(out);
    },
    render(request) {
      renders.push(request);
      try {
        const c = request.chart;
        const chart =
          c.kind === 'archive' ? loadChartArchive(c.bytes, c.source) : loadChartFiles(c.files, c.source);
        return Promise.resolve({
          ok: true,
          text: renderChart(prepareChart(chart), request.values, request.options).text,
        });
      } catch (e) {
        if (e instanceof DiagnosticError) return Promise.resolve({ ok: false, diagnostic: e.diagnostic });
        throw e;
      }
    },
  };
}

export const DEMO_CHART: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.0.0\n',
  'values.yaml': 'greeting: hello\nimage: nginx:1.0\n',
  'templates/cm.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-cm',
    '  labels:',
    '    helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}',
    'data:',
    '  greeting: {{ .Values.greeting | quote }}',
    '  namespace: {{ .Release.Namespace }}',
    '  widgets: {{ .Capabilities.APIVersions.Has "example.com/v1/Widget" | quote }}',
    '',
  ].join('\n'),
  'templates/deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: {{ .Values.image }}',
    '',
  ].join('\n'),
  'templates/hook.yaml': [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  name: {{ .Release.Name }}-migrate',
    '  annotations:',
    '    helm.sh/hook: pre-install',
    'spec: {}',
    '',
  ].join('\n'),
  'templates/test.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: {{ .Release.Name }}-test',
    '  annotations:',
    '    helm.sh/hook: test',
    'spec: {}',
    '',
  ].join('\n'),
  'crds/widget.yaml': [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.example.com',
    'spec:',
    '  group: example.com',
    '  names: {kind: Widget, plural: widgets}',
    '  scope: Namespaced',
    '  versions: [{name: v1, served: true, storage: true}]',
    '',
  ].join('\n'),
  'templates/fail.yaml': '{{ if .Values.boom }}{{ fail "boom was set" }}{{ end }}\n',
  'values.schema.json': '{"type": "object", "properties": {"greeting": {"type": "string"}}}\n',
};

export function helmRepository(name: string, url: string): JsonObject {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name, namespace: 'flux-system' },
    spec: { interval: '1h', url },
  };
}

export function helmRelease(name: string, namespace: string, spec: JsonObject): JsonObject {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name, namespace },
    spec: { interval: '10m', ...spec },
  };
}

/** `spec.chart` of the demo chart from the `charts` HelmRepository. */
export const demoChart = (version = '1.0.0'): JsonObject => ({
  spec: {
    chart: 'demo',
    version,
    sourceRef: { kind: 'HelmRepository', name: 'charts', namespace: 'flux-system' },
  },
});
