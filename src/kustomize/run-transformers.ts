import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import { resolvePath } from '../tree/paths.js';
import type { Accumulator, Target } from './accumulate.js';
import { readDocuments, type BuildContext } from './context.js';
import {
  applyPatch,
  applyLegacyJson6902,
  applyLegacyStrategicMerge,
  parseSmPatches,
  type PatchSource,
} from './patches.js';
import { applyReplacements, parseReplacementFile, type ReplacementSpec } from './replacements.js';
import type { KResource } from './resource.js';
import { applyCommonAnnotations } from './transformers/annotations.js';
import { applyImages } from './transformers/images.js';
import { applyCommonLabels, applyLabels } from './transformers/labels.js';
import { applyNamespace } from './transformers/namespace.js';
import { applyNamePrefix, applyNameSuffix } from './transformers/prefix-suffix.js';
import { applyReplicas } from './transformers/replicas.js';

function readPatchFile(ctx: BuildContext, target: Target, entry: string, field: string): PatchSource {
  const path = resolvePath(target.dir, entry);
  if (path === undefined) {
    throw new DiagnosticError({
      rule: 'path-escape',
      file: target.file,
      message: `${field} path '${entry}' leads outside the repository root`,
    });
  }
  if (ctx.tree.stat(path) !== 'file') {
    throw new DiagnosticError({
      rule: 'missing-file',
      file: target.file,
      message: `${field} file '${entry}' does not exist`,
      hint: 'fix the path or remove the entry',
    });
  }
  return { text: ctx.tree.readText(path), file: path };
}

function patchSource(
  ctx: BuildContext,
  target: Target,
  spec: { path?: string; patch?: string },
  field: string,
) {
  const inline = spec.patch?.trim() ?? '';
  if (inline === '' && !spec.path) {
    throw new DiagnosticError({
      rule: 'kustomize-patch',
      file: target.file,
      message: `${field}: must specify one of patch and path`,
    });
  }
  if (inline !== '' && spec.path) {
    throw new DiagnosticError({
      rule: 'kustomize-patch',
      file: target.file,
      message: `${field}: patch and path can't be set at the same time`,
    });
  }
  return spec.path ? readPatchFile(ctx, target, spec.path, field) : { text: inline, file: target.file };
}

function loadReplacements(ctx: BuildContext, target: Target): ReplacementSpec[] {
  const out: ReplacementSpec[] = [];
  for (const entry of target.k.replacements) {
    const path =
      entry !== null && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.path === 'string'
        ? entry.path
        : undefined;
    if (path === undefined) {
      out.push(...parseReplacementFile([entry], target.file));
      continue;
    }
    const file = readPatchFile(ctx, target, path, 'replacements').file;
    for (const doc of readDocuments(ctx, file)) {
      if (doc.value !== null)
        out.push(...parseReplacementFile(structuredClone(doc.value) as JsonValue, file));
    }
  }
  return out;
}

/** The builtin transformers of one kustomization level, in kustomize's order. */
export function runTransformers(ctx: BuildContext, target: Target, acc: Accumulator): KResource[] {
  const { k } = target;
  const config = acc.config;
  let resources = acc.resources;

  if (k.patchesStrategicMerge.length > 0) {
    const sources = k.patchesStrategicMerge.map((entry): PatchSource => {
      // kustomize first tries the entry itself as an inline patch, then as a path.
      const inline = { text: entry, file: target.file };
      return parseSmPatches(inline)?.length
        ? inline
        : readPatchFile(ctx, target, entry, 'patchesStrategicMerge');
    });
    resources = applyLegacyStrategicMerge(resources, sources);
  }
  for (const spec of k.patches) {
    resources = applyPatch(resources, spec, patchSource(ctx, target, spec, 'patches'));
  }
  if (k.namespace !== '') applyNamespace(resources, k.namespace, config);
  if (k.namePrefix !== '') applyNamePrefix(resources, k.namePrefix, config);
  if (k.nameSuffix !== '') applyNameSuffix(resources, k.nameSuffix, config);
  if (k.labels.length > 0) applyLabels(resources, k.labels, config);
  if (Object.keys(k.commonLabels).length > 0) applyCommonLabels(resources, k.commonLabels, config);
  if (Object.keys(k.commonAnnotations).length > 0)
    applyCommonAnnotations(resources, k.commonAnnotations, config);
  for (const spec of k.patchesJson6902) {
    resources = applyLegacyJson6902(resources, spec, patchSource(ctx, target, spec, 'patchesJson6902'));
  }
  for (const replica of k.replicas) applyReplicas(resources, replica, config);
  for (const image of k.images) applyImages(resources, image, config);
  if (k.replacements.length > 0) applyReplacements(resources, loadReplacements(ctx, target));
  return resources;
}
