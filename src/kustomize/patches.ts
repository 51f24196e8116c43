import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { parseYamlDocuments } from '../yaml/parse.js';
import { applyJsonPatch, parseJsonPatchText } from './json-patch.js';
import type { PatchSpec } from './kustomization.js';
import { resourcesFromDocuments } from './load-resources.js';
import { appendAll, getById } from './resmap.js';
import {
  ANN_ALLOW_KIND_CHANGE,
  ANN_ALLOW_NAME_CHANGE,
  getAnnotation,
  getKind,
  getName,
  getNamespace,
  metadataOf,
  orgId,
  setName,
  setNamespace,
  storePreviousId,
  type KResource,
} from './resource.js';
import { selectResources } from './selector.js';
import { applyStrategicMerge } from './strategic-merge.js';

export interface PatchSource {
  /** Text of the patch (file contents or the inline string). */
  text: string;
  /** Where it came from, for messages: the patch file, or the kustomization file for inline patches. */
  file: string;
}

function isEmptyObject(obj: JsonObject | null): boolean {
  return obj === null || Object.keys(obj).length === 0;
}

/** The strategic-merge patches in a text, validated like resources (kind and metadata.name required). */
export function parseSmPatches(src: PatchSource): JsonObject[] | undefined {
  let docs;
  try {
    docs = parseYamlDocuments(src.text, src.file);
  } catch {
    return undefined;
  }
  if (docs.some((d) => d.value !== null && !isJsonObject(d.value))) return undefined;
  try {
    return resourcesFromDocuments(docs, src.file).map((r) => r.obj);
  } catch {
    return undefined;
  }
}

/** kustomize's Resource.ApplySmPatch: merge, then restore name/kind unless allowed, and always the namespace. */
function applySmPatchToResource(res: KResource, patch: JsonObject): void {
  const name = getName(res.obj);
  const namespace = getNamespace(res.obj);
  const kind = getKind(res.obj);
  const allowName = getAnnotation(patch, ANN_ALLOW_NAME_CHANGE) === 'enabled';
  const allowKind = getAnnotation(patch, ANN_ALLOW_KIND_CHANGE) === 'enabled';
  if (allowName || allowKind) storePreviousId(res.obj);
  const merged = applyStrategicMerge(res.obj, patch);
  if (isEmptyObject(merged)) {
    res.obj = {};
    return;
  }
  res.obj = merged as JsonObject;
  if (!allowKind) res.obj.kind = kind;
  if (!allowName) setName(res.obj, name);
  setNamespace(res.obj, namespace);
}

/** kustomize's ResMap.ApplySmPatch: patch every selected resource, drop deleted ones, re-check ids. */
export function applySmPatchToSet(
  resources: KResource[],
  selected: ReadonlySet<KResource>,
  patch: JsonObject,
  context: string,
): KResource[] {
  const kept: KResource[] = [];
  for (const res of resources) {
    if (selected.has(res)) {
      const copy = structuredClone(patch);
      // The target keeps its apiVersion; the patch's kind is kept for allowKindChange.
      copy.apiVersion = res.obj.apiVersion ?? copy.apiVersion ?? null;
      applySmPatchToResource(res, copy);
    }
    if (Object.keys(res.obj).length > 0) kept.push(res);
  }
  const out: KResource[] = [];
  appendAll(out, kept, context);
  return out;
}

function markOptions(patch: JsonObject, options: Record<string, boolean>): void {
  const meta = metadataOf(patch);
  if (!meta) return;
  const ann = isJsonObject(meta.annotations) ? meta.annotations : {};
  if (options.allowNameChange) ann[ANN_ALLOW_NAME_CHANGE] = 'enabled';
  if (options.allowKindChange) ann[ANN_ALLOW_KIND_CHANGE] = 'enabled';
  if (Object.keys(ann).length > 0) meta.annotations = ann;
}

