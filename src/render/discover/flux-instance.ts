/**
 * Flux Operator entry points. A FluxInstance with `spec.sync` makes the operator create a
 * source and a Kustomization, both named `sync.name` or, when unset, after the instance's
 * namespace, in that namespace; the Kustomization builds `sync.path` of the source
 * (flux-operator api/v1 Sync). The flux-instance Helm chart renders such a FluxInstance
 * from `values.instance.sync` in the release namespace, and only when `sync.url` is set.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { SOURCE_KINDS, type SourceKind } from '../config.js';
import { locateInDocument } from '../../yaml/parse.js';
import { field, isKind, text } from './object.js';
import { clusterName, fluxPath, hasVariable, variablePattern } from './paths.js';
import { readDocuments, readOrSkip } from './scan.js';
import type { ClusterEntry, EntryForm, UnresolvedEntry } from './types.js';

const INSTANCE_MARKER = /kind["']?\s*:\s*["']?FluxInstance\b/;
const HELMRELEASE_MARKER = /kind["']?\s*:\s*["']?HelmRelease\b/;

interface SyncSpec {
  sync: JsonValue | undefined;
  namespace: string;
  /** Where `sync` sits in the object, for messages and source positions. */
  where: string[];
  defaultKind?: SourceKind;
}

function entryFromSync(
  spec: SyncSpec,
  form: EntryForm,
  file: string,
  line: number,
  diagnostics: Diagnostic[],
  unresolved: UnresolvedEntry[],
): ClusterEntry | undefined {
  const problem = (rule: string, message: string, hint: string) => {
    diagnostics.push({ severity: 'error', rule, message, file, line, hint });
    return undefined;
  };
  const rawPath = field(spec.sync, 'path');
  if (typeof rawPath !== 'string') {
    return problem(
      'discover-flux-instance',
      `${spec.where.join('.')}.path must be a string`,
      'set the repository directory Flux syncs',
    );
  }
  if (hasVariable(rawPath)) {
    const message = `${spec.where.join('.')}.path '${rawPath}' uses a variable; this entry point is skipped`;
    const hint = 'list the cluster with its path in k8s-ops.yaml';
    const diagnostic: Diagnostic = {
      severity: 'warning',
      rule: 'discover-unresolved-path',
      message,
      file,
      line,
      hint,
    };
    unresolved.push({ pattern: variablePattern(rawPath), diagnostic });
    return undefined;
  }
  const kind = text(spec.sync, 'kind') ?? spec.defaultKind;
  if (!kind || !SOURCE_KINDS.includes(kind as SourceKind)) {
    return problem(
      'discover-flux-instance',
      `${spec.where.join('.')}.kind ${kind ? `'${kind}' ` : ''}is not a Flux source kind`,
      `use one of ${SOURCE_KINDS.join(', ')}`,
    );
  }
  const name = text(spec.sync, 'name') ?? spec.namespace;
  const entryPath = fluxPath(rawPath);
  return {
    name: clusterName(entryPath, false),
    entryPath,
    rootKustomization: { name, namespace: spec.namespace },
    // The sync artifact is taken to be this repository from its root.
    sources: [{ kind: kind as SourceKind, namespace: spec.namespace, name, path: '' }],
    from: form,
    file,
    line,
    variables: {},
    objects: [],
  };
}

function fromInstance(obj: JsonObject): SyncSpec | undefined {
  if (!isKind(obj, 'fluxcd.controlplane.io', 'FluxInstance')) return undefined;
  const sync = field(obj, 'spec', 'sync');
  if (sync === undefined || sync === null) return undefined; // installs Flux without syncing
  return { sync, namespace: text(obj, 'metadata', 'namespace') ?? 'flux-system', where: ['spec', 'sync'] };
}

function fromHelmRelease(obj: JsonObject): SyncSpec | undefined {
  if (!isKind(obj, 'helm.toolkit.fluxcd.io', 'HelmRelease')) return undefined;
  const sync = field(obj, 'spec', 'values', 'instance', 'sync');
  // The chart renders spec.sync only when a URL is given.
  if (text(sync, 'url') === undefined || field(sync, 'path') === undefined) return undefined;
  const namespace =
    text(obj, 'spec', 'targetNamespace') ?? text(obj, 'metadata', 'namespace') ?? 'flux-system';
  return { sync, namespace, where: ['spec', 'values', 'instance', 'sync'], defaultKind: 'GitRepository' };
}

export function detectFluxInstances(
  tree: RepoTree,
  files: string[],
  diagnostics: Diagnostic[],
  unresolved: UnresolvedEntry[],
): ClusterEntry[] {
  const out: ClusterEntry[] = [];
  for (const file of files) {
    if (file.endsWith('Kustomization')) continue;
    const source = readOrSkip(() => tree.readText(file), diagnostics);
    if (source === undefined) continue;
    const instance = source.includes('FluxInstance') && INSTANCE_MARKER.test(source);
    const release = source.includes('flux-instance') && HELMRELEASE_MARKER.test(source);
    if (!instance && !release) continue;
    for (const doc of readDocuments(tree, file, diagnostics, 'warning')) {
      if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) continue;
      const fi = instance ? fromInstance(doc.value) : undefined;
      const hr = !fi && release ? fromHelmRelease(doc.value) : undefined;
      const spec = fi ?? hr;
      if (!spec) continue;
      const form: EntryForm = fi ? 'flux-instance' : 'flux-instance-helmrelease';
      // Point at sync.path: that is what a person edits when the entry is wrong.
      const line = locateInDocument(source, doc.index, [...spec.where, 'path'])?.line ?? doc.line;
      const entry = entryFromSync(spec, form, file, line, diagnostics, unresolved);
      if (entry) out.push(entry);
    }
  }
  return out;
}
