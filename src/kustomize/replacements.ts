import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { ResourceId } from '../core/resource-id.js';
import {
  FieldPathError,
  lookupField,
  matchFields,
  nodeKind,
  scalarTag,
  scalarText,
  setSlot,
  slotValue,
  splitFieldPath,
  typedScalar,
  type FieldSlot,
  type NodeKind,
  type ScalarTag,
} from './fieldpath.js';
import { resIdString, type KResource } from './resource.js';
import {
  hasIdFields,
  idSelectedBy,
  matchesLabelsAndAnnotations,
  parseSelector,
  resIdsOf,
  type Selector,
} from './selector.js';

/** kustomize `replacements:` (the ReplacementTransformer), on the build's resources. */

export interface FieldOptions {
  delimiter?: string;
  index?: number;
  create?: boolean;
  encoding?: string;
}

export interface SourceSpec {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  fieldPath?: string;
  options?: FieldOptions;
}

export interface TargetSpec {
  select: Selector;
  reject?: Selector[];
  fieldPaths?: string[];
  options?: FieldOptions;
}

export interface ReplacementSpec {
  source: SourceSpec;
  targets: TargetSpec[];
  /** File the replacement was read from, for diagnostics. */
  file?: string;
}

const DEFAULT_FIELD_PATH = 'metadata.name';

// ---------------------------------------------------------------------------------------------
// Loading.

function invalid(file: string, message: string): never {
  throw new DiagnosticError({ rule: 'replacement-invalid', file, message });
}

function optString(o: JsonObject, key: string, file: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') invalid(file, `${where}.${key} must be a string`);
  return v;
}

function parseOptions(v: JsonValue | undefined, file: string, where: string): FieldOptions | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v)) invalid(file, `${where} must be a map`);
  const out: FieldOptions = {};
  const delimiter = optString(v, 'delimiter', file, where);
  if (delimiter !== undefined) out.delimiter = delimiter;
  const encoding = optString(v, 'encoding', file, where);
  if (encoding !== undefined) out.encoding = encoding;
  if (v.index !== undefined && v.index !== null) {
    if (typeof v.index !== 'number' || !Number.isInteger(v.index))
      invalid(file, `${where}.index must be an integer`);
    out.index = v.index;
  }
  if (v.create !== undefined && v.create !== null) {
    if (typeof v.create !== 'boolean') invalid(file, `${where}.create must be true or false`);
    out.create = v.create;
  }
  return out;
}

function parseSource(v: JsonValue, file: string, where: string): SourceSpec {
  if (!isJsonObject(v)) invalid(file, `${where} must be a map`);
  const out: SourceSpec = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace', 'fieldPath'] as const) {
    const s = optString(v, key, file, where);
    if (s !== undefined) out[key] = s;
  }
  const options = parseOptions(v.options, file, `${where}.options`);
  if (options) out.options = options;
  return out;
}

function parseTarget(v: JsonValue, file: string, where: string): TargetSpec {
  if (!isJsonObject(v)) invalid(file, `${where} must be a map`);
  if (v.select === undefined || v.select === null)
    invalid(file, `${where}: target must specify resources to select`);
  const out: TargetSpec = { select: parseSelector(v.select, file, `${where}.select`) };
  if (v.reject !== undefined && v.reject !== null) {
    if (!Array.isArray(v.reject)) invalid(file, `${where}.reject must be a list`);
    out.reject = v.reject.map((r, i) => parseSelector(r, file, `${where}.reject[${i}]`));
  }
  if (v.fieldPaths !== undefined && v.fieldPaths !== null) {
    if (!Array.isArray(v.fieldPaths) || !v.fieldPaths.every((p) => typeof p === 'string')) {
      invalid(file, `${where}.fieldPaths must be a list of strings`);
    }
    out.fieldPaths = v.fieldPaths as string[];
  }
  const options = parseOptions(v.options, file, `${where}.options`);
  if (options) out.options = options;
  return out;
}