/** Applies JSON 6902 operations to each selected resource, keeping kustomize's internal annotations. */
function applyJsonPatchTo(
  resources: readonly KResource[],
  ops: ReturnType<typeof parseJsonPatchText>,
  src: PatchSource,
): void {
  for (const res of resources) {
    storePreviousId(res.obj);
    const meta = metadataOf(res.obj);
    const internal: [string, string][] = [];
    if (meta && isJsonObject(meta.annotations)) {
      for (const [k, v] of Object.entries(meta.annotations)) {
        if (k.startsWith('internal.config.kubernetes.io/') && typeof v === 'string') internal.push([k, v]);
      }
    }
    try {
      res.obj = applyJsonPatch(res.obj, ops);
    } catch (e) {
      if (e instanceof DiagnosticError) {
        throw new DiagnosticError({
          ...e.diagnostic,
          file: src.file,
          message: `JSON patch on ${getKind(res.obj)} ${getName(res.obj)}: ${e.diagnostic.message}`,
        });
      }
      throw e;
    }
    if (internal.length > 0) {
      const m = metadataOf(res.obj) ?? (res.obj.metadata = {});
      const ann = isJsonObject(m.annotations) ? m.annotations : (m.annotations = {});
      for (const [k, v] of internal) ann[k] = v;
    }
  }
}

/** One entry of `patches:` (kustomize's PatchTransformer). */
export function applyPatch(resources: KResource[], spec: PatchSpec, src: PatchSource): KResource[] {
  const text = src.text.trim();
  const sm = parseSmPatches({ text, file: src.file });
  const json = sm === undefined ? tryJsonPatch(text, src.file) : undefined;
  if (sm === undefined && json === undefined) {
    throw new DiagnosticError({
      rule: 'kustomize-patch',
      file: src.file,
      message: 'unable to parse the patch as a strategic merge patch or a JSON 6902 patch',
      hint: 'a strategic merge patch needs apiVersion, kind and metadata.name; a JSON patch is a list of operations',
    });
  }
  if (sm !== undefined) {
    let current = resources;
    for (const patch of sm) {
      markOptions(patch, spec.options);
      const selected = spec.target
        ? selectResources(current, spec.target)
        : [getById(current, orgId(patch), 'patch', src.file)];
      current = applySmPatchToSet(current, new Set(selected), patch, `patch from ${src.file}`);
    }
    return current;
  }
  if (!spec.target) {
    throw new DiagnosticError({
      rule: 'kustomize-patch',
      file: src.file,
      message: 'a JSON 6902 patch needs a target',
      hint: 'add `target:` with at least the kind and name of the resource to patch',
    });
  }
  applyJsonPatchTo(
    selectResources(resources, spec.target),
    json as ReturnType<typeof parseJsonPatchText>,
    src,
  );
  return resources;
}

function tryJsonPatch(text: string, file: string): ReturnType<typeof parseJsonPatchText> | undefined {
  if (text === '') return undefined;
  try {
    return parseJsonPatchText(text, file);
  } catch {
    return undefined;
  }
}

/** One entry of the deprecated `patchesJson6902:` (target required, JSON operations only). */
export function applyLegacyJson6902(resources: KResource[], spec: PatchSpec, src: PatchSource): KResource[] {
  if (!spec.target) {
    throw new DiagnosticError({
      rule: 'kustomize-patch',
      file: src.file,
      message: 'patchesJson6902 entry needs a target',
    });
  }
  const ops = parseJsonPatchText(src.text, src.file);
  applyJsonPatchTo(selectResources(resources, spec.target), ops, src);
  return resources;
}

/** The deprecated `patchesStrategicMerge:` entries: each patch applies to the resource its own id names. */
export function applyLegacyStrategicMerge(
  resources: KResource[],
  patches: readonly PatchSource[],
): KResource[] {
  let current = resources;
  const all = patches.flatMap((src) => {
    const parsed = parseSmPatches(src);
    if (parsed === undefined) {
      throw new DiagnosticError({
        rule: 'kustomize-patch',
        file: src.file,
        message: 'not a valid strategic merge patch',
        hint: 'each document needs apiVersion, kind and metadata.name',
      });
    }
    return parsed.map((p) => ({ p, src }));
  });
  if (all.length === 0) {
    throw new DiagnosticError({
      rule: 'kustomize-patch',
      file: patches[0]?.file,
      message: 'patch appears to be empty',
    });
  }
  for (const { p, src } of all) {
    const target = getById(current, orgId(p), 'patchesStrategicMerge', src.file);
    current = applySmPatchToSet(current, new Set([target]), p, `patch from ${src.file}`);
  }
  return current;
}
