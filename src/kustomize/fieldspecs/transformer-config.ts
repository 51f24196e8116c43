import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonValue } from '../../core/json.js';
import { DEFAULT_COMMON_ANNOTATIONS } from './default-common-annotations.js';
import { DEFAULT_COMMON_LABELS, DEFAULT_TEMPLATE_LABELS } from './default-common-labels.js';
import { DEFAULT_IMAGES } from './default-images.js';
import { DEFAULT_NAME_PREFIX, DEFAULT_NAME_SUFFIX } from './default-name-prefix-suffix.js';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.js';
import { DEFAULT_NAMESPACE } from './default-namespace.js';
import { DEFAULT_REPLICAS } from './default-replicas.js';
import { DEFAULT_VAR_REFERENCE } from './default-var-reference.js';

/** Group/version/kind selector; an absent or empty part matches anything. */
export interface GvkSelector {
  group?: string;
  version?: string;
  kind?: string;
}

/** kustomize's FieldSpec: which objects (by GVK) and which field path a transformer touches. */
export interface FieldSpec extends GvkSelector {
  path: string;
  /** Create the field (and missing parents) when absent. */
  create?: boolean;
}

/** One nameReference entry: objects of this GVK are referred to by name from `fieldSpecs`. */
export interface NameBackReference extends GvkSelector {
  fieldSpecs: readonly FieldSpec[];
}

/** kustomize's TransformerConfig: the field spec tables the builtin transformers use. */
export interface TransformerConfig {
  namePrefix: readonly FieldSpec[];
  nameSuffix: readonly FieldSpec[];
  namespace: readonly FieldSpec[];
  commonLabels: readonly FieldSpec[];
  labels: readonly FieldSpec[];
  templateLabels: readonly FieldSpec[];
  commonAnnotations: readonly FieldSpec[];
  nameReference: readonly NameBackReference[];
  varReference: readonly FieldSpec[];
  images: readonly FieldSpec[];
  replicas: readonly FieldSpec[];
}

type FsTable = Exclude<keyof TransformerConfig, 'nameReference'>;

const FS_TABLES: readonly FsTable[] = [
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'templateLabels',
  'commonAnnotations',
  'varReference',
  'images',
  'replicas',
];

export function emptyTransformerConfig(): TransformerConfig {
  return {
    namePrefix: [],
    nameSuffix: [],
    namespace: [],
    commonLabels: [],
    labels: [],
    templateLabels: [],
    commonAnnotations: [],
    nameReference: [],
    varReference: [],
    images: [],
    replicas: [],
  };
}

const DEFAULT_CONFIG: TransformerConfig = Object.freeze({
  namePrefix: DEFAULT_NAME_PREFIX,
  nameSuffix: DEFAULT_NAME_SUFFIX,
  namespace: DEFAULT_NAMESPACE,
  commonLabels: DEFAULT_COMMON_LABELS,
  labels: [],
  templateLabels: DEFAULT_TEMPLATE_LABELS,
  commonAnnotations: DEFAULT_COMMON_ANNOTATIONS,
  nameReference: DEFAULT_NAME_REFERENCE,
  varReference: DEFAULT_VAR_REFERENCE,
  images: DEFAULT_IMAGES,
  replicas: DEFAULT_REPLICAS,
});

/** kustomize v5.5's built-in tables. Shared and read-only: merging always builds new arrays. */
export function defaultTransformerConfig(): TransformerConfig {
  return DEFAULT_CONFIG;
}

/** Gvk.IsSelected: every non-empty part of the selector must equal the id's. */
export function gvkSelected(
  gvk: { group: string; version: string; kind: string },
  selector: GvkSelector,
): boolean {
  if (selector.group && gvk.group !== selector.group) return false;
  if (selector.version && gvk.version !== selector.version) return false;
  if (selector.kind && gvk.kind !== selector.kind) return false;
  return true;
}

function asGvk(s: GvkSelector): { group: string; version: string; kind: string } {
  return { group: s.group ?? '', version: s.version ?? '', kind: s.kind ?? '' };
}

function sameGvk(a: GvkSelector, b: GvkSelector): boolean {
  return (
    (a.group ?? '') === (b.group ?? '') &&
    (a.version ?? '') === (b.version ?? '') &&
    (a.kind ?? '') === (b.kind ?? '')
  );
}

export class FieldSpecConflictError extends Error {}

/**
 * FsSlice.MergeOne: an entry whose GVK selects the incoming one with the same path counts as
 * already present (differing `create` is a conflict); otherwise the incoming spec is appended.
 */
export function mergeFieldSpec(list: readonly FieldSpec[], incoming: FieldSpec): readonly FieldSpec[] {
  for (const existing of list) {
    if (existing.path === incoming.path && gvkSelected(asGvk(existing), incoming)) {
      if (Boolean(existing.create) !== Boolean(incoming.create)) {
        throw new FieldSpecConflictError(`conflicting fieldspecs for path '${incoming.path}'`);
      }
      return list;
    }
  }
  return [...list, incoming];
}

