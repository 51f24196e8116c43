import type { FieldSpec } from './transformer-config.js';

/** kustomize v5.5 default `namePrefix` / `nameSuffix` field specs. */
export const DEFAULT_NAME_PREFIX: readonly FieldSpec[] = [{ path: 'metadata/name' }];

export const DEFAULT_NAME_SUFFIX: readonly FieldSpec[] = [{ path: 'metadata/name' }];
