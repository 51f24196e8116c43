import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

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

/** `target` as a repository-relative POSIX path. */
export function toRepoPath(root: string, target: string, cwd: string): string {
  return relative(root, resolve(cwd, target)).split(sep).join('/');
}
