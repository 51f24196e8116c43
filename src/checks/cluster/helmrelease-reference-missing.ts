import { isJsonObject, type JsonObject } from '../../core/json.js';
import { externalSecretTarget } from '../../flux/in-cluster-values.js';
import type { ClusterModel } from '../../render/model.js';
import type { CheckContext, Rule } from '../rule.js';
import {
  appliedObjects,
  byKey,
  clustersText,
  declaredObjects,
  failedNote,
  fieldAt,
  finding,
  groupOf,
  metaOf,
  refText,
  renderReported,
  renderedFrom,
  specOf,
  type Where,
} from './util.js';

const ID = 'helmrelease-reference-missing';

const key = (kind: string, namespace: string, name: string) => `${kind}/${namespace || 'default'}/${name}`;

/** Secrets other objects of the cluster create: ExternalSecret, SealedSecret, cert-manager Certificate. */
function createdSecret(obj: JsonObject): { namespace: string; name: string } | undefined {
  const group = groupOf(obj);
  const spec = specOf(obj);
  if (obj.kind === 'ExternalSecret' && group === 'external-secrets.io') return externalSecretTarget(obj);
  if (obj.kind === 'SealedSecret' && group === 'bitnami.com') {
    const tmeta =
      isJsonObject(spec.template) && isJsonObject(spec.template.metadata) ? spec.template.metadata : {};
    const m = metaOf(obj);
    return {
      namespace: m.namespace,
      name: typeof tmeta.name === 'string' && tmeta.name ? tmeta.name : m.name,
    };
  }
  if (obj.kind === 'Certificate' && group === 'cert-manager.io' && typeof spec.secretName === 'string') {
    return { namespace: metaOf(obj).namespace, name: spec.secretName };
  }
  return undefined;
}

/** CloudNativePG creates `<cluster>-app` (and `<cluster>-superuser`) Secrets for each Cluster. */
function cnpgSecrets(obj: JsonObject): { namespace: string; name: string }[] {
  if (obj.kind !== 'Cluster' || groupOf(obj) !== 'postgresql.cnpg.io') return [];
  const m = metaOf(obj);
  return ['app', 'superuser'].map((s) => ({ namespace: m.namespace, name: `${m.name}-${s}` }));
}

/** `Kind/namespace/name` of every ConfigMap and Secret the cluster will hold. */
function presentObjects(ctx: CheckContext, model: ClusterModel): Set<string> {
  const out = new Set<string>();
  const objects = [...appliedObjects(model).map(({ o }) => o), ...declaredObjects(ctx, model)];
  for (const { obj } of objects) {
    const m = metaOf(obj);
    if ((obj.kind === 'ConfigMap' || obj.kind === 'Secret') && groupOf(obj) === '')
      out.add(key(obj.kind, m.namespace, m.name));
    const secret = createdSecret(obj);
    for (const s of [...(secret ? [secret] : []), ...cnpgSecrets(obj)])
      out.add(key('Secret', s.namespace, s.name));
  }
  return out;
}

interface Ref {
  kind: string;
  name: string;
  optional: boolean;
  index: number;
}

function refs(list: unknown): Ref[] {
  return (Array.isArray(list) ? list : []).flatMap((r, index) =>
    isJsonObject(r) && typeof r.kind === 'string' && typeof r.name === 'string'
      ? [{ kind: r.kind, name: r.name, optional: r.optional === true, index }]
      : [],
  );
}

/**
 * helm-controller fails a HelmRelease whose `valuesFrom` ConfigMap/Secret is missing, and
 * kustomize-controller fails a Kustomization whose `postBuild.substituteFrom` is missing, unless
 * the reference is `optional: true`. Secrets created in the cluster by an ExternalSecret,
 * SealedSecret, cert-manager Certificate or CloudNativePG Cluster rendered there count as present, as do SOPS Secrets.
 * Substitution sources of Kustomizations the render built are its business (`flux-substitute`).
 */
export const helmReleaseReferenceMissing: Rule = {
  id: ID,
  severity: 'error',
  description:
    'a HelmRelease valuesFrom or Kustomization substituteFrom names a ConfigMap/Secret the cluster does not have',
  check(ctx) {
    const found: { key: string; cluster: string; value: { message: string; note: string; where: Where } }[] =
      [];
    for (const model of ctx.models) {
      const present = presentObjects(ctx, model);
      const note = failedNote(model);
      for (const hr of model.helmReleases) {
        const from = renderedFrom(model, hr.obj);
        for (const r of refs(specOf(hr.obj).valuesFrom)) {
          if (r.optional || present.has(key(r.kind, hr.ref.namespace, r.name))) continue;
          const message = `HelmRelease ${refText(hr.ref)} takes values from ${r.kind} ${hr.ref.namespace}/${r.name}, which does not exist`;
          found.push({
            key: `${from.file ?? ''}:${from.line ?? ''}:${message}`,
            cluster: model.name,
            value: { message, note, where: fieldAt(ctx.tree, from, ['spec', 'valuesFrom', r.index]) },
          });
        }
      }
      for (const ks of model.kustomizations) {
        const postBuild = specOf(ks.spec).postBuild;
        for (const r of refs(isJsonObject(postBuild) ? postBuild.substituteFrom : undefined)) {
          if (r.optional || present.has(key(r.kind, ks.ref.namespace, r.name))) continue;
          if (renderReported(model, 'flux-substitute', ks.ref, `'${r.kind}/${r.name}'`)) continue;
          const message = `Kustomization ${refText(ks.ref)} substitutes from ${r.kind} ${ks.ref.namespace}/${r.name}, which does not exist`;
          const where = { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) };
          found.push({
            key: `${ks.file}:${ks.line ?? ''}:${message}`,
            cluster: model.name,
            value: {
              message,
              note,
              where: fieldAt(ctx.tree, where, ['spec', 'postBuild', 'substituteFrom', r.index]),
            },
          });
        }
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'error',
        `${value.message} on ${clustersText(clusters)}${clusters.length === 1 ? value.note : ''}`,
        value.where,
        'create the object in that namespace (or an ExternalSecret for it), fix the name, or mark the reference optional: true',
      ),
    );
  },
};
