import type { TransformerConfig } from '../fieldspecs/transformer-config.js';
import { walkFieldSpec } from '../fieldspecs/walk-fieldspec.js';
import type { KResource } from '../resource.js';
import { withFieldErrors } from './resource-error.js';
import { setMapEntry } from './set-map-entry.js';

/** `commonAnnotations:` (AnnotationsTransformer) on metadata and pod templates. */
export function applyCommonAnnotations(
  resources: readonly KResource[],
  annotations: Readonly<Record<string, string>>,
  config: TransformerConfig,
): void {
  const keys = Object.keys(annotations).sort();
  if (keys.length === 0) return;
  const setters = keys.map((k) => setMapEntry(k, annotations[k]!));
  for (const r of resources) {
    for (const fs of config.commonAnnotations) {
      withFieldErrors(r, 'adding annotations', fs.path, () => {
        for (const set of setters) walkFieldSpec(r.obj, fs, set, 'map');
      });
    }
  }
}
