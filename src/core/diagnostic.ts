export type Severity = 'error' | 'warning' | 'info';

/** Where something is in the repository: a path relative to the repository root, 1-based line/column. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `yaml-syntax`, `kustomize-build`. */
  rule: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
}

/**
 * A problem in the user's input that stops the current unit of work (a kustomize build,
 * a file parse). Stages throw it; callers turn it into a Diagnostic, never a stack trace.
 */
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Omit<Diagnostic, 'severity'> & { severity?: Severity }) {
    super(diagnostic.message);
    this.name = 'DiagnosticError';
    this.diagnostic = { severity: 'error', ...diagnostic };
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${where}${d.severity}: ${d.message} [${d.rule}]${hint}`;
}
