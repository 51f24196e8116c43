import type { Diagnostic } from '../../core/diagnostic.js';
import { refKey } from '../../render/model.js';
import type { Rule } from '../rule.js';
import { failedNote, fieldAt, finding, refText, renderReported, renderedFrom } from './util.js';

const ID = 'dependson-missing';

/**
 * Flux waits forever on a dependency that does not exist (`dependency '…' not found`).
 * Kustomization → Kustomization only, HelmRelease → HelmRelease only.
 * Missing Kustomization dependencies the render already reported (`flux-dependency-missing`)
 * are left to it.
 */
export const dependsOnMissing: Rule = {
  id: ID,
  severity: 'error',
  description: 'dependsOn names a Kustomization or HelmRelease that does not exist in the cluster',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const model of ctx.models) {
      const note = failedNote(model);
      const kss = new Set(model.kustomizations.map((k) => refKey(k.ref)));
      for (const ks of model.kustomizations) {
        if (renderReported(model, 'flux-dependency-missing', ks.ref)) continue;
        ks.dependsOn.forEach((dep, i) => {
          if (kss.has(refKey(dep))) return;
          const where = { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) };
          out.push(
            finding(
              ID,
              'error',
              `Kustomization ${refText(ks.ref)} on cluster ${model.name} depends on Kustomization ${refText(dep)}, which does not exist${note}`,
              fieldAt(ctx.tree, where, ['spec', 'dependsOn', i]),
              "fix the name or namespace (it defaults to the dependent's namespace)",
            ),
          );
        });
      }
      const hrs = new Set(model.helmReleases.map((h) => refKey(h.ref)));
      for (const hr of model.helmReleases) {
        hr.dependsOn.forEach((dep, i) => {
          if (hrs.has(refKey(dep))) return;
          out.push(
            finding(
              ID,
              'error',
              `HelmRelease ${refText(hr.ref)} on cluster ${model.name} depends on HelmRelease ${refText(dep)}, which does not exist${note}`,
              fieldAt(ctx.tree, renderedFrom(model, hr.obj), ['spec', 'dependsOn', i]),
              'HelmRelease dependsOn names HelmReleases only (namespace defaults to its own)',
            ),
          );
        });
      }
    }
    return out;
  },
};
