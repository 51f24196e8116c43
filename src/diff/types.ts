/**
 * The shape of a repository diff: plain data, printed by src/report (text, markdown, json).
 * Every list is sorted so that the same two revisions always give the same bytes.
 */
import type { HelmReleaseState, KustomizationState } from '../render/model.js';

/** Identity of an object inside one cluster (the version is not part of it, as in Kubernetes). */
export interface ObjectIdentity {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** `created`/`deleted`/`drifted` as `flux diff` prints them; `moved` to another Kustomization. */
export type ObjectAction = 'created' | 'deleted' | 'drifted' | 'moved';

export interface ObjectDiff {
  id: ObjectIdentity;
  /** `Kind/namespace/name` (`Kind/name` when cluster-scoped), as `flux diff` prints it. */
  display: string;
  action: ObjectAction;
  /**
   * For `moved`: what applied it before, the Kustomization as `namespace/name` or a
   * HelmRelease as `HelmRelease/namespace/name`.
   */
  from?: string;
  /** Unified diff of the printed YAML, Secret values masked; '' when a move changed nothing else. */
  diff: string;
  /** Paths of values helm regenerates on every render, masked on both sides (`data.tls.crt`). */
  volatile?: string[];
}

export interface KustomizationSide {
  state: KustomizationState;
  reason?: string;
}

/**
 * - newly-failing / stopped-failing: the Kustomization's build started or stopped failing;
 * - still-failing: it fails on both sides with a different reason;
 * - state: any other state change (suspended, external).
 */
export type StateChange = 'newly-failing' | 'stopped-failing' | 'still-failing' | 'state';

export interface ValueChange {
  /** `values.replicas`, `values.ingress.hosts[0].host`. */
  path: string;
  /** Printed values (YAML flow style); absent when the path did not exist on that side. */
  before?: string;
  after?: string;
}

export interface HelmReleaseSide {
  state: HelmReleaseState;
  reason?: string;
}

export interface HelmReleaseDiff {
  /** `namespace/name`. */
  ref: string;
  action: 'created' | 'deleted' | 'changed';
  chart?: { before?: string; after?: string };
  version?: { before?: string; after?: string };
  values: ValueChange[];
  /** Present with `stateChange`: the release's state on each side. */
  before?: HelmReleaseSide;
  after?: HelmReleaseSide;
  /** The release started or stopped failing, or changed state otherwise (see StateChange). */
  stateChange?: StateChange;
  /** The chart as rendered, `name-version` (a semver range or an OCI digest resolved). */
  renderedChart?: { before?: string; after?: string };
  /** Object-level changes of the rendered chart; absent when there are none. */
  objects?: ObjectDiff[];
}

/** One container image that changes: `before` only when removed, `after` only when added. */
export interface ImageChange {
  action: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** `Kind/namespace/name (container)` of each object whose image this is, sorted. */
  objects: string[];
}

export interface KustomizationDiff {
  /** `namespace/name`. */
  ref: string;
  action: 'added' | 'removed' | 'changed';
  before?: KustomizationSide;
  after?: KustomizationSide;
  stateChange?: StateChange;
  objects: ObjectDiff[];
  helmReleases: HelmReleaseDiff[];
}

export interface DiffCounts {
  added: number;
  changed: number;
  removed: number;
  /** Kustomizations failing on the head side. */
  failing: number;
  /** Of those, how many did not fail on the base side. */
  newlyFailing: number;
}

export interface ClusterDiff {
  name: string;
  action: 'added' | 'removed' | 'changed' | 'unchanged';
  counts: DiffCounts;
  /** Only Kustomizations with a change, sorted by `namespace/name`. */
  kustomizations: KustomizationDiff[];
  /** Container images added, removed or changed; absent when none changed. */
  images?: ImageChange[];
}

export interface RepositoryDiff {
  /** Labels of the two sides, e.g. `main@abc1234` and the working tree. */
  base?: string;
  head?: string;
  /** True when any cluster changed: the exit code is 1. */
  changed: boolean;
  clusters: ClusterDiff[];
}