function parseReplacement(v: JsonValue, file: string, where: string): ReplacementSpec {
  if (!isJsonObject(v)) invalid(file, `${where} must be a map`);
  if (v.path !== undefined && (v.source !== undefined || v.targets !== undefined)) {
    invalid(file, `${where}: cannot specify both path and inline replacement`);
  }
  if (v.source === undefined || v.source === null || v.targets === undefined || v.targets === null) {
    invalid(file, `${where}: replacements must specify a source and at least one target`);
  }
  if (!Array.isArray(v.targets)) invalid(file, `${where}.targets must be a list`);
  return {
    source: parseSource(v.source, file, `${where}.source`),
    targets: v.targets.map((t, i) => parseTarget(t, file, `${where}.targets[${i}]`)),
    file,
  };
}

/**
 * Replacements from a `replacements:` entry or a replacement file: one replacement (a map) or a
 * list of them. Throws DiagnosticError (`replacement-invalid`) for malformed specs.
 */
export function parseReplacementFile(value: JsonValue, file: string): ReplacementSpec[] {
  if (Array.isArray(value)) return value.map((v, i) => parseReplacement(v, file, `replacements[${i}]`));
  if (isJsonObject(value)) return [parseReplacement(value, file, 'replacement')];
  return invalid(
    file,
    `unsupported replacement type encountered within replacement path: ${value === null ? 'invalid' : typeof value}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Applying.

/** The replacement value: the source node plus the text and tag kyaml carries for it. */
interface SourceValue {
  value: JsonValue;
  kind: NodeKind;
  tag?: ScalarTag;
  text: string;
}

function failed(spec: ReplacementSpec, message: string): never {
  throw new DiagnosticError({ rule: 'replacement-failed', file: spec.file, message });
}

function sourceId(s: SourceSpec): ResourceId {
  return {
    group: s.group ?? '',
    version: s.version ?? '',
    kind: s.kind ?? '',
    name: s.name ?? '',
    namespace: s.namespace ?? '',
  };
}

/** kustomize's SourceSelector.String(): `id[:fieldPath][:delimiter(index), create=bool]`. */
function sourceString(s: SourceSpec): string {
  const parts = [resIdString(sourceId(s))];
  if (s.fieldPath) parts.push(s.fieldPath);
  const o = s.options;
  if (o && (o.delimiter || o.create))
    parts.push(`${o.delimiter ?? ''}(${o.index ?? 0}), create=${!!o.create}`);
  return parts.join(':');
}

function selectSource(resources: readonly KResource[], spec: ReplacementSpec): KResource {
  let match: KResource | undefined;
  for (const res of resources) {
    if (!resIdsOf(res.obj).some((id) => idSelectedBy(id, spec.source))) continue;
    if (match) failed(spec, `multiple matches for selector ${sourceString(spec.source)}`);
    match = res;
  }
  if (!match) failed(spec, `nothing selected by ${sourceString(spec.source)}`);
  return match;
}

function isNilOrEmpty(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isJsonObject(v) && Object.keys(v).length === 0;
}

function getReplacement(resources: readonly KResource[], spec: ReplacementSpec): SourceValue {
  const src = selectSource(resources, spec);
  const fieldPath = spec.source.fieldPath || DEFAULT_FIELD_PATH;
  let found: JsonValue | undefined;
  try {
    found = lookupField(src.obj, splitFieldPath(fieldPath));
  } catch (e) {
    if (e instanceof FieldPathError) failed(spec, `error looking up replacement source: ${e.message}`);
    throw e;
  }
  if (isNilOrEmpty(found)) {
    failed(
      spec,
      `fieldPath \`${fieldPath}\` is missing for replacement source ${resIdString(sourceId(spec.source))}`,
    );
  }
  const value = found as JsonValue;
  const kind = nodeKind(value);
  const out: SourceValue = { value, kind, text: scalarText(value) };
  if (kind === 'scalar') out.tag = scalarTag(value);
  const opts = spec.source.options;
  if (!opts?.delimiter) return out;
  if (kind !== 'scalar') failed(spec, 'delimiter option can only be used with scalar nodes');
  const parts = out.text.split(opts.delimiter);
  const index = opts.index ?? 0;
  if (index >= parts.length || index < 0) {
    failed(spec, `options.index ${index} is out of bounds for value ${out.text}`);
  }
  out.text = parts[index] as string;
  return out;
}

