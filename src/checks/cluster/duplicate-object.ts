import type { RenderedObject } from '../../render/model.js';
import type { Rule } from '../rule.js';
import { byKey, clustersText, finding, groupOf, metaOf, refText, type Where } from './util.js';

const ID = 'duplicate-object';

const isFluxKustomization = (o: RenderedObject): boolean =>
  o.obj.kind === 'Kustomization' && groupOf(o.obj) === 'kustomize.toolkit.fluxcd.io';

const at = (o: RenderedObject): Where => ({
  file: o.file,
  ...(o.line !== undefined ? { line: o.line } : {}),
});
const whereText = (w: Where): string =>
  w.file ? ` (${w.file}${w.line !== undefined ? `:${w.line}` : ''})` : '';

/**
 * Two Kustomizations applying the same object (group, kind, namespace, name — the version does
 * not matter to the API server) overwrite each other's owner labels on every reconciliation,
 * and pruning by one deletes what the other still wants. Duplicate Flux Kustomizations are
 * reported by the render (`flux-duplicate-kustomization`).
 */
export const duplicateObject: Rule = {
  id: ID,
  severity: 'error',
  description: 'the same object is applied by two Kustomizations of one cluster, which then fight over it',
  check(ctx) {
    const found: { key: string; cluster: string; value: { message: string; where: Where } }[] = [];
    for (const model of ctx.models) {
      const first = new Map<string, { owner: string; o: RenderedObject }>();
      for (const ks of model.kustomizations) {
        for (const o of ks.objects) {
          if (isFluxKustomization(o)) continue;
          const m = metaOf(o.obj);
          const id = `${groupOf(o.obj)}/${String(o.obj.kind)}/${m.namespace}/${m.name}`;
          const owner = refText(ks.ref);
          const prior = first.get(id);
          if (!prior) {
            first.set(id, { owner, o });
            continue;
          }
          if (prior.owner === owner) continue; // kustomize itself rejects duplicates in one build
          const what = `${String(o.obj.kind)} ${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
          const message = `${what} is applied by Kustomization ${prior.owner}${whereText(at(prior.o))} and by Kustomization ${owner}`;
          found.push({
            key: `${o.file}:${o.line ?? ''}:${message}`,
            cluster: model.name,
            value: { message, where: at(o) },
          });
        }
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'error',
        `${value.message} on ${clustersText(clusters)}`,
        value.where,
        'apply it from one Kustomization only; the owner labels and pruning of the two would fight',
      ),
    );
  },
};
