/**
 * kustomize prints every built object through encoding/json, which refuses NaN and ±Inf: a
 * `.inf` or `.nan` that reaches the output fails the whole build (`json: unsupported value:
 * +Inf`). A patch may still replace such a value, so the test runs on what a build returns.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';

export const UNSUPPORTED_VALUE_RULE = 'yaml-unsupported-value';

/** Go's name for a number encoding/json refuses. */
export function goNonFinite(n: number): string {
  return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
}

/** Path and value of the first NaN or ±Inf in `value` (keys in source order), iteratively. */
export function findNonFinite(value: JsonValue): { path: (string | number)[]; value: number } | undefined {
  const stack: { v: JsonValue; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: JsonValue; path: (string | number)[] };
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, value: v };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const entries: [string | number, JsonValue][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.keys(v).map((k) => [k, v[k] as JsonValue]);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i] as [string | number, JsonValue];
      if (child !== null && (typeof child === 'object' || typeof child === 'number')) {
        stack.push({ v: child, path: [...path, k] });
      }
    }
  }
  return undefined;
}

function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '.';
}

/**
 * The error kustomize stops with when `obj` (built from `file`) holds NaN or ±Inf; undefined
 * when it prints.
 */
export function unprintableValueError(
  obj: JsonValue,
  where: { file?: string; line?: number },
): DiagnosticError | undefined {
  const found = findNonFinite(obj);
  if (!found) return undefined;
  return new DiagnosticError({
    rule: UNSUPPORTED_VALUE_RULE,
    message: `json: unsupported value: ${goNonFinite(found.value)} at ${fieldPath(found.path)} (kustomize cannot print .inf or .nan)`,
    hint: "quote it ('.inf') if a string is meant; Kubernetes has no infinite or NaN numbers",
    ...(where.file ? { file: where.file } : {}),
    ...(where.line !== undefined ? { line: where.line } : {}),
  });
}
