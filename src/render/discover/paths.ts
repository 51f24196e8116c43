/**
 * Path rules for entry points. Flux joins `spec.path` to the artifact root with
 * securejoin: `..` cannot climb above the root and a leading `/` means the root.
 */
import { basename } from '../../tree/paths.js';

/** A Flux `path` as the repository-relative directory Flux reads. */
export function fluxPath(raw: string): string {
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** True when the path still holds a `${VAR}` that only the live cluster can fill in. */
export function hasVariable(raw: string): boolean {
  return raw.includes('${');
}

/**
 * The cluster name for a directory: the segment after the last `clusters/` in the path
 * (`clusters/prod/config` ⇒ prod, `kubernetes/clusters/apps` ⇒ apps); otherwise the
 * directory's own name when `useBasename`, else `default`.
 */
export function clusterName(dir: string, useBasename: boolean): string {
  const segs = dir === '' ? [] : dir.split('/');
  for (let i = segs.length - 2; i >= 0; i--) {
    if (segs[i] === 'clusters') return segs[i + 1] as string;
  }
  return useBasename && dir !== '' ? basename(dir) : 'default';
}

/**
 * The directories a path with variables could stand for, as a pattern over Flux paths:
 * each `${...}` matches within one path segment.
 */
export function variablePattern(raw: string): RegExp {
  const parts = fluxPath(raw).split(/\$\{[^}]*\}/);
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]*')}$`);
}
