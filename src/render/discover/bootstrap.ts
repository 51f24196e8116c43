/**
 * `flux bootstrap` layouts: `<dir>/<namespace>/gotk-sync.yaml` holds the GitRepository
 * for this repository and the Kustomization that builds `<dir>`; both are named after the
 * namespace. The corpus also has placeholder gotk-sync files (comments only) and
 * `gotk-components.yaml` without a sync file; both get bootstrap's defaults.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../core/json.js';
import { basename, dirname } from '../../tree/paths.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { locateInDocument } from '../../yaml/parse.js';
import { SOURCE_KINDS, type SourceKind } from '../config.js';
import { field, isKind, text } from './object.js';
import { clusterName, fluxPath, hasVariable, variablePattern } from './paths.js';
import { readDocuments } from './scan.js';
import {
  defaultSource,
  sameSource,
  type ClusterEntry,
  type SourceMapping,
  type UnresolvedEntry,
} from './types.js';

const SYNC = /(^|\/)gotk-sync\.ya?ml$/;
const COMPONENTS = /(^|\/)gotk-components\.ya?ml$/;

function sourceOf(obj: JsonObject, namespace: string): SourceMapping | undefined {
  const kind = SOURCE_KINDS.find((k) => isKind(obj, 'source.toolkit.fluxcd.io', k));
  const name = text(obj, 'metadata', 'name');
  if (!kind || !name) return undefined;
  return { kind, namespace: text(obj, 'metadata', 'namespace') ?? namespace, name, path: '' };
}

/** The Kustomization's sourceRef as a mapping, when its kind is a source this tool maps. */
function sourceRefOf(ks: JsonObject, namespace: string): SourceMapping | undefined {
  const kind = text(ks, 'spec', 'sourceRef', 'kind');
  const name = text(ks, 'spec', 'sourceRef', 'name');
  if (!kind || !name || !SOURCE_KINDS.includes(kind as SourceKind)) return undefined;
  const ns = text(ks, 'spec', 'sourceRef', 'namespace') ?? text(ks, 'metadata', 'namespace') ?? namespace;
  return { kind: kind as SourceKind, namespace: ns, name, path: '' };
}

function fromSyncFile(
  tree: RepoTree,
  file: string,
  diagnostics: Diagnostic[],
  unresolved: UnresolvedEntry[],
): ClusterEntry | undefined {
  const nsDir = dirname(file);
  if (nsDir === '') return undefined; // gotk-sync.yaml at the root: not a bootstrap layout
  const namespace = basename(nsDir);
  const bootstrapDir = dirname(nsDir);
  const sources: SourceMapping[] = [];
  const kustomizations: { obj: JsonObject; line: number; index: number }[] = [];
  const before = diagnostics.length;
  const docs = SYNC.test(file) ? readDocuments(tree, file, diagnostics, 'error') : [];
  if (diagnostics.length > before) return undefined; // unreadable: guessing defaults would mislead
  for (const doc of docs) {
    const src = isJsonObject(doc.value) ? sourceOf(doc.value, namespace) : undefined;
    if (src && !sources.some((s) => sameSource(s, src))) sources.push(src);
    if (isKind(doc.value, 'kustomize.toolkit.fluxcd.io', 'Kustomization')) {
      kustomizations.push({ obj: doc.value, line: doc.line, index: doc.index });
    }
  }
  // The root is the Kustomization that syncs from a source declared beside it.
  const root =
    kustomizations.find((k) => {
      const ref = sourceRefOf(k.obj, namespace);
      return ref !== undefined && sources.some((s) => sameSource(s, ref));
    }) ?? kustomizations[0];
  // Point at the root Kustomization's spec.path: that is what a person edits when the entry is wrong.
  const line =
    root && (locateInDocument(tree.readText(file), root.index, ['spec', 'path'])?.line ?? root.line);
  let entryPath = bootstrapDir;
  let rootKustomization = { name: namespace, namespace };
  if (root) {
    const rawPath = field(root.obj, 'spec', 'path');
    if (typeof rawPath === 'string' && hasVariable(rawPath)) {
      unresolved.push({
        pattern: variablePattern(rawPath),
        diagnostic: {
          severity: 'warning',
          rule: 'discover-unresolved-path',
          message: `the root Kustomization path '${rawPath}' uses a variable; this entry point is skipped`,
          file,
          ...(line ? { line } : {}),
          hint: 'list the cluster with its path in k8s-ops.yaml',
        },
      });
      return undefined;
    }
    entryPath = typeof rawPath === 'string' ? fluxPath(rawPath) : '';
    rootKustomization = {
      name: text(root.obj, 'metadata', 'name') ?? namespace,
      namespace: text(root.obj, 'metadata', 'namespace') ?? namespace,
    };
    const ref = sourceRefOf(root.obj, namespace);
    if (ref && !sources.some((s) => sameSource(s, ref))) sources.push(ref);
  }
  return {
    name: clusterName(bootstrapDir, true),
    entryPath,
    rootKustomization,
    sources: sources.length > 0 ? sources : [defaultSource(namespace)],
    from: 'bootstrap',
    file,
    ...(line ? { line } : {}),
    variables: {},
    objects: [],
  };
}

export function detectBootstrap(
  tree: RepoTree,
  files: string[],
  diagnostics: Diagnostic[],
  unresolved: UnresolvedEntry[],
): ClusterEntry[] {
  const syncDirs = new Set(files.filter((f) => SYNC.test(f)).map(dirname));
  const markers = files.filter((f) => SYNC.test(f) || (COMPONENTS.test(f) && !syncDirs.has(dirname(f))));
  const out: ClusterEntry[] = [];
  for (const file of markers) {
    const entry = fromSyncFile(tree, file, diagnostics, unresolved);
    if (entry) out.push(entry);
  }
  return out;
}
