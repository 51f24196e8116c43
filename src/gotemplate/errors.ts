/**
 * Template errors with Go's exact texts. Go builds each message in two passes (the location
 * is spliced into the format, then the arguments are applied), so a `%` in a template name is
 * read as a verb exactly as Go reads it; we do the same through Go's own Sprintf.
 */
import { sprintf } from './fmt.js';
import { utf8Length } from './strconv.js';
import { goInt, type GoValue } from './value.js';

/** Which execution budget an error reports, when it is one (see `TemplateLimits`). */
export type TemplateLimit = 'depth' | 'output' | 'steps';

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'exec',
    /** The file (parse name) the error points into. */
    readonly template: string,
    readonly line: number,
    /** Go's column: a 0-based byte offset in the line (0 for parse errors, which have none). */
    readonly column: number,
    /** Set when the error is an exceeded execution budget rather than a template mistake. */
    readonly limit?: TemplateLimit,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Line (1-based) and Go column (0-based byte offset) of UTF-16 offset `pos` in `text`. */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: utf8Length(text.slice(lineStart, pos)) };
}

/** `template: NAME:LINE: MSG`, the parser's error. */
export function parseError(
  parseName: string,
  line: number,
  format: string,
  args: readonly GoValue[],
): TemplateError {
  const full = sprintf('template: %s:%d: %s', [parseName, goInt(line), format]);
  return new TemplateError(sprintf(full, args), 'parse', parseName, line, 0);
}

/** strings.ReplaceAll(s, "%", "%%"): what Go does to the names it splices into a format. */
export function doublePercent(s: string): string {
  return s.replaceAll('%', '%%');
}
