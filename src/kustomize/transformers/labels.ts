import { DiagnosticError } from '../../core/diagnostic.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import {
  FieldSpecConflictError,
  mergeFieldSpec,
  mergeFieldSpecs,
  parseFieldSpecs,
  type FieldSpec,
  type TransformerConfig,
} from '../fieldspecs/transformer-config.js';
import { walkFieldSpec } from '../fieldspecs/walk-fieldspec.js';
import type { KResource } from '../resource.js';
import { withFieldErrors } from './resource-error.js';
import { setMapEntry } from './set-map-entry.js';

/** One entry of a kustomization's `labels:` list. */
export interface LabelsEntry {
  pairs: Readonly<Record<string, string>>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  /** Extra field specs, typed or as written in the kustomization. */
  fields?: readonly (FieldSpec | JsonObject)[];
}

/** LabelTransformer: every label on every field the specs address, creating label maps where allowed. */
export function applyLabelMap(
  resources: readonly KResource[],
  labels: Readonly<Record<string, string>>,
  specs: readonly FieldSpec[],
): void {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return;
  const setters = keys.map((k) => setMapEntry(k, labels[k]!));
  for (const r of resources) {
    for (const fs of specs) {
      withFieldErrors(r, 'adding labels', fs.path, () => {
        for (const set of setters) walkFieldSpec(r.obj, fs, set, 'map');
      });
    }
  }
}

/** `commonLabels:` with the commonLabels field specs (metadata, selectors, pod templates). */
export function applyCommonLabels(
  resources: readonly KResource[],
  labels: Readonly<Record<string, string>>,
  config: TransformerConfig,
): void {
  applyLabelMap(resources, labels, config.commonLabels);
}

/** The field specs one `labels:` entry uses, merged as kustomize's configurator does. */
export function labelsEntryFieldSpecs(entry: LabelsEntry, config: TransformerConfig): readonly FieldSpec[] {
  const own = parseFieldSpecs((entry.fields ?? []) as unknown as JsonValue, '', 'labels fields');
  try {
    if (entry.includeSelectors) return mergeFieldSpecs(own, config.commonLabels);
    const withTemplates = entry.includeTemplates ? mergeFieldSpecs(own, config.templateLabels) : own;
    return mergeFieldSpec(withTemplates, { path: 'metadata/labels', create: true });
  } catch (e) {
    if (e instanceof FieldSpecConflictError) {
      throw new DiagnosticError({ rule: 'kustomize-build', message: `labels: ${e.message}` });
    }
    throw e;
  }
}

/**
 * `labels:` entries, each its own LabelTransformer. kustomize runs them all before
 * `commonLabels` at the same level, so call this first.
 */
export function applyLabels(
  resources: readonly KResource[],
  entries: readonly LabelsEntry[],
  config: TransformerConfig,
): void {
  for (const entry of entries) applyLabelMap(resources, entry.pairs, labelsEntryFieldSpecs(entry, config));
}
