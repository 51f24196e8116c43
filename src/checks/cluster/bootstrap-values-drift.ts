import { deepEqual, isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { TEMPLATED, type HelmfileRelease } from '../repository/helmfile.js';
import type { Rule } from '../rule.js';
import {
  bootstrapsOf,
  chartBaseName,
  clustersOf,
  helmReleaseChart,
  helmReleaseOf,
  helmReleaseValues,
  helmReleaseVersion,
} from './bootstrap.js';
import { byKey, clustersText, finding, type Where } from './util.js';

const ID = 'bootstrap-values-drift';

/** How many differing value paths a message names. */
const SHOWN = 3;

const templated = (v: JsonValue | undefined): boolean => typeof v === 'string' && v.includes(TEMPLATED);

/**
 * Paths (`a.b.c`) where `own` differs from `flux`. With `oneWay`, only the paths `own` sets
 * count (the rest comes from the HelmRelease itself). Templated leaves are unknown: skipped.
 */
export function valueDiff(own: JsonObject, flux: JsonObject, oneWay: boolean, prefix = ''): string[] {
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(own), ...(oneWay ? [] : Object.keys(flux))])].sort();
  for (const k of keys) {
    const a = own[k];
    const b = flux[k];
    const path = prefix === '' ? k : `${prefix}.${k}`;
    if (templated(a)) continue;
    if (isJsonObject(a) && isJsonObject(b)) out.push(...valueDiff(a, b, oneWay, path));
    else if (a === undefined || b === undefined || !deepEqual(a, b)) out.push(path);
  }
  return out;
}

const bareVersion = (v: string): string => v.replace(/^v/, '');

function differences(
  release: HelmfileRelease,
  flux: { chart?: string; version?: string; values: JsonObject },
): string[] {
  const out: string[] = [];
  const chart = release.chart === undefined ? undefined : chartBaseName(release.chart);
  if (chart && flux.chart && chart !== flux.chart) out.push(`chart ${chart} (Flux: ${flux.chart})`);
  if (release.version && flux.version && bareVersion(release.version) !== bareVersion(flux.version)) {
    out.push(`version ${release.version} (Flux: ${flux.version})`);
  }
  const v = release.values;
  if (v.unknown.length === 0) {
    const paths = valueDiff(v.own, flux.values, v.fromHelmRelease);
    if (paths.length > 0) {
      const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : '';
      out.push(`values at ${paths.slice(0, SHOWN).join(', ')}${more}`);
    }
  }
  return out;
}

/**
 * A helmfile bootstrap installs a release that Flux later takes over through the HelmRelease
 * of the same name and namespace. When chart, version or values differ, the first reconcile
 * upgrades the release: the cluster briefly runs something nobody declared, and a CNI or DNS
 * change there can cut Flux off. Values files that read the HelmRelease are equal by design.
 */
export const bootstrapValuesDrift: Rule = {
  id: ID,
  severity: 'warning',
  description:
    'a helmfile bootstrap release installs another chart, version or values than the HelmRelease Flux takes it over with',
  check(ctx) {
    const found: { key: string; cluster: string; value: { message: string; where: Where } }[] = [];
    for (const bootstrap of bootstrapsOf(ctx)) {
      for (const model of clustersOf(bootstrap, ctx.models)) {
        for (const phase of bootstrap.phases) {
          if (phase.crdsOnly) continue; // only its CRDs are applied: not the release Flux adopts
          for (const release of phase.releases) {
            const hr = helmReleaseOf(model, release);
            if (!hr) continue;
            const chart = helmReleaseChart(model, hr);
            const version = helmReleaseVersion(model, hr);
            const diff = differences(release, {
              ...(chart ? { chart } : {}),
              ...(version ? { version } : {}),
              values: helmReleaseValues(hr),
            });
            if (diff.length === 0) continue;
            const where = {
              file: release.file,
              ...(release.line !== undefined ? { line: release.line } : {}),
            };
            const message = `bootstrap release ${release.namespace}/${release.name} differs from the HelmRelease Flux takes it over with (${hr.file}): ${diff.join('; ')}`;
            found.push({
              key: `${release.file}:${release.line ?? ''}:${message}`,
              cluster: model.name,
              value: { message, where },
            });
          }
        }
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'warning',
        `${value.message} on ${clustersText(clusters)}`,
        value.where,
        "install what Flux installs: the HelmRelease's chart version, and values read from the HelmRelease (a values.yaml.gotmpl that reads its spec.values)",
      ),
    );
  },
};
