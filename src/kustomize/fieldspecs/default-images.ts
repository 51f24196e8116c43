import type { FieldSpec } from './transformer-config.js';

/** kustomize v5.5 default `images` field specs. */
export const DEFAULT_IMAGES: readonly FieldSpec[] = [
  { path: 'spec/containers[]/image', create: true },
  { path: 'spec/initContainers[]/image', create: true },
  { path: 'spec/template/spec/containers[]/image', create: true },
  { path: 'spec/template/spec/initContainers[]/image', create: true },
];
