/**
 * What the bootstrap rules share: the helmfile bootstraps read once per check run, the clusters
 * each bootstrap is for, and the HelmRelease that Flux takes each bootstrap release over with.
 */
import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { ClusterModel, HelmReleaseRecord } from '../../render/model.js';
import { readBootstraps, type Bootstrap, type HelmfileRelease } from '../repository/helmfile.js';
import type { CheckContext } from '../rule.js';
import { specOf } from './util.js';

const cache = new WeakMap<CheckContext, Bootstrap[]>();

/** The repository's helmfile bootstraps (read once for all rules of one run). */
export function bootstrapsOf(ctx: CheckContext): Bootstrap[] {
  let out = cache.get(ctx);
  if (!out) cache.set(ctx, (out = readBootstraps(ctx.tree, ctx.yamlFiles)));
  return out;
}

/**
 * The clusters a bootstrap is for: the one a directory of its path is named after
 * (`bootstrap/infra/helmfile.d`), else every cluster (one bootstrap, helmfile environments).
 */
export function clustersOf(bootstrap: Bootstrap, models: readonly ClusterModel[]): ClusterModel[] {
  const segments = new Set(bootstrap.dir.split('/'));
  const named = models.filter((m) => segments.has(m.name));
  return named.length > 0 ? named : [...models];
}

export function helmReleaseOf(model: ClusterModel, release: HelmfileRelease): HelmReleaseRecord | undefined {
  return model.helmReleases.find((h) => h.ref.namespace === release.namespace && h.ref.name === release.name);
}

/** The last segment of a chart reference: `repo/cilium`, `oci://…/cilium` → `cilium`. */
export function chartBaseName(chart: string): string | undefined {
  if (chart.includes('::') || chart.includes('{{')) return undefined; // go-getter URLs, templates
  const bare = chart.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = bare.slice(bare.lastIndexOf('/') + 1).replace(/\.tgz$/, '');
  return name || undefined;
}

function sourceObj(model: ClusterModel, hr: HelmReleaseRecord): JsonObject | undefined {
  const [kind, namespace, name] = hr.source.split('/');
  return model.sources.find((s) => s.kind === kind && s.ref.namespace === namespace && s.ref.name === name)
    ?.obj;
}

/** The chart name Flux installs for the HelmRelease, when the repository says it. */
export function helmReleaseChart(model: ClusterModel, hr: HelmReleaseRecord): string | undefined {
  if (hr.chartName) return hr.chartName;
  const chart = specOf(hr.obj).chart;
  if (isJsonObject(chart)) return chartBaseName(hr.chart);
  const src = sourceObj(model, hr);
  const url = src ? specOf(src).url : undefined;
  return typeof url === 'string' && src?.kind === 'OCIRepository' ? chartBaseName(url) : undefined;
}

const EXACT = /^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;

/** The exact chart version Flux installs, when the repository pins one. */
export function helmReleaseVersion(model: ClusterModel, hr: HelmReleaseRecord): string | undefined {
  if (hr.version !== undefined) return EXACT.test(hr.version) ? hr.version : undefined;
  const src = sourceObj(model, hr);
  const ref = src?.kind === 'OCIRepository' ? specOf(src).ref : undefined;
  const tag =
    isJsonObject(ref) && typeof ref.tag === 'string' && !ref.digest && !ref.semver ? ref.tag : undefined;
  if (tag !== undefined) return EXACT.test(tag) ? tag : undefined;
  const rendered = hr.chartVersion?.replace(/@sha256:.*$/, '');
  return rendered && EXACT.test(rendered) ? rendered : undefined;
}

/** The user values Flux gives the chart (after valuesFrom when the render computed them). */
export function helmReleaseValues(hr: HelmReleaseRecord): JsonObject {
  if (hr.values) return hr.values;
  const values = specOf(hr.obj).values;
  return isJsonObject(values) ? values : {};
}
