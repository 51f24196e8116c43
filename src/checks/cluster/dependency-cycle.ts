import type { Diagnostic } from '../../core/diagnostic.js';
import type { ClusterModel, ObjectRef } from '../../render/model.js';
import type { Rule } from '../rule.js';
import { findCycles } from './cycles.js';
import { finding, refText, renderedFrom, type Where } from './util.js';

const ID = 'dependency-cycle';

const chainText = (chain: readonly ObjectRef[]): string => chain.map(refText).join(' -> ');

/**
 * Flux does not detect cycles: their members never become ready. Kustomization cycles the
 * render already reported (`flux-dependency-cycle`) are left to it; HelmRelease cycles are new.
 */
export const dependencyCycle: Rule = {
  id: ID,
  severity: 'error',
  description: 'dependsOn edges form a cycle, so none of its members ever reconciles',
  check(ctx) {
    const out: Diagnostic[] = [];
    const report = (model: ClusterModel, kind: string, chain: ObjectRef[], where: Where) =>
      out.push(
        finding(
          ID,
          'error',
          `${kind} dependency cycle on cluster ${model.name}: ${chainText(chain)}`,
          where,
          'remove one dependsOn edge of the cycle',
        ),
      );
    for (const model of ctx.models) {
      const reported = model.diagnostics
        .filter((d) => d.rule === 'flux-dependency-cycle')
        .map((d) => d.message);
      for (const chain of findCycles(model.kustomizations)) {
        // The render names a cycle by its chain; any member named there means it is known.
        if (chain.some((r) => reported.some((m) => m.includes(refText(r))))) continue;
        const ks = model.kustomizations.find((k) => k.ref === chain[0]);
        report(
          model,
          'Kustomization',
          chain,
          ks ? { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) } : {},
        );
      }
      for (const chain of findCycles(model.helmReleases)) {
        const hr = model.helmReleases.find((h) => h.ref === chain[0]);
        report(model, 'HelmRelease', chain, hr ? renderedFrom(model, hr.obj) : {});
      }
    }
    return out;
  },
};
