import { normalizePath } from '../tree/paths.js';

/**
 * kustomize's `config.kubernetes.io/origin` annotation (buildMetadata: [originAnnotations]):
 * where a resource came from, relative to the kustomization being built.
 */
export interface Origin {
  /** Path relative to the top-level kustomization directory, may start with `..`. */
  path: string;
}

/** filepath.Join semantics on relative paths: cleaned, `..` kept when it climbs above the start. */
export function joinOriginPath(base: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of `${base}/${rel}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/') || (normalizePath('') ?? '');
}

export function resourceOriginAnnotation(path: string): string {
  return `path: ${quoteIfNeeded(path)}\n`;
}

export function generatorOriginAnnotation(configuredIn: string, kind: string): string {
  return `configuredIn: ${quoteIfNeeded(configuredIn)}\nconfiguredBy:\n  apiVersion: builtin\n  kind: ${kind}\n`;
}

/** Paths are plain YAML scalars unless they would read as something else. */
function quoteIfNeeded(s: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(s) && !/^[-.]?\d/.test(s) ? s : JSON.stringify(s);
}
