/** `k8s-ops check` for people: findings grouped by file, a hint under each, one summary line. */
import type { Diagnostic, Severity } from '../core/diagnostic.js';

export interface CheckTextOptions {
  /** ANSI colours (the CLI decides: a terminal, and NO_COLOR unset). */
  color: boolean;
  /** How many clusters were checked, for the summary. */
  clusters: number;
  /** List errors only (the summary still counts everything). */
  quiet?: boolean;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'cyan' };

function paint(on: boolean, style: keyof typeof ANSI, text: string): string {
  return on ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file:line:col`, as far as known; repository-level findings have no file. */
export function locationText(d: Diagnostic): string {
  if (!d.file) return '(repository)';
  return `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`;
}

/** `N errors, M warnings in K files (C clusters)`; infos are counted only when there are some. */
export function checkSummary(diagnostics: readonly Diagnostic[], clusters: number): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const files = new Set(diagnostics.filter((d) => d.file).map((d) => d.file)).size;
  const infos = count('info');
  return (
    `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}` +
    `${infos ? `, ${plural(infos, 'info')}` : ''} in ${plural(files, 'file')} (${plural(clusters, 'cluster')})`
  );
}

/** Diagnostics must come sorted (runChecks sorts them); a blank line separates files. */
export function formatCheckText(diagnostics: readonly Diagnostic[], options: CheckTextOptions): string {
  const c = options.color;
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of shown) {
    const file = d.file || '';
    if (lines.length > 0 && file !== previousFile) lines.push('');
    previousFile = file;
    const severity = paint(c, SEVERITY_COLOR[d.severity], d.severity.padEnd(7));
    lines.push(`${paint(c, 'bold', locationText(d))}  ${severity}  ${paint(c, 'dim', d.rule)}  ${d.message}`);
    if (d.hint) lines.push(`    ${paint(c, 'dim', `hint: ${d.hint}`)}`);
  }
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  if (options.quiet && !hasErrors) return lines.length ? `${lines.join('\n')}\n` : '';
  if (lines.length > 0) lines.push('');
  lines.push(checkSummary(diagnostics, options.clusters));
  return `${lines.join('\n')}\n`;
}
