import { isJsonObject, type JsonObject } from '../core/json.js';
import { gvkOf, type ResourceId } from '../core/resource-id.js';
import { isClusterScoped } from './scope.js';

/**
 * A resource inside a kustomize build. Like kustomize, the build state (previous names,
 * prefixes, generator behavior, hash marker, refBy) lives in `internal.config.kubernetes.io/*`
 * annotations on the object itself and is stripped before output: keeping it in the same
 * place makes merges and patches carry it exactly as kustomize does.
 */
export interface KResource {
  obj: JsonObject;
  /** Repository-relative file the resource was loaded from ('' for generated ones). */
  file: string;
  /** 1-based line of the document in `file`, when known. */
  line?: number;
}

const DOMAIN = 'internal.config.kubernetes.io';
export const ANN_PREVIOUS_KINDS = `${DOMAIN}/previousKinds`;
export const ANN_PREVIOUS_NAMES = `${DOMAIN}/previousNames`;
export const ANN_PREVIOUS_NAMESPACES = `${DOMAIN}/previousNamespaces`;
export const ANN_PREFIXES = `${DOMAIN}/prefixes`;
export const ANN_SUFFIXES = `${DOMAIN}/suffixes`;
export const ANN_REF_BY = `${DOMAIN}/refBy`;
export const ANN_GEN_BEHAVIOR = `${DOMAIN}/generatorBehavior`;
export const ANN_NEEDS_HASH = `${DOMAIN}/needsHashSuffix`;
export const ANN_ALLOW_NAME_CHANGE = `${DOMAIN}/allowNameChange`;
export const ANN_ALLOW_KIND_CHANGE = `${DOMAIN}/allowKindChange`;
export const ANN_ORIGIN = 'config.kubernetes.io/origin';
export const ANN_TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

/** Annotations kustomize removes before printing (besides origin/transformations, which buildMetadata keeps). */
export const BUILD_ANNOTATIONS: readonly string[] = [
  ANN_PREVIOUS_KINDS,
  ANN_PREVIOUS_NAMES,
  ANN_PREFIXES,
  ANN_SUFFIXES,
  ANN_PREVIOUS_NAMESPACES,
  ANN_ALLOW_NAME_CHANGE,
  ANN_ALLOW_KIND_CHANGE,
  ANN_REF_BY,
  ANN_GEN_BEHAVIOR,
  ANN_NEEDS_HASH,
  'config.kubernetes.io/path',
  'config.kubernetes.io/index',
  'config.kubernetes.io/id',
  'internal.config.kubernetes.io/path',
  'internal.config.kubernetes.io/index',
  'internal.config.kubernetes.io/id',
  'internal.config.kubernetes.io/seqindent',
  'internal.config.kubernetes.io/annotations-migration-resource-id',
  'kustomize.config.k8s.io/id',
  'config.k8s.io/id',
];

export const TOTALLY_NOT_A_NAMESPACE = '_non_namespaceable_';

export function metadataOf(obj: JsonObject): JsonObject | undefined {
  return isJsonObject(obj.metadata) ? obj.metadata : undefined;
}

function ensureMetadata(obj: JsonObject): JsonObject {
  if (!isJsonObject(obj.metadata)) obj.metadata = {};
  return obj.metadata as JsonObject;
}

export function getName(obj: JsonObject): string {
  const n = metadataOf(obj)?.name;
  return typeof n === 'string' ? n : '';
}

export function getNamespace(obj: JsonObject): string {
  const n = metadataOf(obj)?.namespace;
  return typeof n === 'string' ? n : '';
}

export function getKind(obj: JsonObject): string {
  return typeof obj.kind === 'string' ? obj.kind : '';
}

export function setName(obj: JsonObject, name: string): void {
  ensureMetadata(obj).name = name;
}

/** Sets the namespace; '' removes the field, as kyaml does. */
export function setNamespace(obj: JsonObject, ns: string): void {
  const meta = ensureMetadata(obj);
  if (ns === '') delete meta.namespace;
  else meta.namespace = ns;
}

