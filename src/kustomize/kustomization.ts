import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { SELECTOR_KEYS, type Selector } from './selector.js';

/** The kustomization file as kustomize v5 reads it (after its FixKustomization step). */
export interface Kustomization {
  apiVersion: string;
  kind: 'Kustomization' | 'Component';
  namePrefix: string;
  nameSuffix: string;
  namespace: string;
  commonLabels: Record<string, string>;
  labels: LabelSpec[];
  commonAnnotations: Record<string, string>;
  patchesStrategicMerge: string[];
  patchesJson6902: PatchSpec[];
  patches: PatchSpec[];
  images: ImageSpec[];
  replacements: JsonValue[];
  replicas: ReplicaSpec[];
  vars: JsonValue[];
  sortOptions?: JsonObject;
  resources: string[];
  components: string[];
  crds: string[];
  configMapGenerator: JsonObject[];
  secretGenerator: JsonObject[];
  helmCharts: JsonValue[];
  generatorOptions?: JsonObject;
  configurations: string[];
  generators: string[];
  transformers: string[];
  validators: string[];
  buildMetadata: string[];
  openapi?: JsonObject;
}

export interface LabelSpec {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
  fields: JsonObject[];
}

/** A patch target, as `patches[].target` writes it. */
export type SelectorSpec = Selector;

export interface PatchSpec {
  path?: string;
  patch?: string;
  target?: SelectorSpec;
  options: Record<string, boolean>;
}

export interface ImageSpec {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

export interface ReplicaSpec {
  name: string;
  count: number;
}

/** Names kustomize recognises, in the order it looks for them. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

type FieldKind =
  | 'string'
  | 'strings'
  | 'stringMap'
  | 'object'
  | 'objects'
  | 'values'
  | 'labels'
  | 'patches'
  | 'images'
  | 'replicas';

/** Every field kustomize's Kustomization type accepts; anything else is an error, as in kustomize. */
const FIELDS: Record<string, FieldKind> = {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'object',
  openapi: 'object',
  namePrefix: 'string',
  nameSuffix: 'string',
  namespace: 'string',
  commonLabels: 'stringMap',
  labels: 'labels',
  commonAnnotations: 'stringMap',
  patchesStrategicMerge: 'strings',
  patchesJson6902: 'patches',
  patches: 'patches',
  images: 'images',
  imageTags: 'images',
  replacements: 'values',
  replicas: 'replicas',
  vars: 'values',
  sortOptions: 'object',
  resources: 'strings',
  components: 'strings',
  crds: 'strings',
  bases: 'strings',
  configMapGenerator: 'objects',
  secretGenerator: 'objects',
  helmGlobals: 'object',
  helmCharts: 'values',
  helmChartInflationGenerator: 'values',
  generatorOptions: 'object',
  configurations: 'strings',
  generators: 'strings',
  transformers: 'strings',
  validators: 'strings',
  inventory: 'object',
  buildMetadata: 'strings',
};

const BUILD_METADATA_OPTIONS = ['originAnnotations', 'transformerAnnotations', 'managedByLabel'];

function fail(file: string, message: string, hint?: string): never {
  throw new DiagnosticError({ rule: 'kustomization-invalid', file, message, hint });
}

/** kustomize decodes through JSON into Go strings: scalars that are not strings are type errors. */
function asString(v: JsonValue, file: string, where: string): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  fail(file, `${where}: expected a string, got ${JSON.stringify(v)}`, 'quote the value');
}

function asStrings(v: JsonValue, file: string, where: string): string[] {
  if (v === null) return [];
  if (!Array.isArray(v)) fail(file, `${where}: expected a list of strings`);
  return v.map((item, i) => asString(item, file, `${where}[${i}]`));
}

function asStringMap(v: JsonValue, file: string, where: string): Record<string, string> {
  if (v === null) return {};
  if (!isJsonObject(v)) fail(file, `${where}: expected a map of strings`);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) out[k] = asString(val, file, `${where}.${k}`);
  return out;
}

function asObject(v: JsonValue, file: string, where: string): JsonObject | undefined {
  if (v === null) return undefined;
  if (!isJsonObject(v)) fail(file, `${where}: expected a map`);
  return v;
}

function asObjects(v: JsonValue, file: string, where: string): JsonObject[] {
  if (v === null) return [];
  if (!Array.isArray(v)) fail(file, `${where}: expected a list`);
  return v.map((item, i) => asObject(item, file, `${where}[${i}]`) ?? {});
}

