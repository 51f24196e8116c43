import type { Rule } from '../rule.js';
import {
  byKey,
  clustersText,
  fieldAt,
  finding,
  refText,
  renderReported,
  specOf,
  type Where,
} from './util.js';

const ID = 'kustomization-no-prune';

/**
 * Without `prune: true` objects removed from Git stay in the cluster forever. A missing
 * `prune` (required by the CRD) is reported by the render for Kustomizations it builds.
 */
export const kustomizationNoPrune: Rule = {
  id: ID,
  severity: 'warning',
  description: 'a Flux Kustomization with prune false or unset leaves deleted objects in the cluster',
  check(ctx) {
    const found: { key: string; cluster: string; value: { name: string; what: string; where: Where } }[] = [];
    for (const model of ctx.models) {
      for (const ks of model.kustomizations) {
        const prune = specOf(ks.spec).prune;
        if (prune === true) continue;
        if (prune === undefined && renderReported(model, 'flux-required-field', ks.ref, 'spec.prune'))
          continue;
        const where = { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) };
        found.push({
          key: `${ks.file}:${ks.line ?? ''}:${refText(ks.ref)}`,
          cluster: model.name,
          value: {
            name: refText(ks.ref),
            what: prune === undefined ? 'no spec.prune' : `prune: ${JSON.stringify(prune)}`,
            where: fieldAt(ctx.tree, where, prune === undefined ? ['spec'] : ['spec', 'prune']),
          },
        });
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'warning',
        `Kustomization ${value.name} on ${clustersText(clusters)} has ${value.what}; objects removed from the repository are never deleted`,
        value.where,
        'set spec.prune: true (keep single objects with the annotation kustomize.toolkit.fluxcd.io/prune: disabled)',
      ),
    );
  },
};
