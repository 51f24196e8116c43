/** fluxcd/pkg IsLocalRelativePath: what `spec.components` entries must be. */

const REMOTE_PREFIXES = [
  'git::',
  'gh:',
  'ssh://',
  'https://',
  'http://',
  'git@',
  'github.com:',
  'github.com/',
];

export function isLocalRelativePath(path: string): boolean {
  const lower = path.toLowerCase();
  if (REMOTE_PREFIXES.some((p) => lower.startsWith(p) && path.length > p.length)) return false;
  if (path.startsWith('/')) return false;
  // file:///abs is absolute; file://rel is accepted as local
  if (lower.startsWith('file://') && path.slice('file://'.length).startsWith('/')) return false;
  return true;
}
