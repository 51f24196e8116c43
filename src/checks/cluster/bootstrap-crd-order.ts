import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { ClusterModel, HelmReleaseRecord } from '../../render/model.js';
import type { Bootstrap, HelmfilePhase, HelmfileRelease } from '../repository/helmfile.js';
import type { Rule } from '../rule.js';
import { bootstrapsOf, clustersOf, helmReleaseOf } from './bootstrap.js';
import { byKey, clustersText, finding, groupOf, specOf, type Where } from './util.js';

const ID = 'bootstrap-crd-order';

/** API groups every Kubernetes API server serves without a CRD. */
const BUILT_IN = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

/** Group labels too common to tie a CRD group to a chart by name. */
const COMMON = new Set(['io', 'com', 'org', 'dev', 'net', 'k8s', 'x-k8s', 'networking', 'toolkit', 'cloud']);

/** `group/Kind` of every CRD among the objects. */
function crdsIn(objects: readonly { obj: JsonObject }[]): Set<string> {
  const out = new Set<string>();
  for (const { obj } of objects) {
    if (obj.kind !== 'CustomResourceDefinition') continue;
    const spec = specOf(obj);
    const names = isJsonObject(spec.names) ? spec.names : {};
    if (typeof spec.group === 'string' && typeof names.kind === 'string')
      out.add(`${spec.group}/${names.kind}`);
  }
  return out;
}

/** What the releases that run before one release install. */
interface Installed {
  crds: Set<string>;
  /** Releases whose CRDs are unknown (no rendered HelmRelease): their chart and name. */
  opaque: string[];
}

function install(into: Installed, model: ClusterModel, release: HelmfileRelease): void {
  const hr = helmReleaseOf(model, release);
  if (hr?.state === 'rendered') for (const c of crdsIn(hr.objects)) into.crds.add(c);
  else into.opaque.push(`${release.name} ${release.chart ?? ''}`.toLowerCase());
}

/**
 * A release whose chart is not known here may install the CRDs of a group whose distinctive
 * label its name or chart carries (`cilium-crds-v2` → cilium.io): giving it the benefit of the
 * doubt keeps an error from being a guess.
 */
function opaqueCovers(opaque: readonly string[], group: string): boolean {
  const labels = group.split('.').filter((l) => l.length >= 4 && !COMMON.has(l));
  return opaque.some((o) => labels.some((l) => o.includes(l)));
}

/** The releases of `phase` that `release` needs, transitively (helmfile runs the rest in parallel). */
function needed(phase: HelmfilePhase, release: HelmfileRelease): HelmfileRelease[] {
  const byKey = new Map(phase.releases.map((r) => [`${r.namespace}/${r.name}`, r]));
  const out = new Map<string, HelmfileRelease>();
  const visit = (r: HelmfileRelease): void => {
    for (const n of r.needs) {
      const dep = byKey.get(n);
      if (dep && !out.has(n)) {
        out.set(n, dep);
        visit(dep);
      }
    }
  };
  visit(release);
  return [...out.values()];
}

/** Where in the cluster the CRD of a kind comes from, to say what to add to the bootstrap. */
function providerOf(model: ClusterModel, crd: string): HelmReleaseRecord | undefined {
  return model.helmReleases.find((h) => h.state === 'rendered' && crdsIn(h.objects).has(crd));
}

interface Missing {
  release: HelmfileRelease;
  kinds: string[];
  providers: string[];
}

function missingIn(bootstrap: Bootstrap, model: ClusterModel): Missing[] {
  const out: Missing[] = [];
  bootstrap.phases.forEach((phase, p) => {
    if (phase.crdsOnly) return; // applies CRDs only
    for (const release of phase.releases) {
      const hr = helmReleaseOf(model, release);
      if (hr?.state !== 'rendered') continue; // what it renders is not known offline
      const before: Installed = { crds: new Set(), opaque: [] };
      for (const earlier of bootstrap.phases.slice(0, p))
        for (const r of earlier.releases) install(before, model, r);
      for (const r of [...needed(phase, release), release]) install(before, model, r);
      const kinds = new Set<string>();
      for (const { obj } of hr.objects) {
        const group = groupOf(obj);
        const crd = `${group}/${String(obj.kind)}`;
        if (BUILT_IN.has(group)) continue;
        if (before.crds.has(crd) || opaqueCovers(before.opaque, group)) continue;
        kinds.add(crd);
      }
      if (kinds.size === 0) continue;
      const providers = [...kinds].flatMap((k) => {
        const h = providerOf(model, k);
        return h ? [`${h.ref.namespace}/${h.ref.name}`] : [];
      });
      out.push({ release, kinds: [...kinds].sort(), providers: [...new Set(providers)].sort() });
    }
  });
  return out;
}

const kindText = (crd: string): string => {
  const slash = crd.lastIndexOf('/');
  return `${crd.slice(slash + 1)} (${crd.slice(0, slash)})`;
};

/**
 * A bootstrap release that applies custom resources whose CRD no earlier phase installed
 * (an earlier helmfile.d file, a CRD phase, or a release it `needs`) fails: the API server
 * rejects the objects, helmfile stops, and the cluster never reaches Flux. Checked where the
 * cluster render rendered the HelmRelease of the same name, whose objects are what the
 * release applies; a release whose chart is unknown is assumed to install its group's CRDs.
 */
export const bootstrapCrdOrder: Rule = {
  id: ID,
  severity: 'error',
  description:
    'a helmfile bootstrap release applies a custom resource whose CRD no earlier bootstrap phase installs',
  check(ctx) {
    const found: { key: string; cluster: string; value: { message: string; hint: string; where: Where } }[] =
      [];
    for (const bootstrap of bootstrapsOf(ctx)) {
      for (const model of clustersOf(bootstrap, ctx.models)) {
        for (const m of missingIn(bootstrap, model)) {
          const { release } = m;
          const where = { file: release.file, ...(release.line !== undefined ? { line: release.line } : {}) };
          const shown = m.kinds.slice(0, 3).map(kindText).join(', ');
          const more = m.kinds.length > 3 ? ` and ${m.kinds.length - 3} more` : '';
          const message = `bootstrap release ${release.namespace}/${release.name} applies ${shown}${more}, whose CRD no earlier phase installs`;
          const from =
            m.providers.length > 0
              ? ` (in the cluster they come with HelmRelease ${m.providers.join(', ')})`
              : '';
          found.push({
            key: `${release.file}:${release.line ?? ''}:${message}`,
            cluster: model.name,
            value: {
              message,
              where,
              hint: `install the CRDs in an earlier phase: a CRD release in the crds helmfile${from}, or needs: on the release that installs them; else turn off what the values enable until Flux takes over`,
            },
          });
        }
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(ID, 'error', `${value.message} on ${clustersText(clusters)}`, value.where, value.hint),
    );
  },
};