/** Writes the value into one matched node (kustomize's setFieldValue). */
function setFieldValue(
  spec: ReplacementSpec,
  options: FieldOptions | undefined,
  slot: FieldSlot,
  value: SourceValue,
): void {
  const current = slotValue(slot);
  let text = value.text;
  if (options?.delimiter) {
    if (nodeKind(current) !== 'scalar') failed(spec, 'delimiter option can only be used with scalar nodes');
    const parts = scalarText(current).split(options.delimiter);
    const index = options.index ?? 0;
    if (index < 0) parts.unshift(text);
    else if (index >= parts.length) parts.push(text);
    else parts[index] = text;
    text = parts.join(options.delimiter);
  }
  try {
    if (nodeKind(current) === 'scalar') {
      // a scalar keeps its own type and only takes the new text (kyaml copies `Value` only)
      setSlot(slot, typedScalar(slot.created ? undefined : scalarTag(current), text));
    } else if (value.kind === 'scalar') {
      setSlot(slot, typedScalar(value.tag, text));
    } else {
      setSlot(slot, structuredClone(value.value));
    }
  } catch (e) {
    if (e instanceof FieldPathError) failed(spec, e.message);
    throw e;
  }
}

function copyValueToTarget(
  spec: ReplacementSpec,
  obj: JsonObject,
  value: SourceValue,
  target: TargetSpec,
): void {
  const create = target.options?.create ? value.kind : undefined;
  for (const fp of target.fieldPaths?.length ? target.fieldPaths : [DEFAULT_FIELD_PATH]) {
    const what = `unable to find${create ? ' or create' : ''} field ${JSON.stringify(fp)} in replacement target`;
    let slots: FieldSlot[];
    try {
      slots = matchFields(obj, splitFieldPath(fp), create);
    } catch (e) {
      if (e instanceof FieldPathError) failed(spec, `${what}: ${e.message}`);
      throw e;
    }
    if (slots.length === 0) failed(spec, what);
    for (const slot of slots) setFieldValue(spec, target.options, slot, value);
  }
}

function rejectsId(rejects: readonly Selector[], id: ResourceId): boolean {
  return rejects.some((r) => hasIdFields(r) && idSelectedBy(id, r));
}

/** Label/annotation parts of `select` must match; any reject's label/annotation part excludes. */
function selectedByLabels(obj: JsonObject, target: TargetSpec): boolean {
  if (!matchesLabelsAndAnnotations(obj, target.select)) return false;
  for (const r of target.reject ?? []) {
    if (!r.labelSelector && !r.annotationSelector) continue;
    if (matchesLabelsAndAnnotations(obj, r)) return false;
  }
  return true;
}

/**
 * Applies the replacements in order, mutating the resources' objects. Sources and targets are
 * selected by exact ids, current or previous (so names before a prefix or namespace change
 * still select); a target field that does not exist is an error unless `create` is set.
 */
export function applyReplacements(
  resources: readonly KResource[],
  replacements: readonly ReplacementSpec[],
): void {
  for (const spec of replacements) {
    const value = getReplacement(resources, spec);
    for (const target of spec.targets) {
      const rejects = target.reject ?? [];
      for (const res of resources) {
        if (!selectedByLabels(res.obj, target)) continue;
        const hit = resIdsOf(res.obj).some(
          (id) => idSelectedBy(id, target.select) && !rejectsId(rejects, id),
        );
        if (hit) copyValueToTarget(spec, res.obj, value, target);
      }
    }
  }
}
