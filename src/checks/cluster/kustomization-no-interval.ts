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
    const found: { key: string; cluster: string; value: { name: string; where: Where } }[] = [];
    for (const model of ctx.models) {
      for (const ks of model.kustomizations) {
        const interval = specOf(ks.spec).interval;
        if (typeof interval === 'string' && interval !== '') continue;
        if (renderReported(model, 'flux-required-field', ks.ref, 'spec.interval')) continue;
        const where = { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) };
        found.push({
          key: `${ks.file}:${ks.line ?? ''}:${refText(ks.ref)}`,
          cluster: model.name,
          value: { name: refText(ks.ref), where: fieldAt(ctx.tree, where, ['spec']) },
        });
      }
    }
    return byKey(found).map(({ value, clusters }) =>
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
