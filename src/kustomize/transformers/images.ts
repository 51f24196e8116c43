import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { TransformerConfig } from '../fieldspecs/transformer-config.js';
import { walkFieldSpec, type FieldHolder, type FieldKey } from '../fieldspecs/walk-fieldspec.js';
import type { KResource } from '../resource.js';
import { rewriteImage, type ImageOverride } from './image-ref.js';
import { FieldValueError, withFieldErrors } from './resource-error.js';

export type { ImageOverride } from './image-ref.js';

function updateImage(holder: Record<FieldKey, JsonValue>, key: FieldKey, o: ImageOverride): void {
  const v = holder[key];
  if (v === undefined || v === null) return;
  if (typeof v === 'object') throw new FieldValueError('an image must be a scalar');
  const next = rewriteImage(String(v), o);
  if (next !== undefined) holder[key] = next;
}

/** kustomize's legacy image filter: `image` of every item of any `containers`/`initContainers` list, at any depth. */
function updateContainerLists(node: JsonValue, o: ImageOverride): void {
  if (Array.isArray(node)) {
    for (const item of node) updateContainerLists(item, o);
    return;
  }
  if (!isJsonObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    updateContainerLists(value, o);
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const c of value) if (isJsonObject(c)) updateImage(c, 'image', o);
    }
  }
}

/**
 * `images:` (ImageTagTransformer), one override after another: first every container list
 * anywhere in the object, then the `images` field specs. CRDs are left alone.
 */
export function applyImages(
  resources: readonly KResource[],
  images: ImageOverride | readonly ImageOverride[],
  config: TransformerConfig,
): void {
  const list: readonly ImageOverride[] = Array.isArray(images) ? images : [images as ImageOverride];
  for (const o of list) {
    const set = (holder: FieldHolder, key: FieldKey): void =>
      updateImage(holder as Record<FieldKey, JsonValue>, key, o);
    for (const r of resources) {
      const obj: JsonObject = r.obj;
      // kustomize never touches images inside a CRD (its schema examples, say).
      if (obj.kind === 'CustomResourceDefinition') continue;
      withFieldErrors(r, 'updating images', 'containers', () => updateContainerLists(obj, o));
      for (const fs of config.images) {
        withFieldErrors(r, 'updating images', fs.path, () => walkFieldSpec(obj, fs, set));
      }
    }
  }
}
