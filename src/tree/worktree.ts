import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DiagnosticError } from '../core/diagnostic.js';
import { readFailure } from './io-error.js';
import { normalizePath, pathEscapeError } from './paths.js';
import type { DirEntry, EntryType, RepoTree } from './repo-tree.js';

const decoder = new TextDecoder('utf-8');

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/** The real path of the directory a tree opens on; a DiagnosticError when there is none. */
function rootDirectory(rootDir: string): string {
  let root: string;
  try {
    root = realpathSync(resolve(rootDir));
  } catch {
    throw new DiagnosticError({
      rule: 'missing-file',
      message: `directory '${rootDir}' does not exist`,
      hint: 'give the repository directory',
    });
  }
  if (!statSync(root).isDirectory()) {
    throw new DiagnosticError({
      rule: 'missing-file',
      message: `'${rootDir}' is a file, not a directory`,
      hint: 'give the repository directory',
    });
  }
  return root;
}

/**
 * The working tree on disk, confined to `rootDir`: `..` cannot climb above it and a
 * symlink that points outside it is treated as absent.
 */
export function openWorktree(rootDir: string): RepoTree {
  const root = rootDirectory(rootDir);
  const statCache = new Map<string, EntryType | undefined>();

  const physicalCache = new Map<string, string | undefined>();
  const textCache = new Map<string, string>();
  // Discovery, artifact filtering, generation and the checks all walk the same directories.
  const listCache = new Map<string, readonly DirEntry[]>();

  function physical(path: string): string | undefined {
    if (physicalCache.has(path)) return physicalCache.get(path);
    const result = resolvePhysical(path);
    physicalCache.set(path, result);
    return result;
  }

  function resolvePhysical(path: string): string | undefined {
    const norm = normalizePath(path);
    if (norm === undefined) return undefined;
    const abs = norm === '' ? root : join(root, ...norm.split('/'));
    try {
      // The resolved path covers a symlink at `path` and a symlinked parent directory alike.
      if (!isInside(root, realpathSync(abs))) return undefined;
    } catch {
      return abs; // missing: stat reports it
    }
    return abs;
  }

  function stat(path: string): EntryType | undefined {
    if (statCache.has(path)) return statCache.get(path);
    // Every entry of a listed directory is in the stat cache: anything else there is absent.
    const slash = path.lastIndexOf('/');
    if (path !== '' && listCache.has(slash < 0 ? '' : path.slice(0, slash)) && normalizePath(path) === path) {
      statCache.set(path, undefined);
      return undefined;
    }
    const abs = physical(path);
    let type: EntryType | undefined;
    if (abs !== undefined) {
      try {
        const s = statSync(abs);
        type = s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
      } catch {
        type = undefined;
      }
    }
    statCache.set(path, type);
    return type;
  }

  function requireFile(path: string): string {
    const abs = physical(path);
    if (abs === undefined) {
      throw pathEscapeError(path);
    }
    if (stat(path) !== 'file') {
      throw new DiagnosticError({
        rule: 'missing-file',
        file: path,
        message:
          stat(path) === 'dir' ? `'${path}' is a directory, not a file` : `file '${path}' does not exist`,
      });
    }
    return abs;
  }

  function readFile(path: string): Buffer {
    const abs = requireFile(path);
    try {
      return readFileSync(abs);
    } catch (e) {
      throw readFailure(path, e, 'file');
    }
  }

  function readDirectory(path: string, abs: string) {
    try {
      return readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      throw readFailure(path, e, 'directory');
    }
  }

  return {
    label: root,
    stat,
    readBytes(path) {
      return readFile(path);
    },
    readText(path) {
      // Discovery, the builds and the checks all read the same files: read each once.
      let text = textCache.get(path);
      if (text === undefined) {
        text = decoder.decode(readFile(path));
        textCache.set(path, text);
      }
      return text;
    },
    list(path) {
      const known = listCache.get(path);
      if (known) return known.slice();
      const abs = physical(path);
      if (abs === undefined || stat(path) !== 'dir') {
        throw new DiagnosticError({
          rule: 'missing-file',
          file: path,
          message: `directory '${path}' does not exist`,
        });
      }
      const entries: DirEntry[] = [];
      for (const dirent of readDirectory(path, abs)) {
        const child = path === '' ? dirent.name : `${path}/${dirent.name}`;
        let type: EntryType | undefined;
        if (dirent.isSymbolicLink()) {
          type = stat(child); // may lead outside the root: the full check
        } else {
          // A plain entry of a directory inside the root is inside the root: no extra syscalls.
          type = dirent.isDirectory() ? 'dir' : dirent.isFile() ? 'file' : undefined;
          statCache.set(child, type);
          physicalCache.set(child, join(abs, dirent.name));
        }
        if (type) entries.push({ name: dirent.name, type });
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      listCache.set(path, entries);
      return entries.slice();
    },
  };
}
