/**
 * Whether a path that a repository's configuration names stays inside the repository: it is
 * resolved against the root, then symbolic links of the part that exists are resolved, and
 * the result must lie below the root's real path. A directory k8s-ops will write into must
 * also not be inside `.git` nor hold symbolic links through which a write could leave.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type Confined = { ok: true; path: string } | { ok: false; path: string; why: string };

/** `path` with the symbolic links of its deepest existing ancestor resolved. */
function realTarget(path: string): string {
  const rest: string[] = [];
  let head = path;
  for (;;) {
    try {
      return join(realpathSync(head), ...rest);
    } catch {
      const parent = dirname(head);
      if (parent === head) return path;
      rest.unshift(basename(head));
      head = parent;
    }
  }
}

function within(root: string, target: string): string | undefined {
  const rel = relative(root, target);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel;
}

// A cache is a few thousand files at most; a bigger tree is not searched, it is refused.
const WALK_LIMIT = 20_000;

/** True when `dir` holds a symbolic link anywhere below it, or too many entries to tell. */
function holdsLink(dir: string): boolean {
  let seen = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue; // not a directory (or unreadable): nothing is written through it
    }
    for (const e of entries) {
      if (++seen > WALK_LIMIT || e.isSymbolicLink()) return true;
      if (e.isDirectory()) stack.push(join(d, e.name));
    }
  }
  return false;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export function confinedPath(root: string, raw: string, writable: boolean): Confined {
  const path = resolve(root, raw);
  const realRoot = realTarget(resolve(root));
  const rel = within(realRoot, realTarget(path));
  if (rel === undefined) return { ok: false, path, why: 'it leads outside the repository' };
  if (!writable) return { ok: true, path };
  if (rel.split(sep)[0] === '.git') return { ok: false, path, why: 'the cache would be written inside .git' };
  if (isLink(path) || holdsLink(path)) {
    return {
      ok: false,
      path,
      why: 'the cache holds symbolic links, through which writes could leave the repository',
    };
  }
  return { ok: true, path };
}
