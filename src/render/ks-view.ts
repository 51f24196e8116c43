import { isJsonObject, type JsonObject } from '../core/json.js';
import type { ObjectRef } from './model.js';

/**
 * The few fields of a rendered Flux Kustomization the reconciliation loop needs before its
 * model is parsed (ordering and bookkeeping must work even for invalid objects).
 */
export interface KustomizationView {
  ref: ObjectRef;
  dependsOn: ObjectRef[];
  sourceKind: string;
  sourceRef: ObjectRef;
  suspended: boolean;
  /** postBuild.substituteFrom, to defer a Kustomization until its variables exist. */
  substituteFrom: { kind: 'ConfigMap' | 'Secret'; name: string; optional: boolean }[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function isFluxKustomizationObject(obj: JsonObject): boolean {
  return obj.kind === 'Kustomization' && str(obj.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/');
}

export function objectRef(obj: JsonObject, defaultNamespace = ''): ObjectRef {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  return { namespace: str(meta.namespace) || defaultNamespace, name: str(meta.name) };
}

export function viewKustomization(obj: JsonObject): KustomizationView {
  const ref = objectRef(obj);
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  const sourceRef = isJsonObject(spec.sourceRef) ? spec.sourceRef : {};
  const dependsOn = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
  return {
    ref,
    dependsOn: dependsOn.filter(isJsonObject).map((d) => ({
      namespace: str(d.namespace) || ref.namespace,
      name: str(d.name),
    })),
    sourceKind: str(sourceRef.kind),
    sourceRef: { namespace: str(sourceRef.namespace) || ref.namespace, name: str(sourceRef.name) },
    suspended: spec.suspend === true,
    substituteFrom: (isJsonObject(spec.postBuild) && Array.isArray(spec.postBuild.substituteFrom)
      ? spec.postBuild.substituteFrom
      : []
    )
      .filter(isJsonObject)
      .filter((r) => r.kind === 'ConfigMap' || r.kind === 'Secret')
      .map((r) => ({
        kind: r.kind as 'ConfigMap' | 'Secret',
        name: str(r.name),
        optional: r.optional === true,
      })),
  };
}
