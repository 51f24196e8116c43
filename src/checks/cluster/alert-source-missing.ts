import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { ClusterModel } from '../../render/model.js';
import { editDistance } from '../../core/edit-distance.js';
import type { CheckContext, Rule } from '../rule.js';
import {
  appliedObjects,
  byKey,
  clusterConfig,
  clustersText,
  declaredObjects,
  failedNote,
  fieldAt,
  finding,
  groupOf,
  metaOf,
  rootOf,
  specOf,
  UNKNOWABLE_KINDS,
  type Where,
} from './util.js';

const ID = 'alert-source-missing';

const NOTIFICATION_GROUP = 'notification.toolkit.fluxcd.io';

/** Namespace → names of every object of `kind` the cluster holds, by kind. */
type Present = Map<string, Map<string, Set<string>>>;

function add(present: Present, kind: string, namespace: string, name: string): void {
  if (!kind || !name) return;
  let byNs = present.get(kind);
  if (!byNs) present.set(kind, (byNs = new Map()));
  let names = byNs.get(namespace);
  if (!names) byNs.set(namespace, (names = new Set()));
  names.add(name);
}

/** Everything the cluster will hold, as far as the render knows it. */
function presentObjects(ctx: CheckContext, model: ClusterModel): Present {
  const present: Present = new Map();
  const addObj = (obj: JsonObject): void => {
    const m = metaOf(obj);
    add(present, typeof obj.kind === 'string' ? obj.kind : '', m.namespace, m.name);
  };
  for (const { o } of appliedObjects(model)) addObj(o.obj);
  for (const o of declaredObjects(ctx, model)) addObj(o.obj);
  for (const hr of model.helmReleases) for (const o of hr.objects) addObj(o.obj);
  // Records cover objects created outside the tree Flux syncs (the root, bootstrap sources).
  for (const ks of model.kustomizations) add(present, 'Kustomization', ks.ref.namespace, ks.ref.name);
  for (const hr of model.helmReleases) add(present, 'HelmRelease', hr.ref.namespace, hr.ref.name);
  for (const s of model.sources) add(present, s.kind, s.ref.namespace, s.ref.name);
  const root = rootOf(model);
  if (root) {
    const [kind = '', namespace = '', name = ''] = root.source.split('/');
    add(present, kind, namespace, name);
  }
  for (const s of clusterConfig(ctx, model)?.sources ?? []) add(present, s.kind, s.namespace, s.name);
  // helm-controller creates HelmChart <namespace>-<name> in the chart source's namespace.
  for (const hr of model.helmReleases) {
    const chart = specOf(hr.obj).chart;
    if (!isJsonObject(chart) || !isJsonObject(chart.spec)) continue;
    const sourceNs = hr.source.split('/')[1] || hr.ref.namespace;
    add(present, 'HelmChart', sourceNs, `${hr.ref.namespace}-${hr.ref.name}`);
  }
  addGenerated(present, model);
  return present;
}

/** Name that stands for "any name": what a ResourceSet templates cannot be known offline. */
const ANY = '\u0000any';

/**
 * Objects a flux-operator ResourceSet generates at run time: exact names are present, and a
 * templated name (`<< inputs.name >>`) may be anything, so that kind is never reported missing.
 */
function addGenerated(present: Present, model: ClusterModel): void {
  for (const { o } of appliedObjects(model)) {
    if (o.obj.kind !== 'ResourceSet' || groupOf(o.obj) !== 'fluxcd.controlplane.io') continue;
    const own = metaOf(o.obj).namespace;
    const resources = specOf(o.obj).resources;
    for (const r of Array.isArray(resources) ? resources : []) {
      if (!isJsonObject(r) || typeof r.kind !== 'string') continue;
      const m = metaOf(r);
      const namespace = m.namespace.includes('<<') ? ANY : m.namespace || own;
      add(present, r.kind, namespace, m.name === '' || m.name.includes('<<') ? ANY : m.name);
    }
  }
}

