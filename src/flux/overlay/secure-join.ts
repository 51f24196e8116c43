/**
 * securejoin.SecureJoin(root, path) for repository-relative paths: `..` cannot climb above
 * the root and an absolute path is taken relative to it (`/x` ≡ `x`, `../../x` ≡ `x`).
 */
export function secureJoin(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
