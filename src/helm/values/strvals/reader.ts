/**
 * The rune reader strvals parses from (Go's bytes.Buffer: ReadRune, UnreadRune) and its
 * `runesUntil`, plus the error value its functions return. strvals tells "the input ended"
 * (io.EOF, also when wrapped) from real errors: the first ends a flag quietly, the second fails
 * it, so errors here are values that carry that distinction, as Go's do.
 */

/** End of input, as Go's ReadRune reports it (the rune is then 0). */
export const EOF = -1;

export class RuneReader {
  private pos = 0;
  private last = 0;

  constructor(private readonly text: string) {}

  readRune(): number {
    if (this.pos >= this.text.length) {
      this.last = 0;
      return EOF;
    }
    const r = this.text.codePointAt(this.pos) as number;
    this.last = r > 0xffff ? 2 : 1;
    this.pos += this.last;
    return r;
  }

  /** Steps back over the rune just read (only one, as bytes.Buffer allows). */
  unreadRune(): void {
    this.pos -= this.last;
    this.last = 0;
  }

  /** What is left to read. */
  rest(): string {
    return this.text.slice(this.pos);
  }

  /** Consumes `units` UTF-16 code units of {@link rest}. */
  skip(units: number): void {
    this.pos = Math.min(this.text.length, this.pos + units);
    this.last = 0;
  }
}

/** An error as strvals returns it; `eof` when it is io.EOF or wraps it. */
export interface SetError {
  readonly message: string;
  readonly eof: boolean;
  /** What the user can write instead (ours: helm prints none). */
  readonly hint?: string;
}

export const EOF_ERROR: SetError = { message: 'EOF', eof: true };

export function setError(message: string, hint?: string): SetError {
  return { message, eof: false, hint };
}

/** fmt.Errorf("prefix: %w", err): the message grows, the EOF-ness and hint stay. */
export function wrapError(prefix: string, err: SetError): SetError {
  return { message: `${prefix}: ${err.message}`, eof: err.eof, hint: err.hint };
}

export interface Runes {
  /** The runes read, backslash escapes resolved when asked. */
  text: string;
  /** The stop rune that ended the read, or {@link EOF}. */
  last: number;
}

/**
 * Reads up to (and consuming) the first rune of `stop`, or to the end of input. With `escapes`,
 * a backslash takes the next rune literally (strvals' runesUntil; the literal parser has none).
 */
export function runesUntil(reader: RuneReader, stop: ReadonlySet<number>, escapes = true): Runes {
  let text = '';
  for (;;) {
    const r = reader.readRune();
    if (r === EOF) return { text, last: EOF };
    if (stop.has(r)) return { text, last: r };
    if (escapes && r === 0x5c) {
      const next = reader.readRune();
      if (next === EOF) return { text, last: EOF };
      text += String.fromCodePoint(next);
      continue;
    }
    text += String.fromCodePoint(r);
  }
}

export function runeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.codePointAt(0) as number));
}

// unicode.IsSpace: Latin-1 spaces plus the White_Space property (not U+FEFF, unlike JS's trim).
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

export function isGoSpace(r: number): boolean {
  return r !== EOF && GO_SPACE.test(String.fromCodePoint(r));
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  const chars = [...s];
  let start = 0;
  let end = chars.length;
  while (start < end && isGoSpace(chars[start]!.codePointAt(0)!)) start++;
  while (end > start && isGoSpace(chars[end - 1]!.codePointAt(0)!)) end--;
  return chars.slice(start, end).join('');
}
