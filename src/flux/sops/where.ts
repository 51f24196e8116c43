import { DiagnosticError } from '../../core/diagnostic.js';

/** Where the SOPS document came from, for diagnostics. */
export interface SopsWhere {
  file?: string;
  line?: number;
  /** e.g. `Secret/ns/name`, prefixed to messages. */
  subject?: string;
}

export function sopsError(
  where: SopsWhere,
  message: string,
  hint?: string,
  rule = 'sops-decrypt',
): DiagnosticError {
  const prefix = where.subject ? `${where.subject}: ` : '';
  return new DiagnosticError({
    rule,
    message: `${prefix}${message}`,
    ...(hint ? { hint } : {}),
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.line !== undefined ? { line: where.line } : {}),
  });
}
