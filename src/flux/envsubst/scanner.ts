/**
 * The token scanner of Flux's envsubst (fluxcd/pkg envsubst/parse, a drone/envsubst fork).
 * The parser switches the scanner's mode and accept function for every piece of syntax; its
 * quirks (what ends a default, which escapes work where) all follow from this machinery, so we
 * keep the same shape. Input is a byte string (see bytes.ts); positions are byte offsets.
 */
import { decodeRune } from './bytes.js';

/** End of input. Go's scanner uses rune 0, so a NUL character also ends scanning. */
export const EOF = 0;

/** Accepts rune `r` as the `i`-th byte (1-based) of the current token. */
export type Accept = (r: number, i: number) => boolean;

// Mode bits: which tokens scan() may recognise.
export const SCAN_IDENT = 1;
export const SCAN_LBRACK = 2;
export const SCAN_RBRACK = 4;
export const SCAN_ESCAPE = 8;

// Escape bits: `$$` → `$`, and `\/` → `/`, `\\` → `\`. Only replace operands scan escapes (all
// of them); top-level text is scanned by the parser itself.
const ESC_DOLLAR = 1;
const ESC_BACKSLASH = 2;
export const ESC_ALL = ESC_DOLLAR | ESC_BACKSLASH;

export type Token = 'illegal' | 'eof' | 'ident' | 'lbrack' | 'rbrack';

const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;

export class Scanner {
  pos = 0;
  start = 0;
  mode = 0;
  escapeChars = 0;
  accept: Accept = () => true;
  private width = 0;
  /** Offsets of escape characters dropped from the current token. */
  private dropped: number[] = [];

  constructor(private readonly buf: string) {}

  read(): number {
    if (this.pos >= this.buf.length) {
      this.width = 0;
      return EOF;
    }
    const [r, w] = decodeRune(this.buf, this.pos);
    this.width = w;
    this.pos += w;
    return r;
  }

  /** Steps back over the last rune read (Go's quirk: the width of the *last* read, whatever it was). */
  unread(): void {
    this.pos -= this.width;
  }

  peek(): number {
    const r = this.read();
    this.unread();
    return r;
  }

  /** Text of the token just scanned, escapes removed. */
  text(): string {
    if (this.dropped.length === 0) return this.buf.slice(this.start, this.pos);
    let out = '';
    let from = this.start;
    for (const at of this.dropped) {
      out += this.buf.slice(from, at);
      from = at + 1;
    }
    return out + this.buf.slice(from, this.pos);
  }

  scan(): Token {
    this.start = this.pos;
    this.dropped = [];
    const r = this.read();
    if (r === EOF) return 'eof';
    if (this.scanLbrack(r)) return 'lbrack';
    if (this.scanRbrack(r)) return 'rbrack';
    if (this.scanIdent(r)) return 'ident';
    return 'illegal';
  }

  /** Byte index of the current position within the token, as Go counts it (escapes removed). */
  private index(): number {
    return this.pos - this.start - this.dropped.length;
  }

  private scanIdent(first: number): boolean {
    if ((this.mode & SCAN_IDENT) === 0) return false;
    if (this.scanEscaped(first)) this.skip();
    else if (!this.accept(first, this.index())) return false;
    for (;;) {
      const r = this.read();
      if (r === EOF) {
        this.unread();
        break;
      }
      if (this.scanLbrack(r)) {
        this.unread();
        this.unread();
        break;
      }
      if (this.scanEscaped(r)) {
        this.skip();
        continue;
      }
      if (!this.accept(r, this.index())) {
        this.unread();
        break;
      }
    }
    return true;
  }

  private scanLbrack(r: number): boolean {
    if ((this.mode & SCAN_LBRACK) === 0 || r !== DOLLAR) return false;
    if (this.read() === LBRACE) return true;
    this.unread();
    return false;
  }

  private scanRbrack(r: number): boolean {
    return (this.mode & SCAN_RBRACK) !== 0 && r === RBRACE;
  }

  private scanEscaped(r: number): boolean {
    if ((this.mode & SCAN_ESCAPE) === 0) return false;
    if (r === DOLLAR && (this.escapeChars & ESC_DOLLAR) !== 0 && this.peek() === DOLLAR) return true;
    if (r === BACKSLASH && (this.escapeChars & ESC_BACKSLASH) !== 0) {
      const next = this.peek();
      return next === SLASH || next === BACKSLASH;
    }
    return false;
  }

  /** Drops the escape character just read and keeps the (one-byte) character it escapes. */
  private skip(): void {
    this.dropped.push(this.pos - 1);
    this.pos += 1;
  }
}
