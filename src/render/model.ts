import type { Diagnostic } from '../core/diagnostic.js';
import type { JsonObject } from '../core/json.js';

/** A namespaced object reference, printed `namespace/name`. */
export interface ObjectRef {
  namespace: string;
  name: string;
}

export function refKey(ref: ObjectRef): string {
  return `${ref.namespace}/${ref.name}`;
}

/**
 * What happened to a Flux Kustomization in the simulated reconciliation:
 * - rendered: built from this repository;
 * - failed: its build (or a dependency) failed — `reason` says why;
 * - external: its source is not this repository (another repo, an OCI artifact, a bucket);
 * - suspended: `spec.suspend: true`, so Flux does not reconcile it.
 */
export type KustomizationState = 'rendered' | 'failed' | 'external' | 'suspended';

/** One rendered object with the file it came from. */
export interface RenderedObject {
  obj: JsonObject;
  /** Repository-relative source file ('' for generated objects). */
  file: string;
  line?: number;
  /** Decrypted from SOPS in memory: its values must not be printed unless asked for. */
  decrypted?: boolean;
  /** A SOPS Secret that was not decrypted (values masked). */
  masked?: boolean;
  /** For an object a HelmRelease renders: helm's `# Source:` path of its template. */
  template?: string;
}

export interface KustomizationRecord {
  ref: ObjectRef;
  /** The Kustomization that applied this one; undefined for the cluster's root. */
  parent?: ObjectRef;
  /** Where the Flux Kustomization object itself is declared. */
  file: string;
  line?: number;
  state: KustomizationState;
  reason?: string;
  /** Source reference as `Kind/namespace/name`. */
  source: string;
  /** The repository path it builds (after substitution), when its source is this repository. */
  path?: string;
  dependsOn: ObjectRef[];
  /** Objects it applies, with Flux's owner labels set (empty unless rendered). */
  objects: RenderedObject[];
  /** Variable names available to postBuild substitution (values are not kept: they may be secret). */
  variables: string[];
  /** Raw object as rendered by its parent (after the parent's substitution). */
  spec: JsonObject;
}

/**
 * What happened to a HelmRelease in the simulated reconciliation:
 * - rendered: its chart was rendered with Flux's values and post-renderers;
 * - failed: the chart, its values or a post-renderer failed — `reason` says why;
 * - chart-unavailable: the chart cannot be had offline (not cached, a remote Git repository);
 * - suspended: `spec.suspend: true`, so Flux does not reconcile it;
 * - not-rendered: charts were not rendered in this run.
 */
export type HelmReleaseState = 'rendered' | 'failed' | 'chart-unavailable' | 'suspended' | 'not-rendered';

export interface HelmReleaseRecord {
  ref: ObjectRef;
  /** Where the HelmRelease object is declared. */
  file: string;
  line?: number;
  state: HelmReleaseState;
  reason?: string;
  /** The Kustomization that applies it. */
  owner: ObjectRef;
  chart: string;
  version?: string;
  /** Source reference as `Kind/namespace/name`. */
  source: string;
  dependsOn: ObjectRef[];
  suspended: boolean;
  obj: JsonObject;
  /** The chart's name and version as rendered (an OCI digest suffix included). */
  chartName?: string;
  chartVersion?: string;
  /** What the release applies (empty unless rendered), each with the HelmRelease's file. */
  objects: RenderedObject[];
  /** The user values handed to helm, after valuesFrom (present once they could be computed). */
  values?: JsonObject;
  /** Key paths of `values` the chart's values.yaml and templates know nowhere, with the closest known key. */
  unknownValuePaths?: { path: string[]; closest?: string }[];
}

export interface SourceRecord {
  kind: string;
  ref: ObjectRef;
  owner: ObjectRef;
  url?: string;
  /** Branch, tag, semver or digest the source follows. */
  revision?: string;
  /** True when this source is the repository being rendered. */
  local: boolean;
  obj: JsonObject;
}

export interface DependencyEdge {
  from: ObjectRef;
  to: ObjectRef;
}

/** Everything Flux would apply to one cluster, as the simulation sees it. */
export interface ClusterModel {
  name: string;
  entryPath: string;
  /** In reconciliation order (dependencies before dependents). */
  kustomizations: KustomizationRecord[];
  helmReleases: HelmReleaseRecord[];
  sources: SourceRecord[];
  /** `dependsOn` edges between Kustomizations (dependent → dependency). */
  edges: DependencyEdge[];
  diagnostics: Diagnostic[];
}