function asBool(v: JsonValue | undefined, file: string, where: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') fail(file, `${where}: expected true or false, got ${JSON.stringify(v)}`);
  return v;
}

function optString(o: JsonObject, key: string, file: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  const s = asString(v, file, `${where}.${key}`);
  return s === '' ? undefined : s;
}

function checkKeys(o: JsonObject, allowed: readonly string[], file: string, where: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k))
      fail(file, `${where}: unknown field "${k}"`, `allowed fields: ${allowed.join(', ')}`);
  }
}

function parseSelector(v: JsonValue | undefined, file: string, where: string): SelectorSpec | undefined {
  if (v === undefined || v === null) return undefined;
  const o = asObject(v, file, where) ?? {};
  const keys = SELECTOR_KEYS;
  checkKeys(o, keys, file, where);
  const sel: SelectorSpec = {};
  for (const k of keys) {
    const s = optString(o, k, file, where);
    if (s !== undefined) sel[k] = s;
  }
  return sel;
}

function parsePatches(v: JsonValue, file: string, where: string): PatchSpec[] {
  return asObjects(v, file, where).map((o, i) => {
    const at = `${where}[${i}]`;
    checkKeys(o, ['path', 'patch', 'target', 'options'], file, at);
    const options: Record<string, boolean> = {};
    const rawOptions = asObject(o.options ?? null, file, `${at}.options`) ?? {};
    for (const [k, val] of Object.entries(rawOptions)) options[k] = asBool(val, file, `${at}.options.${k}`);
    const spec: PatchSpec = { options };
    const path = optString(o, 'path', file, at);
    const patch = optString(o, 'patch', file, at);
    const target = parseSelector(o.target, file, `${at}.target`);
    if (path !== undefined) spec.path = path;
    if (patch !== undefined) spec.patch = patch;
    if (target !== undefined) spec.target = target;
    return spec;
  });
}

function parseImages(v: JsonValue, file: string, where: string): ImageSpec[] {
  return asObjects(v, file, where).map((o, i) => {
    const at = `${where}[${i}]`;
    checkKeys(o, ['name', 'newName', 'newTag', 'digest', 'tagSuffix'], file, at);
    const img: ImageSpec = { name: optString(o, 'name', file, at) ?? '' };
    for (const k of ['newName', 'newTag', 'digest', 'tagSuffix'] as const) {
      // newTag is often written unquoted (`newTag: 1.2`); Go's JSON decoding rejects that.
      const s = optString(o, k, file, at);
      if (s !== undefined) img[k] = s;
    }
    return img;
  });
}

function parseReplicas(v: JsonValue, file: string, where: string): ReplicaSpec[] {
  return asObjects(v, file, where).map((o, i) => {
    const at = `${where}[${i}]`;
    checkKeys(o, ['name', 'count'], file, at);
    const count = o.count ?? 0;
    if (typeof count !== 'number' || !Number.isInteger(count)) fail(file, `${at}.count: expected an integer`);
    return { name: optString(o, 'name', file, at) ?? '', count };
  });
}

function parseLabels(v: JsonValue, file: string, where: string): LabelSpec[] {
  return asObjects(v, file, where).map((o, i) => {
    const at = `${where}[${i}]`;
    checkKeys(o, ['pairs', 'includeSelectors', 'includeTemplates', 'fields'], file, at);
    return {
      pairs: asStringMap(o.pairs ?? null, file, `${at}.pairs`),
      includeSelectors: asBool(o.includeSelectors, file, `${at}.includeSelectors`),
      includeTemplates: asBool(o.includeTemplates, file, `${at}.includeTemplates`),
      fields: asObjects(o.fields ?? null, file, `${at}.fields`),
    };
  });
}

/**
 * Validates and normalises a parsed kustomization file the way kustomize's Unmarshal
 * (unknown fields rejected), FixKustomization and EnforceFields do.
 */
