export type { Duration } from './duration.js';
export { formatGoDuration, parseDuration, DURATION_PATTERN } from './duration.js';
export type { FluxObjectBase, SourceRef, DependsOn, CommonMetadata, NamespacedRef } from './meta.js';
export type {
  KustomizationModel,
  FluxPatch,
  FluxImage,
  PatchSelector,
  HealthCheckRef,
  PostBuild,
  SubstituteReference,
  Decryption,
  KubeConfigRef,
} from './kustomization.js';
export { kustomizationTimeout } from './kustomization.js';
export type { GitRepositoryModel, GitRef } from './git-repository.js';
export type { OCIRepositoryModel, OciRef } from './oci-repository.js';
export type { HelmRepositoryModel } from './helm-repository.js';
export type { BucketModel } from './bucket.js';
export type { HelmReleaseModel, HelmChartTemplate, ValuesReference } from './helm-release.js';
export type { FluxInstanceModel, FluxInstanceSync } from './flux-instance.js';
export { helmReleaseName, shortenReleaseName } from './release-name.js';
export type { FluxModel, SourceModel } from './parse.js';
export { parseFluxObject, isFluxKustomization, isSource, isModelledFluxObject } from './parse.js';
