/**
 * Rendering behaviours on one small chart, with helm v4.1.4's output recorded for it: a
 * parent's `define` wins over a subchart's of the same name, `<no value>` is removed, partials,
 * NOTES.txt and whitespace-only output are not printed, hooks come last, documents are sorted in
 * helm's install order (Namespace, ServiceAccount, ConfigMap, Deployment), and `crds/` files of
 * the chart and its subcharts are printed first only with `--include-crds`.
 */
import { describe, expect, it } from 'vitest';
import { loadChartFiles } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart } from '../../../src/helm/render/render.js';

const enc = new TextEncoder();
const FILES: [string, string][] = [
  ['Chart.yaml', 'apiVersion: v2\nname: top\nversion: 0.1.0\n'],
  ['charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 0.2.0\n'],
  [
    'charts/sub/crds/gadget.yaml',
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.example.com\n',
  ],
  ['charts/sub/templates/_helpers.tpl', '{{- define "shared.label" -}}from-sub{{- end }}\n'],
  [
    'charts/sub/templates/cm.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub-cm\n  labels:\n    who: {{ include "shared.label" . }}\n',
  ],
  [
    'crds/widget.yaml',
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n',
  ],
  ['templates/NOTES.txt', 'Installed {{ .Release.Name }}.\n'],
  ['templates/_helpers.tpl', '{{- define "shared.label" -}}from-parent{{- end }}\n'],
  ['templates/blank.yaml', '{{- if .Values.never }}\nkind: Never\n{{- end }}\n   \n'],
  [
    'templates/deploy.yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n  labels:\n    who: {{ include "shared.label" . }}\n    missing: "{{ .Values.nothing }}"\n',
  ],
  [
    'templates/hook.yaml',
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    "helm.sh/hook": pre-install\n    "helm.sh/hook-weight": "5"\n',
  ],
  [
    'templates/ns.yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ .Release.Namespace }}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n',
  ],
  ['values.yaml', 'name: app\n'],
];
const prepared = prepareChart(
  loadChartFiles(
    FILES.map(([name, text]) => ({ name, data: enc.encode(text) })),
    'top',
  ),
);
const OPTIONS = { releaseName: 'rel', namespace: 'ns' };

// `helm template rel ./top -n ns`
const HELM =
  '---\n# Source: top/templates/ns.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n---\n# Source: top/templates/ns.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n---\n# Source: top/charts/sub/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub-cm\n  labels:\n    who: from-parent\n---\n# Source: top/templates/deploy.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  labels:\n    who: from-parent\n    missing: ""\n---\n# Source: top/templates/hook.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    "helm.sh/hook": pre-install\n    "helm.sh/hook-weight": "5"\n';
// `helm template rel ./top -n ns --include-crds`
const HELM_WITH_CRDS =
  '---\n# Source: top/crds/widget.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n\n---\n# Source: top/charts/sub/crds/gadget.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.example.com\n\n---\n# Source: top/templates/ns.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n---\n# Source: top/templates/ns.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n---\n# Source: top/charts/sub/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub-cm\n  labels:\n    who: from-parent\n---\n# Source: top/templates/deploy.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  labels:\n    who: from-parent\n    missing: ""\n---\n# Source: top/templates/hook.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    "helm.sh/hook": pre-install\n    "helm.sh/hook-weight": "5"\n';

describe('rendering a chart as helm template prints it', () => {
  it('prints what helm prints', () => {
    expect(renderChart(prepared, {}, OPTIONS).text).toBe(HELM);
  });

  it('prints the crds/ files of the chart and its subcharts first with --include-crds', () => {
    expect(renderChart(prepared, {}, { ...OPTIONS, includeCrds: true }).text).toBe(HELM_WITH_CRDS);
  });

  it('keeps hooks apart from the manifests, and NOTES.txt apart from both', () => {
    const r = renderChart(prepared, {}, OPTIONS);
    expect(r.hooks.map((h) => h.path)).toEqual(['top/templates/hook.yaml']);
    expect(r.manifests.map((m) => m.kind)).toEqual([
      'Namespace',
      'ServiceAccount',
      'ConfigMap',
      'Deployment',
    ]);
    expect(r.notes).toBe('Installed rel.\n');
  });

  it('renders the same twice from one preparation, with other values the second time', () => {
    expect(renderChart(prepared, { name: 'other' }, OPTIONS).text).toBe(
      HELM.replace('name: app', 'name: other'),
    );
    expect(renderChart(prepared, {}, OPTIONS).text).toBe(HELM);
  });
});
