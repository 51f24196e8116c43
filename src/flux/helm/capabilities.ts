/**
 * `.Capabilities.APIVersions` as a cluster's discovery would answer helm-controller: helm's
 * built-in list plus, for every CustomResourceDefinition the cluster holds, each served version
 * as `group/version` and `group/version/Kind`.
 */
import { isJsonObject, type JsonObject } from '../../core/json.js';

export function crdApiVersions(crd: JsonObject): string[] {
  if (crd.kind !== 'CustomResourceDefinition') return [];
  const spec = isJsonObject(crd.spec) ? crd.spec : {};
  const group = typeof spec.group === 'string' ? spec.group : '';
  const names = isJsonObject(spec.names) ? spec.names : {};
  const kind = typeof names.kind === 'string' ? names.kind : '';
  if (group === '') return [];
  const versions = Array.isArray(spec.versions)
    ? spec.versions.filter(isJsonObject).filter((v) => v.served !== false)
    : [];
  // apiextensions v1beta1 CRDs could name one version at the top.
  const served =
    versions.length > 0 ? versions.map((v) => String(v.name ?? '')) : [String(spec.version ?? '')];
  return served
    .filter((v) => v !== '')
    .flatMap((v) => [`${group}/${v}`, ...(kind ? [`${group}/${v}/${kind}`] : [])]);
}

/** Adds the API versions of the CRDs among `objects` to `into` (a set keeps first-seen order). */
export function addCrdApiVersions(into: Set<string>, objects: Iterable<JsonObject>): void {
  for (const o of objects) for (const v of crdApiVersions(o)) into.add(v);
}