/** String-valued map at metadata.labels / metadata.annotations (non-string values are stringified). */
export function getStringMap(obj: JsonObject, field: 'labels' | 'annotations'): Record<string, string> {
  const m = metadataOf(obj)?.[field];
  const out: Record<string, string> = {};
  if (!isJsonObject(m)) return out;
  for (const [k, v] of Object.entries(m)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

export function getAnnotation(obj: JsonObject, key: string): string | undefined {
  const m = metadataOf(obj)?.annotations;
  if (!isJsonObject(m)) return undefined;
  const v = m[key];
  return v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
}

export function setAnnotation(obj: JsonObject, key: string, value: string): void {
  const meta = ensureMetadata(obj);
  if (!isJsonObject(meta.annotations)) meta.annotations = {};
  (meta.annotations as JsonObject)[key] = value;
}

/** Removes an annotation; drops the annotations map when it becomes empty (kyaml ClearAnnotation does). */
export function removeAnnotation(obj: JsonObject, key: string): void {
  const meta = metadataOf(obj);
  if (!meta || !isJsonObject(meta.annotations)) return;
  delete meta.annotations[key];
  if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
}

function csvAnnotation(obj: JsonObject, key: string): string[] {
  const v = getAnnotation(obj, key);
  return v === undefined ? [] : v.split(',');
}

function appendCsvAnnotation(obj: JsonObject, key: string, value: string): void {
  if (value === '') return;
  setAnnotation(obj, key, [...csvAnnotation(obj, key), value].join(','));
}

export function getNamePrefixes(obj: JsonObject): string[] {
  return csvAnnotation(obj, ANN_PREFIXES);
}

export function getNameSuffixes(obj: JsonObject): string[] {
  return csvAnnotation(obj, ANN_SUFFIXES);
}

export function addNamePrefix(obj: JsonObject, prefix: string): void {
  appendCsvAnnotation(obj, ANN_PREFIXES, prefix);
}

export function addNameSuffix(obj: JsonObject, suffix: string): void {
  appendCsvAnnotation(obj, ANN_SUFFIXES, suffix);
}

/** The id as it stands now. */
export function curId(obj: JsonObject): ResourceId {
  return { ...gvkOf(obj), namespace: getNamespace(obj), name: getName(obj) };
}

/** kustomize's EffectiveNamespace: cluster-scoped kinds have none, '' means `default`. */
export function effectiveNamespace(id: ResourceId): string {
  if (isClusterScoped(id)) return TOTALLY_NOT_A_NAMESPACE;
  return id.namespace === '' ? 'default' : id.namespace;
}

/** Records the current id before a rename (namespace, prefix/suffix, hash, patch). */
export function storePreviousId(obj: JsonObject): void {
  const id = curId(obj);
  appendCsvAnnotation(obj, ANN_PREVIOUS_NAMES, id.name);
  appendCsvAnnotation(obj, ANN_PREVIOUS_NAMESPACES, effectiveNamespace(id));
  appendCsvAnnotation(obj, ANN_PREVIOUS_KINDS, id.kind);
}

/** Every id the resource had before its current one, oldest first. */
export function prevIds(obj: JsonObject): ResourceId[] {
  const names = csvAnnotation(obj, ANN_PREVIOUS_NAMES);
  const namespaces = csvAnnotation(obj, ANN_PREVIOUS_NAMESPACES);
  const kinds = csvAnnotation(obj, ANN_PREVIOUS_KINDS);
  const gvk = gvkOf(obj);
  return names.map((name, i) => ({
    group: gvk.group,
    version: gvk.version,
    kind: kinds[i] ?? gvk.kind,
    name,
    // Stored as the effective namespace; the cluster-scoped marker reads back as none.
    namespace: namespaces[i] === TOTALLY_NOT_A_NAMESPACE ? '' : (namespaces[i] ?? ''),
  }));
}

/** The id the resource had when it entered the build. */
export function orgId(obj: JsonObject): ResourceId {
  return prevIds(obj)[0] ?? curId(obj);
}

/** kustomize's ResId.String(): `kind.version.group/name.namespace` with [noX] placeholders. */
export function resIdString(id: ResourceId): string {
  const gvk = `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}`;
  return `${gvk}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

/** Same effective namespace and group/version/kind/name. */
export function idEquals(a: ResourceId, b: ResourceId): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.group === b.group &&
    a.version === b.version &&
    effectiveNamespace(a) === effectiveNamespace(b)
  );
}
