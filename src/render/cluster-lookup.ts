/**
 * What a rendered cluster holds, for the HelmRelease stage: its ConfigMaps and Secrets (with
 * placeholders for what exists only inside the cluster, as substitution sees them), its source
 * objects, and its CustomResourceDefinitions.
 */
import type { JsonObject } from '../core/json.js';
import { externalSecretTarget, inClusterObject } from '../flux/in-cluster-values.js';
import { objectRef } from './ks-view.js';
import type { ClusterModel, RenderedObject } from './model.js';

export interface ClusterIndex {
  lookup(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): JsonObject | undefined;
  source(kind: string, namespace: string, name: string): JsonObject | undefined;
  crds: JsonObject[];
}

const key = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

export function indexCluster(model: ClusterModel, extra: readonly RenderedObject[] = []): ClusterIndex {
  const objects = new Map<string, RenderedObject>();
  const external = new Map<string, JsonObject>();
  const sources = new Map<string, JsonObject>();
  const crds: JsonObject[] = [];
  const all = [...extra, ...model.kustomizations.flatMap((k) => k.objects)];
  for (const o of all) {
    const kind = String(o.obj.kind ?? '');
    const r = objectRef(o.obj);
    if (kind === 'ConfigMap' || kind === 'Secret') objects.set(key(kind, r.namespace, r.name), o);
    else if (kind === 'ExternalSecret' && String(o.obj.apiVersion ?? '').startsWith('external-secrets.io/')) {
      const t = externalSecretTarget(o.obj);
      external.set(key('Secret', t.namespace, t.name), o.obj);
    } else if (kind === 'CustomResourceDefinition') crds.push(o.obj);
    if (String(o.obj.apiVersion ?? '').startsWith('source.toolkit.fluxcd.io/')) {
      sources.set(key(kind, r.namespace, r.name), o.obj);
    }
  }
  return {
    lookup(kind, namespace, name) {
      return inClusterObject(
        objects.get(key(kind, namespace, name)),
        external.get(key(kind, namespace, name)),
        namespace,
        name,
      );
    },
    source: (kind, namespace, name) => sources.get(key(kind, namespace, name)),
    crds,
  };
}
