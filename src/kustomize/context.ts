import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { parseYamlDocuments } from '../yaml/parse.js';
import type { ParsedDoc } from './load-resources.js';

/**
 * Parsed files shared by every build in one run: shared bases are read and parsed once.
 * Callers must clone documents before mutating them.
 */
export interface BuildCache {
  docs: Map<string, ParsedDoc[] | DiagnosticError>;
}

export function newBuildCache(): BuildCache {
  return { docs: new Map() };
}

export interface BuildContext {
  tree: RepoTree;
  cache: BuildCache;
  /** Directories being built, outermost first: kustomize's loader rejects cycles through them. */
  stack: string[];
  /** The top-level kustomization's buildMetadata, which kustomize imposes on every nested one. */
  buildMetadata: string[];
}

/** Parse (once per run) the YAML documents of a repository file. */
export function readDocuments(ctx: BuildContext, path: string): ParsedDoc[] {
  const cached = ctx.cache.docs.get(path);
  if (cached instanceof DiagnosticError) throw cached;
  if (cached) return cached;
  try {
    const docs = parseYamlDocuments(ctx.tree.readText(path), path).map((d) => ({ value: d.value, line: d.line }));
    ctx.cache.docs.set(path, docs);
    return docs;
  } catch (e) {
    if (e instanceof DiagnosticError) ctx.cache.docs.set(path, e);
    throw e;
  }
}

export function cloneDocs(docs: readonly ParsedDoc[]): ParsedDoc[] {
  return docs.map((d) => ({ value: structuredClone(d.value) as JsonValue, line: d.line }));
}
