import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from './usage-error.js';

/** The repository a path belongs to: the nearest ancestor holding `.git`, else the working directory or the path itself. */
export function findRepoRoot(target: string, cwd: string): string {
  const abs = resolve(cwd, target);
  for (let dir = abs; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  const rel = relative(cwd, abs);
  const insideCwd = rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  return insideCwd ? resolve(cwd) : abs;
}

/**
 * The repository a command works on: `--root` when given (relative to the working directory),
 * which must be a directory, else the repository around the working directory.
 */
export function repositoryRoot(root: string | undefined, cwd: string): string {
  if (root === undefined) return findRepoRoot('.', cwd);
  const abs = resolve(cwd, root);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new UsageError(`--root ${root}: no such directory`);
  }
  if (!isDir) throw new UsageError(`--root ${root}: not a directory (give the repository's top directory)`);
  return abs;
}

/** `target` as a repository-relative POSIX path. */
export function toRepoPath(root: string, target: string, cwd: string): string {
  return relative(root, resolve(cwd, target)).split(sep).join('/');
}
