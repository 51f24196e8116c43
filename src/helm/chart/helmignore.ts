/**
 * `.helmignore` as helm's ignore package reads it: one pattern a line, `#` comments, `!`
 * negation, a trailing `/` for folders only, a leading `/` or an inner `/` to match the path
 * from the chart root, otherwise the base name; `**` is refused. Patterns use Go's
 * filepath.Match syntax.
 */
import { DiagnosticError } from '../../core/diagnostic.js';

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  /** Match against the whole path (true) or the base name. */
  whole: boolean;
  re: RegExp;
}

export interface IgnoreRules {
  ignores(path: string, isDir: boolean): boolean;
}

// filepath.Match: `*` and `?` never match `/`; `[...]` classes with `^` negation; `\` escapes.
function matchRegExp(pattern: string): RegExp | undefined {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      const next = pattern[++i];
      if (next === undefined) return undefined;
      out += next.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|/]/g, '\\$&');
  }
  return new RegExp(`${out}$`, 's');
}

/** helm always ignores these, besides what the chart lists. */
const DEFAULTS = ['templates/.?*'];

export function parseHelmignore(text: string, file: string): IgnoreRules {
  const rules: Rule[] = [];
  for (const [n, raw] of [...DEFAULTS, ...text.split('\n')].entries()) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = { rule: 'helm-chart-invalid', file, line: n - DEFAULTS.length + 1 };
    if (line.includes('**')) {
      throw new DiagnosticError({
        ...where,
        message: 'double-star (**) syntax is not supported',
        hint: 'list the folders in .helmignore one by one',
      });
    }
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const rooted = line.startsWith('/');
    if (rooted) line = line.slice(1);
    const re = matchRegExp(line);
    if (!re)
      throw new DiagnosticError({
        ...where,
        message: `syntax error in pattern ${JSON.stringify(raw.trim())}`,
        hint: 'fix the pattern in .helmignore',
      });
    rules.push({ negate, dirOnly, whole: rooted || line.includes('/'), re });
  }
  return {
    ignores(path: string, isDir: boolean): boolean {
      if (path === '' || path === '.') return false;
      const base = path.slice(path.lastIndexOf('/') + 1);
      for (const r of rules) {
        const hit = r.re.test(r.whole ? path : base);
        // A negated rule ignores everything it does not match (helm's reading of `!`).
        if (r.negate) {
          if (r.dirOnly && !isDir) return true;
          if (!hit) return true;
          continue;
        }
        if (r.dirOnly && !isDir) continue;
        if (hit) return true;
      }
      return false;
    },
  };
}
