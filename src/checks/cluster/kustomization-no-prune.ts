import type { Rule } from '../rule.js';
import {
  clustersText,
  fieldAt,
  finding,
  perKustomizationDeclaration,
  renderReported,
  specOf,
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
    return perKustomizationDeclaration(ctx, (ks, model, where) => {
      const prune = specOf(ks.spec).prune;
      if (prune === true) return undefined;
      if (prune === undefined && renderReported(model, 'flux-required-field', ks.ref, 'spec.prune')) {
        return undefined;
      }
      return {
        what: prune === undefined ? 'no spec.prune' : `prune: ${JSON.stringify(prune)}`,
        where: fieldAt(ctx.tree, where, prune === undefined ? ['spec'] : ['spec', 'prune']),
      };
    }).map(({ value, clusters }) =>
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
