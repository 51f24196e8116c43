/**
 * Go's `filepath.Match` on a `/`-separated system, which `helm template --show-only` matches
 * template paths with: `*` is any run of characters but `/`, `?` one character but `/`,
 * `[…]` / `[^…]` a class of characters and ranges, `\` escapes the next character. A malformed
 * pattern matches nothing (helm ignores Go's ErrBadPattern and treats it as no match).
 */

class BadPattern extends Error {}

// Unicode-mode regular expressions allow escaping syntax characters only (and `-` in a class).
function escapeRegExp(ch: string, inClass = false): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) || (inClass && ch === '-') ? `\\${ch}` : ch;
}

// Go's getEsc: one class character, `\`-escaped or not; `-` and `]` must be escaped here.
function classChar(chars: readonly string[], i: number): [string, number] {
  let ch = chars[i];
  if (ch === undefined || ch === '-' || ch === ']') throw new BadPattern();
  if (ch === '\\') {
    ch = chars[i + 1];
    if (ch === undefined) throw new BadPattern();
    return [ch, i + 2];
  }
  return [ch, i + 1];
}

function translateClass(chars: readonly string[], start: number): [string, number] {
  let i = start;
  let negated = false;
  if (chars[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let ranges = 0;
  for (;;) {
    if (chars[i] === ']' && ranges > 0) return [`[${negated ? '^' : ''}${body}]`, i + 1];
    const [lo, next] = classChar(chars, i);
    i = next;
    let hi = lo;
    if (chars[i] === '-') [hi, i] = classChar(chars, i + 1);
    if (lo.codePointAt(0)! > hi.codePointAt(0)!) throw new BadPattern();
    body += lo === hi ? escapeRegExp(lo, true) : `${escapeRegExp(lo, true)}-${escapeRegExp(hi, true)}`;
    ranges++;
  }
}

function translate(pattern: string): RegExp {
  const chars = [...pattern];
  let out = '';
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    if (ch === '*') {
      out += '[^/]*';
      i++;
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '[') {
      const [cls, next] = translateClass(chars, i + 1);
      out += cls;
      i = next;
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) throw new BadPattern();
      out += escapeRegExp(next);
      i += 2;
    } else {
      out += escapeRegExp(ch);
      i++;
    }
  }
  return new RegExp(`^${out}$`, 'su');
}

/** Whether `name` matches the Go glob `pattern` (false for a malformed pattern). */
export function goPathMatch(pattern: string, name: string): boolean {
  let re: RegExp;
  try {
    re = translate(pattern);
  } catch (e) {
    if (e instanceof BadPattern) return false;
    throw e;
  }
  return re.test(name);
}
