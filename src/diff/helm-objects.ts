/**
 * What a HelmRelease's chart does on each side: its state (rendered, failed, …), the chart
 * as rendered, and which of its objects take part in the object comparison.
 */
import { isJsonObject } from '../core/json.js';
import { parseApiVersion } from '../core/resource-id.js';
import { isClusterScoped } from '../kustomize/scope.js';
import { refKey, type HelmReleaseRecord, type RenderedObject } from '../render/model.js';
import type { Applier } from './object-changes.js';
import type { HelmReleaseDiff, StateChange } from './types.js';

/** The applier key of a release's objects: `HelmRelease/namespace/name`. */
export function releaseApplierKey(h: HelmReleaseRecord): string {
  return `HelmRelease/${refKey(h.ref)}`;
}

/**
 * The release's objects on both sides, when both are known. A release that fails, or whose
 * chart is not available, leaves what helm installed before in place, so it is not compared;
 * a release that does not exist on a side has no objects there (helm uninstalls it).
 */
export function releaseApplier(
  before: HelmReleaseRecord | undefined,
  after: HelmReleaseRecord | undefined,
): Applier | undefined {
  const any = after ?? before;
  if (!any) return undefined;
  const known = (h: HelmReleaseRecord | undefined) => !h || h.state === 'rendered';
  if (!known(before) || !known(after)) return undefined;
  return {
    key: releaseApplierKey(any),
    before: before ? inReleaseNamespace(before) : [],
    after: after ? inReleaseNamespace(after) : [],
    chart: true,
  };
}

/**
 * The release's objects as helm installs them: a namespaced object without a namespace goes
 * to the release's (target) namespace, so it is keyed like the same object in a Kustomization.
 * Unknown kinds count as namespaced unless their name says `Cluster…` (ClusterIssuer, …).
 */
function inReleaseNamespace(h: HelmReleaseRecord): RenderedObject[] {
  const spec = isJsonObject(h.obj.spec) ? h.obj.spec : {};
  const target = spec.targetNamespace;
  const ns = typeof target === 'string' && target !== '' ? target : h.ref.namespace;
  return h.objects.map((o) => {
    const meta = isJsonObject(o.obj.metadata) ? o.obj.metadata : {};
    const kind = typeof o.obj.kind === 'string' ? o.obj.kind : '';
    const { group, version } = parseApiVersion(typeof o.obj.apiVersion === 'string' ? o.obj.apiVersion : '');
    if (meta.namespace || kind.startsWith('Cluster') || isClusterScoped({ group, version, kind })) return o;
    return { ...o, obj: { ...o.obj, metadata: { ...meta, namespace: ns } } };
  });
}

function releaseStateChange(
  a: HelmReleaseRecord | undefined,
  b: HelmReleaseRecord | undefined,
): StateChange | undefined {
  if (!b) return undefined;
  if (!a) return b.state === 'failed' ? 'newly-failing' : undefined;
  if (a.state === b.state && a.reason === b.reason) return undefined;
  if (b.state === 'failed' && a.state !== 'failed') return 'newly-failing';
  if (a.state === 'failed' && b.state !== 'failed') return 'stopped-failing';
  if (a.state === 'failed') return 'still-failing';
  return a.state === b.state ? undefined : 'state';
}

function renderedChart(h: HelmReleaseRecord | undefined): string | undefined {
  if (!h?.chartName) return undefined;
  return h.chartVersion ? `${h.chartName}-${h.chartVersion}` : h.chartName;
}

/** The state and rendered-chart fields of a release's diff; empty when neither changed. */
export function releaseChanges(
  a: HelmReleaseRecord | undefined,
  b: HelmReleaseRecord | undefined,
): Pick<HelmReleaseDiff, 'before' | 'after' | 'stateChange' | 'renderedChart'> {
  const stateChange = releaseStateChange(a, b);
  const side = (h: HelmReleaseRecord) => ({
    state: h.state,
    ...(h.reason !== undefined ? { reason: h.reason } : {}),
  });
  const x = renderedChart(a);
  const y = renderedChart(b);
  // A chart that did not render on one side says nothing about its version there.
  const chartChanged = x !== y && x !== undefined && y !== undefined;
  return {
    ...(stateChange && a ? { before: side(a) } : {}),
    ...(stateChange && b ? { after: side(b) } : {}),
    ...(stateChange ? { stateChange } : {}),
    ...(chartChanged ? { renderedChart: { before: x, after: y } } : {}),
  };
}
