import { DiagnosticError } from '../core/diagnostic.js';
import { basename, dirname, normalizePath } from './paths.js';
import type { DirEntry, EntryType, RepoTree } from './repo-tree.js';

const encoder = new TextEncoder();

/**
 * A RepoTree that serves some files from memory on top of another tree: how a Flux
 * Kustomization's rewritten or generated kustomization file is seen by the kustomize build
 * without writing anything. Overlay files win over base entries of the same path; their
 * parent directories exist even when the base has none.
 */
export function overlayTree(
  base: RepoTree,
  files: ReadonlyMap<string, string>,
  label = base.label,
): RepoTree {
  const texts = new Map<string, string>();
  const dirs = new Map<string, Map<string, EntryType>>();
  for (const [raw, text] of files) {
    const path = normalizePath(raw);
    if (path === undefined || path === '') throw new Error(`invalid overlay path '${raw}'`);
    texts.set(path, text);
    let child = path;
    let type: EntryType = 'file';
    while (child !== '') {
      const parent = dirname(child);
      const entries = dirs.get(parent) ?? new Map<string, EntryType>();
      entries.set(basename(child), type);
      dirs.set(parent, entries);
      child = parent;
      type = 'dir';
    }
  }

  function stat(path: string): EntryType | undefined {
    if (texts.has(path)) return 'file';
    if (dirs.has(path)) return 'dir';
    return base.stat(path);
  }

  function text(path: string): string | undefined {
    return texts.get(path);
  }

  return {
    label,
    stat,
    readBytes(path) {
      const t = text(path);
      return t === undefined ? base.readBytes(path) : encoder.encode(t);
    },
    readText(path) {
      const t = text(path);
      return t === undefined ? base.readText(path) : t;
    },
    // in-memory files must never be cached: another view of the repository has the original
    cacheKey(path) {
      if (texts.has(path)) return undefined;
      return base.cacheKey ? base.cacheKey(path) : path;
    },
    list(path) {
      const extra = dirs.get(path);
      if (!extra) return base.list(path);
      const merged = new Map<string, EntryType>();
      if (base.stat(path) === 'dir') for (const e of base.list(path)) merged.set(e.name, e.type);
      for (const [name, type] of extra) merged.set(name, type);
      const entries: DirEntry[] = [...merged].map(([name, type]) => ({ name, type }));
      return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}

/** A tree with no files at all; with overlayTree it makes an in-memory tree. */
export function emptyTree(label = '<empty>'): RepoTree {
  const missing = (path: string): never => {
    throw new DiagnosticError({ rule: 'missing-file', file: path, message: `file '${path}' does not exist` });
  };
  return {
    label,
    stat: (path) => (path === '' ? 'dir' : undefined),
    readBytes: missing,
    readText: missing,
    list(path) {
      if (path === '') return [];
      throw new DiagnosticError({
        rule: 'missing-file',
        file: path,
        message: `directory '${path}' does not exist`,
      });
    },
  };
}

/** An in-memory tree of text files, keyed by repository-relative path. */
export function memoryTree(files: Readonly<Record<string, string>>, label = '<memory>'): RepoTree {
  return overlayTree(emptyTree(label), new Map(Object.entries(files)), label);
}
