import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { ResourceId } from '../core/resource-id.js';
import { goJson } from './hash.js';
import {
  ANN_GEN_BEHAVIOR,
  ANN_NEEDS_HASH,
  ANN_ORIGIN,
  BUILD_ANNOTATIONS,
  curId,
  getAnnotation,
  getName,
  getNamespace,
  getStringMap,
  idEquals,
  metadataOf,
  prevIds,
  resIdString,
  setAnnotation,
  setName,
  setNamespace,
  type KResource,
} from './resource.js';
import { isClusterScoped } from './scope.js';

/**
 * How kustomize adds a generated ConfigMap or Secret to the resources accumulated so far
 * (resmap AbsorbAll / appendReplaceOrMerge). The generated resource is matched against every
 * id an accumulated resource has had (its original name and namespace as well as the current
 * ones), so an overlay's `behavior: merge` generator named `foo` finds a base's `foo` even
 * after the base added a prefix or a namespace.
 */

export type GenerationBehavior = 'create' | 'merge' | 'replace' | 'unspecified';

/** kustomize's NewGenerationBehavior: anything but create/merge/replace is unspecified (treated as create). */
export function generationBehavior(s: string | undefined): GenerationBehavior {
  return s === 'create' || s === 'merge' || s === 'replace' ? s : 'unspecified';
}

function fail(message: string, file: string | undefined): never {
  throw new DiagnosticError({ rule: 'kustomize-generator', message, file });
}

/** Go's `%#v` of a kustomize ResId, as its error messages print it. */
function goResIdRepr(id: ResourceId): string {
  const q = (s: string): string => JSON.stringify(s);
  const gvk = `resid.Gvk{Group:${q(id.group)}, Version:${q(id.version)}, Kind:${q(id.kind)}, isClusterScoped:${isClusterScoped(id)}}`;
  return `resid.ResId{Gvk:${gvk}, Name:${q(id.name)}, Namespace:${q(id.namespace)}}`;
}

function sortedEntries(m: Record<string, string>): JsonObject {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Sets metadata.labels/annotations; an empty map removes the field, as kyaml does. */
function setMetadataMap(obj: JsonObject, field: 'labels' | 'annotations', m: Record<string, string>): void {
  const meta = metadataOf(obj);
  if (Object.keys(m).length > 0) {
    if (meta) meta[field] = sortedEntries(m);
    else obj.metadata = { [field]: sortedEntries(m) };
  } else if (meta) delete meta[field];
}

/** kyaml's GetDataMap: scalar values as text, anything else ''. */
function stringMapAt(obj: JsonObject, field: string): Record<string, string> {
  const m = obj[field];
  const out: Record<string, string> = {};
  if (!isJsonObject(m)) return out;
  for (const [k, v] of Object.entries(m)) out[k] = scalarText(v as JsonValue);
  return out;
}

function scalarText(v: JsonValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Sets a data map; an empty one removes the field. */
function setStringMapAt(obj: JsonObject, field: string, m: Record<string, string>): void {
  if (Object.keys(m).length > 0) obj[field] = sortedEntries(m);
  else delete obj[field];
}

/**
 * kustomize's CopyMergeMetaDataFieldsFrom: labels and annotations merged (the generated
 * resource's win), but build annotations only from the old one, and the hash marker kept
 * only when both have it; name and namespace become the old resource's.
 */
function copyMergeMetaData(gen: JsonObject, old: JsonObject): void {
  setMetadataMap(gen, 'labels', { ...getStringMap(old, 'labels'), ...getStringMap(gen, 'labels') });
  const genAnn = getStringMap(gen, 'annotations');
  const oldAnn = getStringMap(old, 'annotations');
  const merged: Record<string, string> = { ...oldAnn, ...genAnn };
  for (const key of BUILD_ANNOTATIONS) {
    if (Object.hasOwn(oldAnn, key)) merged[key] = oldAnn[key] as string;
    else delete merged[key];
  }
  if (!Object.hasOwn(genAnn, ANN_NEEDS_HASH)) delete merged[ANN_NEEDS_HASH];
  setMetadataMap(gen, 'annotations', merged);
  setName(gen, getName(old));
  setNamespace(gen, getNamespace(old));
}

function mergeDataMaps(gen: JsonObject, old: JsonObject): void {
  for (const field of ['data', 'binaryData']) {
    setStringMapAt(gen, field, { ...stringMapAt(old, field), ...stringMapAt(gen, field) });
  }
}

function matchesAnyId(r: KResource, id: ResourceId): boolean {
  return [...prevIds(r.obj), curId(r.obj)].some((x) => idEquals(x, id));
}

/**
 * `resources` with `generated` added per its generatorBehavior annotation (the input list is
 * not changed; the merged-into resources are):
 * create/unspecified appends and fails when the id is taken; merge and replace take the
 * matched resource's place, name and namespace (merge also keeps its data entries that the
 * generator does not set, and its origin annotation).
 */
export function mergeGenerated(
  resources: readonly KResource[],
  generated: KResource,
  file?: string,
): KResource[] {
  const gen = generated.obj;
  const id = curId(gen);
  const behavior = generationBehavior(getAnnotation(gen, ANN_GEN_BEHAVIOR));
  const matches = resources.filter((r) => matchesAnyId(r, id));
  if (matches.length === 0) {
    if (behavior === 'merge' || behavior === 'replace') {
      fail(`id ${goResIdRepr(id)} does not exist; cannot merge or replace`, file);
    }
    return [...resources, generated];
  }
  if (matches.length > 1) {
    const objs = matches.map((m) => goJson(m.obj)).join(' ');
    fail(`found multiple objects [${objs}] that could accept merge of ${resIdString(id)}`, file);
  }
  const old = matches[0] as KResource;
  const index = resources.indexOf(old);
  if (behavior === 'replace') {
    copyMergeMetaData(gen, old.obj);
  } else if (behavior === 'merge') {
    const origin = getAnnotation(old.obj, ANN_ORIGIN);
    copyMergeMetaData(gen, old.obj);
    mergeDataMaps(gen, old.obj);
    if (origin !== undefined) setAnnotation(gen, ANN_ORIGIN, origin);
  } else {
    fail(`id ${goResIdRepr(id)} exists; behavior must be merge or replace`, file);
  }
  return resources.map((r, i) => (i === index ? generated : r));
}