export function parseKustomization(value: JsonValue, file: string): Kustomization {
  if (value === null) value = {};
  if (!isJsonObject(value)) fail(file, 'a kustomization file must be a YAML map');
  for (const key of Object.keys(value)) {
    if (!(key in FIELDS)) {
      fail(
        file,
        `unknown field "${key}" in kustomization file`,
        'check the spelling; kustomize rejects unknown fields (Flux silently drops them)',
      );
    }
  }
  const v = (key: string): JsonValue => value[key] ?? null;
  const kindRaw = asString(v('kind'), file, 'kind');
  const kind = kindRaw === '' ? 'Kustomization' : kindRaw;
  if (kind !== 'Kustomization' && kind !== 'Component')
    fail(file, 'kind should be Kustomization or Component');
  const requiredVersion =
    kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  const apiVersion = asString(v('apiVersion'), file, 'apiVersion') || requiredVersion;
  if (apiVersion !== requiredVersion) fail(file, `apiVersion for ${kind} should be ${requiredVersion}`);

  const buildMetadata = asStrings(v('buildMetadata'), file, 'buildMetadata');
  for (const opt of buildMetadata) {
    if (!BUILD_METADATA_OPTIONS.includes(opt)) {
      fail(file, `invalid buildMetadata option: ${opt}`, `use one of ${BUILD_METADATA_OPTIONS.join(', ')}`);
    }
  }

  const configMapGenerator = asObjects(v('configMapGenerator'), file, 'configMapGenerator');
  const secretGenerator = asObjects(v('secretGenerator'), file, 'secretGenerator');

  const k: Kustomization = {
    apiVersion,
    kind,
    namePrefix: asString(v('namePrefix'), file, 'namePrefix'),
    nameSuffix: asString(v('nameSuffix'), file, 'nameSuffix'),
    namespace: asString(v('namespace'), file, 'namespace'),
    commonLabels: asStringMap(v('commonLabels'), file, 'commonLabels'),
    labels: parseLabels(v('labels'), file, 'labels'),
    commonAnnotations: asStringMap(v('commonAnnotations'), file, 'commonAnnotations'),
    patchesStrategicMerge: asStrings(v('patchesStrategicMerge'), file, 'patchesStrategicMerge'),
    patchesJson6902: parsePatches(v('patchesJson6902'), file, 'patchesJson6902'),
    patches: parsePatches(v('patches'), file, 'patches'),
    // FixKustomization: deprecated imageTags are appended to images, bases to resources.
    images: [...parseImages(v('images'), file, 'images'), ...parseImages(v('imageTags'), file, 'imageTags')],
    replacements: Array.isArray(v('replacements')) ? (v('replacements') as JsonValue[]) : [],
    replicas: parseReplicas(v('replicas'), file, 'replicas'),
    vars: Array.isArray(v('vars')) ? (v('vars') as JsonValue[]) : [],
    resources: [...asStrings(v('resources'), file, 'resources'), ...asStrings(v('bases'), file, 'bases')],
    components: asStrings(v('components'), file, 'components'),
    crds: asStrings(v('crds'), file, 'crds'),
    configMapGenerator,
    secretGenerator,
    helmCharts: [
      ...(Array.isArray(v('helmCharts')) ? (v('helmCharts') as JsonValue[]) : []),
      ...(Array.isArray(v('helmChartInflationGenerator'))
        ? (v('helmChartInflationGenerator') as JsonValue[])
        : []),
    ],
    configurations: asStrings(v('configurations'), file, 'configurations'),
    generators: asStrings(v('generators'), file, 'generators'),
    transformers: asStrings(v('transformers'), file, 'transformers'),
    validators: asStrings(v('validators'), file, 'validators'),
    buildMetadata,
  };
  const sortOptions = asObject(v('sortOptions'), file, 'sortOptions');
  if (sortOptions) k.sortOptions = sortOptions;
  const generatorOptions = asObject(v('generatorOptions'), file, 'generatorOptions');
  if (generatorOptions) k.generatorOptions = generatorOptions;
  const openapi = asObject(v('openapi'), file, 'openapi');
  if (openapi) k.openapi = openapi;
  if (v('replacements') !== null && !Array.isArray(v('replacements')))
    fail(file, 'replacements: expected a list');
  if (v('vars') !== null && !Array.isArray(v('vars'))) fail(file, 'vars: expected a list');
  return k;
}

/**
 * kustomize's CheckEmpty: a kustomization with nothing but apiVersion/kind is an error
 * ("kustomization.yaml is empty"), which Flux works around with buildMetadata.
 * An explicitly written empty list still counts as content, as in Go.
 */
export function isEmptyKustomization(raw: JsonValue): boolean {
  if (!isJsonObject(raw)) return true;
  return Object.entries(raw).every(
    ([k, val]) => k === 'apiVersion' || k === 'kind' || val === null || (k !== 'metadata' && val === ''),
  );
}
