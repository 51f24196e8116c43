/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` become
 * annotations on the pull request. Escaping follows the runner's rules (actions/toolkit).
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part: `%`, CR and LF are escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubCommand(d: Diagnostic): string {
  const props: string[] = [];
  if (d.file) {
    props.push(`file=${escapeProperty(d.file)}`);
    if (d.line) props.push(`line=${d.line}`);
    if (d.line && d.column) props.push(`col=${d.column}`);
  }
  props.push(`title=${escapeProperty(d.rule)}`);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(message)}`;
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${githubCommand(d)}\n`).join('');
}
