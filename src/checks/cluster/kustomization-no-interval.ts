import type { Rule } from '../rule.js';
import {
  clustersText,
  fieldAt,
  finding,
  perKustomizationDeclaration,
  renderReported,
  specOf,
} from './util.js';

const ID = 'kustomization-no-interval';

/**
 * `spec.interval` is required by the CRD: the API server rejects the object, so Flux never
 * reconciles it. The render already reports it for Kustomizations it builds
 * (`flux-required-field`); this covers the ones it does not build (external, suspended).
 */
export const kustomizationNoInterval: Rule = {
  id: ID,
  severity: 'error',
  description: 'a Flux Kustomization without spec.interval is rejected by the API server',
  check(ctx) {
    return perKustomizationDeclaration(ctx, (ks, model, where) => {
      const interval = specOf(ks.spec).interval;
      if (typeof interval === 'string' && interval !== '') return undefined;
      if (renderReported(model, 'flux-required-field', ks.ref, 'spec.interval')) return undefined;
      return { where: fieldAt(ctx.tree, where, ['spec']) };
    }).map(({ value, clusters }) =>
      finding(
        ID,
        'error',
        `Kustomization ${value.name} on ${clustersText(clusters)} has no spec.interval`,
        value.where,
        'set spec.interval (e.g. 1h); it is required',
      ),
    );
  },
};
