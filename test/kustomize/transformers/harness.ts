import { posix } from 'node:path';
import { loadAll, load } from 'js-yaml';
import { expect } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../src/core/json.js';
import {
  emptyTransformerConfig,
  makeTransformerConfig,
  mergeTransformerConfigs,
  parseFieldSpecs,
  type TransformerConfig,
} from '../../../src/kustomize/fieldspecs/transformer-config.js';
import { BUILD_ANNOTATIONS, curId, resIdString, type KResource } from '../../../src/kustomize/resource.js';
import { applyCommonAnnotations } from '../../../src/kustomize/transformers/annotations.js';
import { applyImages, type ImageOverride } from '../../../src/kustomize/transformers/images.js';
import {
  applyCommonLabels,
  applyLabels,
  type LabelsEntry,
} from '../../../src/kustomize/transformers/labels.js';
import { fixNameReferences } from '../../../src/kustomize/transformers/name-reference.js';
import {
  applyNamespace,
  type RoleBindingSubjectMode,
} from '../../../src/kustomize/transformers/namespace.js';
import { applyNamePrefixSuffix } from '../../../src/kustomize/transformers/prefix-suffix.js';
import { applyReplicas, type ReplicaOverride } from '../../../src/kustomize/transformers/replicas.js';
import { realKustomize, withFixture } from '../../helpers/kustomize-oracle.js';

export type Files = Record<string, string>;

function str(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

function strMap(v: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isJsonObject(v)) for (const [k, x] of Object.entries(v)) out[k] = String(x);
  return out;
}

function list(v: JsonValue | undefined): JsonValue[] {
  return Array.isArray(v) ? v : [];
}

interface Level {
  resources: KResource[];
  config: TransformerConfig;
}

/**
 * A minimal kustomize build over in-memory files, using only the transformers under test, in
 * kustomize's order at each level, then name-reference fixing once at the end.
 */
function buildLevel(files: Files, dir: string): Level {
  const kfile = posix.join(dir, 'kustomization.yaml');
  const k = load(files[kfile]!) as JsonObject;
  let resources: KResource[] = [];
  let config = emptyTransformerConfig();
  for (const entry of list(k.resources)) {
    const path = posix.join(dir, str(entry));
    if (files[path] !== undefined) {
      for (const doc of loadAll(files[path]!) as JsonValue[]) {
        if (isJsonObject(doc)) resources.push({ obj: doc, file: path });
      }
    } else {
      const sub = buildLevel(files, path);
      resources = resources.concat(sub.resources);
      config = mergeTransformerConfigs(config, sub.config);
    }
  }
  const own = makeTransformerConfig(
    list(k.configurations).map((f) => {
      const file = posix.join(dir, str(f));
      return { value: load(files[file]!) as JsonValue, file };
    }),
  );
  config = mergeTransformerConfigs(config, own);
  if (str(k.namespace)) applyNamespace(resources, str(k.namespace), config);
  applyNamePrefixSuffix(resources, str(k.namePrefix), str(k.nameSuffix), config);
  const labels = list(k.labels).map((l) => l as unknown as LabelsEntry);
  applyLabels(resources, labels, config);
  applyCommonLabels(resources, strMap(k.commonLabels), config);
  applyCommonAnnotations(resources, strMap(k.commonAnnotations), config);
  for (const t of list(k.transformers))
    runBuiltinTransformer(files, posix.join(dir, str(t)), resources, config);
  for (const r of list(k.replicas)) applyReplicas(resources, r as unknown as ReplicaOverride, config);
  for (const i of list(k.images)) applyImages(resources, i as unknown as ImageOverride, config);
  return { resources, config };
}

/** The builtin NamespaceTransformer as a `transformers:` plugin config, for its extra options. */
function runBuiltinTransformer(
  files: Files,
  path: string,
  resources: KResource[],
  config: TransformerConfig,
): void {
  const c = load(files[path]!) as JsonObject;
  if (c.kind !== 'NamespaceTransformer') throw new Error(`unsupported transformer ${String(c.kind)}`);
  const meta = c.metadata as JsonObject;
  const specs = parseFieldSpecs(c.fieldSpecs, path);
  const mode = str(c.setRoleBindingSubjects) as RoleBindingSubjectMode | '';
  applyNamespace(
    resources,
    str(meta.namespace),
    { ...config, namespace: specs },
    { unsetOnly: c.unsetOnly === true, ...(mode ? { setRoleBindingSubjects: mode } : {}) },
  );
}

function stripBuildAnnotations(obj: JsonObject): JsonObject {
  const meta = obj.metadata;
  if (isJsonObject(meta) && isJsonObject(meta.annotations)) {
    for (const a of BUILD_ANNOTATIONS) delete meta.annotations[a];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  return obj;
}

function sortById(objs: JsonObject[]): JsonObject[] {
  return [...objs].sort((a, b) => resIdString(curId(a)).localeCompare(resIdString(curId(b))));
}

export function ourBuild(files: Files, dir = '.'): JsonObject[] {
  const { resources, config } = buildLevel(files, dir);
  fixNameReferences(resources, config);
  return sortById(resources.map((r) => stripBuildAnnotations(r.obj)));
}

export function oracleBuild(files: Files, dir = '.'): { ok: boolean; objs: JsonObject[]; stderr: string } {
  return withFixture(files, (root) => {
    const res = realKustomize(posix.join(root, dir));
    if (!res.ok) return { ok: false, objs: [], stderr: res.stderr };
    const objs = (loadAll(res.stdout) as JsonValue[]).filter(isJsonObject);
    return { ok: true, objs: sortById(objs), stderr: res.stderr };
  });
}

/** Builds `files` with the real kustomize and with our transformers; both must agree (or both fail). */
export function expectSameAsKustomize(files: Files, dir = '.'): void {
  const want = oracleBuild(files, dir);
  if (!want.ok) {
    expect(() => ourBuild(files, dir), `kustomize failed with: ${want.stderr}`).toThrow(DiagnosticError);
    return;
  }
  expect(ourBuild(files, dir)).toEqual(want.objs);
}

/** Joins YAML documents. */
export function docs(...parts: string[]): string {
  return parts.join('\n---\n');
}
