/**
 * Bounds on what one YAML document may cost. go-yaml stops at 10,000 levels of nesting and
 * at excessive aliasing (finalize.ts); the JavaScript parsers here recurse once per level on a
 * stack far smaller than Go's, so the nesting bound is lower, and a document larger than the
 * Kubernetes API server accepts in one request is refused before it is parsed.
 */
import { DiagnosticError } from '../core/diagnostic.js';

/** Collections one document may nest (go-yaml: 10,000). */
export const MAX_YAML_DEPTH = 500;

/** Bytes of one YAML document (the API server takes at most 3 MiB per request). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export const YAML_LIMIT_RULE = 'yaml-limit';

export interface LimitPlace {
  file?: string;
  line?: number;
  column?: number;
}

export function depthLimitError(at: LimitPlace): DiagnosticError {
  return new DiagnosticError({
    rule: YAML_LIMIT_RULE,
    message: `yaml: nesting deeper than ${MAX_YAML_DEPTH} levels (k8s-ops's limit; go-yaml stops at 10000)`,
    hint: 'flatten the structure; no Kubernetes object needs this depth',
    ...at,
  });
}

/** Whether js-yaml stopped at its maxDepth (which parse.ts and parse-yaml11.ts set from MAX_YAML_DEPTH). */
export function isDepthReason(reason: string | undefined): boolean {
  return reason !== undefined && reason.startsWith('nesting exceeded maxDepth');
}

/**
 * js-yaml's maxDepth counts nodes as it recurses, a scalar at the bottom and compact block
 * sequences (`- - x`) included, so it is set a little above the bound; the exact count of
 * collections is taken on what it returns.
 */
export const JS_YAML_MAX_DEPTH = MAX_YAML_DEPTH + 2;

/** Whether `value` nests more than MAX_YAML_DEPTH collections (iterative: it may nest deeper than the stack allows). */
export function nestsTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_YAML_DEPTH) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** UTF-8 size of `text` when it is over `limit`; counted only when it may be (a UTF-16 unit is 1–3 bytes). */
export function sizeOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

export function documentSizeError(bytes: number, at: LimitPlace): DiagnosticError {
  const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return new DiagnosticError({
    rule: YAML_LIMIT_RULE,
    message: `yaml: document of ${mib(bytes)} MiB is over the ${mib(MAX_DOCUMENT_BYTES)} MiB limit for one YAML document`,
    hint: 'split it into several objects (the Kubernetes API server refuses objects over 3 MiB), or keep large data out of the repository',
    ...at,
  });
}
