/**
 * What the render stage needs to render HelmReleases, handed in by the caller so that the stage
 * stays pure: chart retrieval (the chart cache, maybe the network) and chart rendering (a worker
 * thread with a large stack, as deep `include` chains need).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { ChartRequest, ChartResult } from '../charts/types.js';
import type { HelmChartInput } from '../flux/helm/chart-input.js';
import type { GoMap } from '../gotemplate/value.js';
import type { RenderOptions as ChartRenderOptions } from '../helm/render/render.js';

export interface HelmRenderRequest {
  /** Identifies the chart's content (and adjustments): renders of one key may share a parse. */
  key: string;
  chart: HelmChartInput;
  /** The user values, after valuesFrom. */
  values: GoMap;
  options: ChartRenderOptions;
}

export type HelmRenderResponse = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export interface HelmService {
  /** Resolves every request; the map is keyed by `requestKey` (charts/types.ts). */
  charts(requests: readonly ChartRequest[]): Promise<Map<string, ChartResult>>;
  /** Renders a chart as `helm template` prints it. */
  render(request: HelmRenderRequest): Promise<HelmRenderResponse>;
  /** `.Capabilities.KubeVersion` (default: k8s-ops.yaml's kubernetesVersion, else helm's). */
  kubeVersion?: string;
}
