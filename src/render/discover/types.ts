import type { Diagnostic } from '../../core/diagnostic.js';
import type { ObjectName, SourceMapping } from '../config.js';

export type { ObjectName, SourceKind, SourceMapping } from '../config.js';

/** How a cluster was found; the order is also the priority when two forms find the same entry. */
export type EntryForm =
  'config' | 'bootstrap' | 'flux-instance' | 'flux-instance-helmrelease' | 'clusters-dir';

export const FORM_PRIORITY: readonly EntryForm[] = [
  'config',
  'bootstrap',
  'flux-instance',
  'flux-instance-helmrelease',
  'clusters-dir',
];

/** One cluster of the repository and where rendering it starts. */
export interface ClusterEntry {
  name: string;
  /** Repository-relative directory that the implicit root Kustomization builds ('' = root). */
  entryPath: string;
  /** The Flux Kustomization that Flux itself reconciles from `entryPath`. */
  rootKustomization: ObjectName;
  /** Flux sources that are this repository, and the sub-path each one's artifact root maps to. */
  sources: SourceMapping[];
  from: EntryForm;
  /** The file that declared the cluster, and the line of the declaration when known. */
  file: string;
  line?: number;
  /** Extra postBuild variables from k8s-ops.yaml (empty when detected). */
  variables: Record<string, string>;
  /** Extra manifest files from k8s-ops.yaml to treat as present in the cluster. */
  objects: string[];
}

export interface DiscoverResult {
  clusters: ClusterEntry[];
  diagnostics: Diagnostic[];
}

/** The source that `flux bootstrap` creates, used when nothing says otherwise. */
export function defaultSource(namespace = 'flux-system'): SourceMapping {
  return { kind: 'GitRepository', namespace, name: namespace, path: '' };
}

export function sameSource(a: SourceMapping, b: SourceMapping): boolean {
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}

/** `a` followed by the entries of `b` that `a` does not name (so `a` wins on conflicts). */
export function unionSources(a: SourceMapping[], b: SourceMapping[]): SourceMapping[] {
  return [...a, ...b.filter((s) => !a.some((o) => sameSource(o, s)))];
}

/**
 * An entry point whose path holds a variable. Its warning is only kept when no
 * discovered cluster's entry matches the pattern (another form may already cover it).
 */
export interface UnresolvedEntry {
  pattern: RegExp;
  diagnostic: Diagnostic;
}