function has(present: Present, kind: string, namespace: string, name: string): boolean {
  const byNs = present.get(kind);
  if (!byNs) return false;
  return [namespace, ANY].some((ns) => byNs.get(ns)?.has(name) || byNs.get(ns)?.has(ANY));
}

/** The name closest to `name` among objects of the kind: same namespace first, then any. */
function nearest(present: Present, kind: string, namespace: string, name: string): string {
  const byNs = present.get(kind);
  if (!byNs || byNs.size === 0) return `the cluster has no ${kind} at all`;
  const pick = (candidates: string[]): string | undefined => {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates.sort()) {
      const d = editDistance(name.toLowerCase(), (c.split('/').pop() ?? c).toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return best;
  };
  const local = pick([...(byNs.get(namespace) ?? [])].filter((n) => n !== ANY));
  if (local) return `closest ${kind} in ${namespace}: ${local}`;
  const elsewhere = pick(
    [...byNs].flatMap(([ns, names]) =>
      ns === ANY ? [] : [...names].filter((n) => n !== ANY).map((n) => `${ns}/${n}`),
    ),
  );
  return elsewhere
    ? `no ${kind} in namespace ${namespace}; closest elsewhere: ${elsewhere}`
    : `the cluster has no ${kind} at all`;
}

interface Reference {
  kind: string;
  namespace: string;
  name: string;
  path: (string | number)[];
}

/** The named references of an Alert or Receiver (wildcards and label selectors excepted). */
function references(obj: JsonObject): Reference[] {
  const field = obj.kind === 'Alert' ? 'eventSources' : 'resources';
  const list = specOf(obj)[field];
  const own = metaOf(obj).namespace;
  return (Array.isArray(list) ? list : []).flatMap((r, i): Reference[] => {
    if (!isJsonObject(r) || typeof r.kind !== 'string' || typeof r.name !== 'string') return [];
    if (r.name === '*' || r.name.includes('*') || isJsonObject(r.matchLabels)) return [];
    if (UNKNOWABLE_KINDS.has(r.kind)) return [];
    const namespace = typeof r.namespace === 'string' && r.namespace ? r.namespace : own;
    return [{ kind: r.kind, namespace, name: r.name, path: ['spec', field, i] }];
  });
}

/**
 * notification-controller matches an Alert's event sources, and a Receiver's resources, by kind,
 * namespace and name: one naming an object that does not exist never fires (Alert) or fails
 * every webhook call (Receiver), and nothing reports it. Objects whose Kustomization failed to
 * render are unknown, which the message says.
 */
export const alertSourceMissing: Rule = {
  id: ID,
  severity: 'warning',
  description:
    'a Flux Alert eventSource or Receiver resource names an object that the cluster does not have, so it never fires',
  check(ctx) {
    const found: { key: string; cluster: string; value: { message: string; note: string; where: Where } }[] =
      [];
    for (const model of ctx.models) {
      let present: Present | undefined;
      const note = failedNote(model);
      for (const { o } of appliedObjects(model)) {
        const obj = o.obj;
        if ((obj.kind !== 'Alert' && obj.kind !== 'Receiver') || groupOf(obj) !== NOTIFICATION_GROUP)
          continue;
        for (const r of references(obj)) {
          present ??= presentObjects(ctx, model);
          if (has(present, r.kind, r.namespace, r.name)) continue;
          const own = metaOf(obj);
          const message = `${String(obj.kind)} ${own.namespace}/${own.name} names ${r.kind} ${r.namespace}/${r.name}, which does not exist`;
          const where = { file: o.file, ...(o.line !== undefined ? { line: o.line } : {}) };
          found.push({
            key: `${o.file}:${o.line ?? ''}:${message}`,
            cluster: model.name,
            value: {
              message: `${message} (${nearest(present, r.kind, r.namespace, r.name)})`,
              note,
              where: fieldAt(ctx.tree, where, r.path),
            },
          });
        }
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'warning',
        `${value.message} on ${clustersText(clusters)}${clusters.length === 1 ? value.note : ''}`,
        value.where,
        "fix the kind, name or namespace (it defaults to the object's own), or use name: '*' with matchLabels",
      ),
    );
  },
};
