/** `k8s-ops check --format json`: the findings and counts, keys in a fixed order. */
import type { Diagnostic } from '../core/diagnostic.js';

export interface CheckJson {
  version: 1;
  summary: { errors: number; warnings: number; infos: number; files: number; clusters: number };
  diagnostics: Diagnostic[];
}

export function checkJson(diagnostics: readonly Diagnostic[], clusters: number): CheckJson {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return {
    version: 1,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      files: new Set(diagnostics.filter((d) => d.file).map((d) => d.file)).size,
      clusters,
    },
    // Rebuilt so the key order does not depend on how each rule built its objects.
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      ...(d.file ? { file: d.file } : {}),
      ...(d.file && d.line ? { line: d.line } : {}),
      ...(d.file && d.line && d.column ? { column: d.column } : {}),
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
}

export function formatCheckJson(diagnostics: readonly Diagnostic[], clusters: number): string {
  return `${JSON.stringify(checkJson(diagnostics, clusters), null, 2)}\n`;
}