export function mergeFieldSpecs(
  list: readonly FieldSpec[],
  incoming: readonly FieldSpec[],
): readonly FieldSpec[] {
  let result = list;
  for (const fs of incoming) result = mergeFieldSpec(result, fs);
  return result;
}

function mergeNameReferences(
  list: readonly NameBackReference[],
  incoming: readonly NameBackReference[],
): readonly NameBackReference[] {
  let result = list;
  for (const other of incoming) {
    let found = false;
    result = result.map((c) => {
      if (!sameGvk(c, other)) return c;
      found = true;
      return { ...c, fieldSpecs: mergeFieldSpecs(c.fieldSpecs, other.fieldSpecs) };
    });
    if (!found) result = [...result, other];
  }
  return result;
}

/**
 * TransformerConfig.Merge. kustomize also sorts each table by GVK afterwards; the order of
 * field specs never changes a transformer's result, so it is kept as merged.
 */
export function mergeTransformerConfigs(
  base: TransformerConfig,
  incoming: TransformerConfig,
  where?: { file: string; line?: number },
): TransformerConfig {
  try {
    const merged = { ...base };
    for (const table of FS_TABLES) merged[table] = mergeFieldSpecs(base[table], incoming[table]);
    merged.nameReference = mergeNameReferences(base.nameReference, incoming.nameReference);
    return merged;
  } catch (e) {
    if (!(e instanceof FieldSpecConflictError)) throw e;
    throw new DiagnosticError({
      rule: 'kustomize-configurations',
      message: `merging transformer configurations: ${e.message}`,
      ...(where ?? {}),
    });
  }
}

/** Alias kept for callers that merge one config at a time. */
export const mergeTransformerConfig = mergeTransformerConfigs;

function configError(file: string, message: string, line?: number): DiagnosticError {
  return new DiagnosticError({ rule: 'kustomize-configurations', message, file, line });
}

function stringField(v: JsonValue | undefined, what: string, file: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw configError(file, `${what} must be a string`);
  return v;
}

function parseGvk(obj: { [k: string]: JsonValue }, file: string): GvkSelector {
  const out: GvkSelector = {};
  const group = stringField(obj.group, 'group', file);
  const version = stringField(obj.version, 'version', file);
  const kind = stringField(obj.kind, 'kind', file);
  if (group) out.group = group;
  if (version) out.version = version;
  if (kind) out.kind = kind;
  return out;
}

/** Parses a list of field specs as written in a kustomization, a `configurations:` file or a plugin config. */
export function parseFieldSpecs(
  value: JsonValue | undefined,
  file: string,
  what = 'fieldSpecs',
): FieldSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw configError(file, `${what} must be a list of field specs`);
  return value.map((item) => {
    if (!isJsonObject(item)) throw configError(file, `${what}: each field spec must be a mapping`);
    const fs: FieldSpec = { ...parseGvk(item, file), path: stringField(item.path, 'path', file) ?? '' };
    if (item.create !== undefined && item.create !== null) {
      if (typeof item.create !== 'boolean') throw configError(file, `${what}: create must be true or false`);
      if (item.create) fs.create = true;
    }
    return fs;
  });
}

/** Parses one `configurations:` file (already YAML-decoded); unknown keys are ignored, as kustomize does. */
export function parseTransformerConfig(value: JsonValue, file: string): TransformerConfig {
  const config = emptyTransformerConfig();
  if (value === null) return config;
  if (!isJsonObject(value)) throw configError(file, 'a transformer configuration must be a mapping');
  for (const table of FS_TABLES) config[table] = parseFieldSpecs(value[table], file, table);
  const refs = value.nameReference;
  if (refs !== undefined && refs !== null) {
    if (!Array.isArray(refs)) throw configError(file, 'nameReference must be a list');
    config.nameReference = refs.map((item) => {
      if (!isJsonObject(item)) throw configError(file, 'nameReference: each entry must be a mapping');
      return {
        ...parseGvk(item, file),
        fieldSpecs: parseFieldSpecs(item.fieldSpecs, file, 'nameReference fieldSpecs'),
      };
    });
  }
  return config;
}

/**
 * MakeTransformerConfig for one kustomization level: its `configurations:` files merged in
 * order, then the defaults merged into that. The order matters: an entry already present wins,
 * and a kind-specific spec selects a kind-less one with the same path, so a user's
 * `{kind: ConfigMap, path: metadata/name}` replaces the default `{path: metadata/name}`.
 * Across levels, start from emptyTransformerConfig(), merge each child's result, then this
 * level's: a base's custom specs then hold for every level above it, as in kustomize.
 */
export function makeTransformerConfig(
  configurations: readonly { value: JsonValue; file: string }[],
): TransformerConfig {
  let config = emptyTransformerConfig();
  for (const c of configurations) {
    config = mergeTransformerConfigs(config, parseTransformerConfig(c.value, c.file), { file: c.file });
  }
  if (configurations.length === 0) return defaultTransformerConfig();
  const where = configurations[0]!;
  return mergeTransformerConfigs(config, defaultTransformerConfig(), { file: where.file });
}
