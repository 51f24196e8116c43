import { DiagnosticError } from '../core/diagnostic.js';

/**
 * Repository-relative path arithmetic. Paths never escape the root: resolving `..` above
 * it yields undefined so callers can report the escape with the path the user wrote.
 */

/** Normalise a repository-relative path; undefined when it climbs above the root. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      continue;
    }
    out.push(seg);
  }
  return out.join('/');
}

/** Resolve `rel` (relative or root-absolute with a leading '/') against directory `base`. */
export function resolvePath(base: string, rel: string): string | undefined {
  if (rel.startsWith('/')) return undefined;
  return normalizePath(base === '' ? rel : `${base}/${rel}`);
}

export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Display form: the root is shown as '.'. */
export function displayPath(path: string): string {
  return path === '' ? '.' : path;
}

/** The error for reading a path that leaves the root, the same for every tree. */
export function pathEscapeError(path: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'path-escape',
    message: `path '${path}' leads outside the repository root`,
    hint: 'keep every referenced file inside the repository',
  });
}
