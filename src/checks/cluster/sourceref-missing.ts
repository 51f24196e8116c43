import { isJsonObject } from '../../core/json.js';
import type { ClusterModel } from '../../render/model.js';
import type { CheckContext, Rule } from '../rule.js';
import {
  byKey,
  clusterConfig,
  clustersText,
  declaredObjects,
  failedNote,
  fieldAt,
  finding,
  groupOf,
  metaOf,
  refText,
  renderedFrom,
  rootOf,
  specOf,
  UNKNOWABLE_KINDS,
  type Where,
} from './util.js';

const ID = 'sourceref-missing';

/** `Kind/namespace/name` of every source the cluster holds. */
function presentSources(ctx: CheckContext, model: ClusterModel): Set<string> {
  const out = new Set(model.sources.map((s) => `${s.kind}/${s.ref.namespace}/${s.ref.name}`));
  const root = rootOf(model);
  if (root) out.add(root.source); // what Flux itself syncs from (bootstrap or FluxInstance)
  for (const s of clusterConfig(ctx, model)?.sources ?? []) out.add(`${s.kind}/${s.namespace}/${s.name}`);
  for (const { obj } of declaredObjects(ctx, model)) {
    const m = metaOf(obj);
    if (groupOf(obj) === 'source.toolkit.fluxcd.io') out.add(`${String(obj.kind)}/${m.namespace}/${m.name}`);
  }
  // helm-controller creates HelmChart <ns>-<name> in the sourceRef's namespace for each chart.spec.
  for (const hr of model.helmReleases) {
    const chart = specOf(hr.obj).chart;
    if (!isJsonObject(chart) || !isJsonObject(chart.spec)) continue;
    const sourceNs = hr.source.split('/')[1] ?? hr.ref.namespace;
    out.add(`HelmChart/${sourceNs}/${hr.ref.namespace}-${hr.ref.name}`);
  }
  return out;
}

const usable = (source: string): boolean => {
  const [kind = '', , name = ''] = source.split('/');
  return kind !== '' && name !== '' && !UNKNOWABLE_KINDS.has(kind);
};

/**
 * A Kustomization's sourceRef or a HelmRelease's chart sourceRef/chartRef must name a source
 * some Kustomization of the cluster applies (or that Flux's own installation or k8s-ops.yaml
 * provides); otherwise Flux reports `Source '…' not found` and never reconciles it.
 */
export const sourceRefMissing: Rule = {
  id: ID,
  severity: 'error',
  description:
    'a Kustomization or HelmRelease refers to a Flux source that no Kustomization of the cluster applies',
  check(ctx) {
    const found: {
      key: string;
      cluster: string;
      value: { subject: string; source: string; note: string; where: Where };
    }[] = [];
    for (const model of ctx.models) {
      const present = presentSources(ctx, model);
      const note = failedNote(model);
      for (const ks of model.kustomizations) {
        if (!usable(ks.source) || present.has(ks.source)) continue;
        const where = fieldAt(
          ctx.tree,
          { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) },
          ['spec', 'sourceRef'],
        );
        const subject = `Kustomization ${refText(ks.ref)}`;
        found.push({
          key: `${ks.file}:${ks.line ?? ''}:${subject}`,
          cluster: model.name,
          value: { subject, source: ks.source, note, where },
        });
      }
      for (const hr of model.helmReleases) {
        if (!usable(hr.source) || present.has(hr.source)) continue;
        const path = isJsonObject(specOf(hr.obj).chartRef)
          ? ['spec', 'chartRef']
          : ['spec', 'chart', 'spec', 'sourceRef'];
        const from = renderedFrom(model, hr.obj);
        const subject = `HelmRelease ${refText(hr.ref)}`;
        found.push({
          key: `${from.file ?? ''}:${from.line ?? ''}:${subject}`,
          cluster: model.name,
          value: { subject, source: hr.source, note, where: fieldAt(ctx.tree, from, path) },
        });
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'error',
        `${value.subject} refers to source ${value.source}, which does not exist on ${clustersText(clusters)}${clusters.length === 1 ? value.note : ''}`,
        value.where,
        'fix the sourceRef (kind, name, namespace) or add the source to a Kustomization of the cluster',
      ),
    );
  },
};
