/**
 * Whether a `resources`/`components` entry names a remote target (a git repository or an
 * HTTP URL). kustomize would fetch it; we never touch the network, so callers report it.
 */
const REMOTE_PREFIXES = [
  'https://',
  'http://',
  'git::',
  'git@',
  'ssh://',
  'github.com/',
  'github.com:',
  'gh:',
  'file://',
];

export function isRemoteReference(entry: string): boolean {
  const lower = entry.toLowerCase();
  if (REMOTE_PREFIXES.some((p) => lower.startsWith(p))) return true;
  // Bare host forms such as `gitlab.com/org/repo//path?ref=v1` or `example.com/x.git`.
  return /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?\/.*(\.git|\/\/|\?ref=)/i.test(entry);
}
