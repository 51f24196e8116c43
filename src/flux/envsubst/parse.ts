/**
 * Parser for Flux's envsubst templates (fluxcd/pkg envsubst/parse/parse.go, drone/envsubst
 * fork). Top-level text with `$$` escapes, and `${…}` expressions: `${v}`, `${#v}`, defaults
 * (`= := :- :+ :?`) with nested expressions, substrings, casing, glob trims and replacements.
 * Everything else inside `${` is an error with Flux's exact text.
 */
import {
  type Accept,
  ESC_ALL,
  SCAN_ESCAPE,
  SCAN_IDENT,
  SCAN_LBRACK,
  SCAN_RBRACK,
  Scanner,
} from './scanner.js';

export interface TextNode {
  kind: 'text';
  /** Byte string. */
  value: string;
}

export interface FuncNode {
  kind: 'func';
  /** Variable name (byte string). */
  param: string;
  /** Operator as scanned: '' for `${v}`, '#', ':=', ':', '//', '^^', … */
  op: string;
  args: Node[];
  /** Byte offsets of the whole `${…}` in the input. */
  start: number;
  end: number;
}

export type Node = TextNode | FuncNode;

/** A template that Flux's envsubst rejects; `offset` is the byte offset of the failing `${`. */
export class EnvsubstParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const BAD_SUBSTITUTION = 'bad substitution';
const MISSING_CLOSING_BRACE = 'missing closing brace';
const PARSE_VARIABLE_NAME = 'unable to parse variable name';
const PARSE_FUNC_SUBSTITUTION = 'unable to parse substitution within function';
const PARSE_DEFAULT_FUNCTION = 'unable to parse default function';

const ch = (c: string): number => c.charCodeAt(0);
const IDENT_RE = /[\p{L}\p{Nd}_]/u;

// Go: unicode.IsLetter || unicode.IsDigit || '_'.
function isIdentRune(r: number): boolean {
  if (r < 0x80)
    return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a) || r === 0x5f;
  return IDENT_RE.test(String.fromCodePoint(r));
}

const acceptIdent: Accept = (r) => isIdentRune(r);
const acceptColon: Accept = (r) => r === ch(':');
const acceptOneHash: Accept = (r, i) => r === ch('#') && i === 1;
const acceptNotClosing: Accept = (r) => r !== ch('}');
const acceptHashFunc: Accept = (r, i) => r === ch('#') && i < 3;
const acceptPercentFunc: Accept = (r, i) => r === ch('%') && i < 3;
const acceptDefaultFunc: Accept = (r, i) =>
  (i === 1 && r === ch(':')) ||
  (i === 2 && (r === ch('=') || r === ch('-') || r === ch('?') || r === ch('+')));
const acceptReplaceFunc: Accept = (r, i) =>
  (i === 1 && r === ch('/')) || (i === 2 && (r === ch('/') || r === ch('#') || r === ch('%')));
const acceptOneEqual: Accept = (r, i) => i === 1 && r === ch('=');
const acceptOneColon: Accept = (r, i) => i === 1 && r === ch(':');
const rejectColonClose: Accept = (r) => r !== ch(':') && r !== ch('}');
const acceptSlash: Accept = (r) => r === ch('/');
const acceptNotSlash: Accept = (r) => r !== ch('/');
const acceptCasingFunc: Accept = (r, i) => (r === ch(',') || r === ch('^')) && i < 3;

/** Parses a whole template (byte string); throws EnvsubstParseError. */
export function parseTemplate(input: string): Node[] {
  return new Parser(input).parseAll();
}

class Parser {
  private readonly sc: Scanner;
  /** Where the top-level `${` being parsed starts: errors point there. */
  private exprStart = 0;

  constructor(private readonly input: string) {
    this.sc = new Scanner(input);
  }

  private fail(message: string): never {
    throw new EnvsubstParseError(message, this.exprStart);
  }

  /**
   * Top level (Go's recursive parseAny, iterated so long texts cannot overflow the stack). Text
   * is scanned with indexOf rather than rune by rune; the result is the same: `$$` keeps one `$`,
   * `${` starts an expression, a NUL ends the input (Go's scanner uses rune 0 for end of input).
   */
  parseAll(): Node[] {
    const nodes: Node[] = [];
    const sc = this.sc;
    const buf = this.input;
    const special = /[$\0]/g;
    let pos = 0;
    while (pos < buf.length) {
      if (buf.startsWith('${', pos)) {
        this.exprStart = pos;
        sc.pos = pos + 2;
        nodes.push(this.parseFunc(pos));
        pos = sc.pos;
        continue;
      }
      let text = '';
      let from = pos;
      let end = false;
      for (;;) {
        special.lastIndex = from;
        const m = special.exec(buf);
        if (!m) {
          text += buf.slice(from);
          pos = buf.length;
          break;
        }
        const at = m.index;
        if (buf[at] === '\0') {
          text += buf.slice(from, at);
          end = true;
          break;
        }
        if (buf[at + 1] === '{') {
          text += buf.slice(from, at);
          pos = at;
          break;
        }
        if (buf[at + 1] === '$') {
          text += buf.slice(from, at + 1);
          from = at + 2;
          continue;
        }
        text += buf.slice(from, at + 1);
        from = at + 1;
      }
      if (text !== '') nodes.push({ kind: 'text', value: text });
      if (end) break;
    }
    return nodes;
  }

  /** After `${`. */
  private parseFunc(start: number): FuncNode {
    const sc = this.sc;
    sc.escapeChars = ESC_ALL;
    if (sc.peek() === ch('#')) return this.parseLenFunc(start);

    sc.accept = acceptIdent;
    sc.mode = SCAN_IDENT;
    if (sc.scan() !== 'ident') this.fail(PARSE_VARIABLE_NAME);
    const name = sc.text();

    switch (sc.peek()) {
      case ch(':'):
        return this.parseDefaultOrSubstr(name, start);
      case ch('='):
        return this.parseDefaultFunc(name, start);
      case ch(','):
      case ch('^'):
        return this.parseCasingFunc(name, start);
      case ch('/'):
        return this.parseReplaceFunc(name, start);
      case ch('#'):
        return this.parseRemoveFunc(name, acceptHashFunc, start);
      case ch('%'):
        return this.parseRemoveFunc(name, acceptPercentFunc, start);
    }

    sc.accept = acceptIdent;
    sc.mode = SCAN_RBRACK;
    if (sc.scan() !== 'rbrack') this.fail(MISSING_CLOSING_BRACE);
    return this.node(name, '', [], start);
  }

  private node(param: string, op: string, args: Node[], start: number): FuncNode {
    return { kind: 'func', param, op, args, start, end: this.sc.pos };
  }

  /** One operand: a nested `${…}` or a run of accepted text. */
  private parseParam(accept: Accept, mode: number): Node {
    const sc = this.sc;
    sc.accept = accept;
    sc.mode = mode | SCAN_LBRACK;
    switch (sc.scan()) {
      case 'lbrack':
        return this.parseFunc(sc.start);
      case 'ident':
      case 'rbrack':
        return { kind: 'text', value: sc.text() };
      default:
        return this.fail(PARSE_FUNC_SUBSTITUTION);
    }
  }

  /** Consumes one operator token (`:=`, `##`, `//` …) with `accept`; `error` if there is none. */
  private scanOperator(accept: Accept, error: string): string {
    this.sc.accept = accept;
    this.sc.mode = SCAN_IDENT;
    if (this.sc.scan() !== 'ident') this.fail(error);
    return this.sc.text();
  }

  private parseDefaultOrSubstr(name: string, start: number): FuncNode {
    const sc = this.sc;
    // Go: read(); peek(); unread() — the final unread steps back by the width of the peeked rune.
    sc.read();
    const r = sc.peek();
    sc.unread();
    if (r === ch('=') || r === ch('-') || r === ch('?') || r === ch('+'))
      return this.parseDefaultFunc(name, start);
    return this.parseSubstrFunc(name, start);
  }

  /** `${v:offset}` and `${v:offset:length}`. */
  private parseSubstrFunc(name: string, start: number): FuncNode {
    const sc = this.sc;
    const op = this.scanOperator(acceptOneColon, BAD_SUBSTITUTION);
    const args = [this.parseParam(rejectColonClose, SCAN_IDENT)];
    sc.accept = acceptColon;
    sc.mode = SCAN_IDENT | SCAN_RBRACK;
    const tok = sc.scan();
    if (tok === 'rbrack') return this.node(name, op, args, start);
    if (tok !== 'ident') this.fail(BAD_SUBSTITUTION);
    args.push(this.parseParam(acceptNotClosing, SCAN_IDENT));
    this.consumeRbrack();
    return this.node(name, op, args, start);
  }

  /** `${v#p}` `${v##p}` `${v%p}` `${v%%p}`. */
  private parseRemoveFunc(name: string, accept: Accept, start: number): FuncNode {
    const op = this.scanOperator(accept, BAD_SUBSTITUTION);
    const args = [this.parseParam(acceptNotClosing, SCAN_IDENT)];
    this.consumeRbrack();
    return this.node(name, op, args, start);
  }

  /** `${v/p/r}` `${v//p/r}` `${v/#p/r}` `${v/%p/r}`; `\/`, `\\` and `$$` escapes in p and r. */
  private parseReplaceFunc(name: string, start: number): FuncNode {
    const sc = this.sc;
    const op = this.scanOperator(acceptReplaceFunc, BAD_SUBSTITUTION);
    const args = [this.parseParam(acceptNotSlash, SCAN_IDENT | SCAN_ESCAPE)];
    this.scanOperator(acceptSlash, BAD_SUBSTITUTION);
    if (sc.peek() !== ch('}')) args.push(this.parseParam(acceptNotClosing, SCAN_IDENT | SCAN_ESCAPE));
    this.consumeRbrack();
    return this.node(name, op, args, start);
  }

  /** `${v=d}` `${v:=d}` `${v:-d}` `${v:?d}` `${v:+d}`: default text up to the first `}`. */
  private parseDefaultFunc(name: string, start: number): FuncNode {
    const sc = this.sc;
    const op = this.scanOperator(
      sc.peek() === ch('=') ? acceptOneEqual : acceptDefaultFunc,
      PARSE_DEFAULT_FUNCTION,
    );
    const args: Node[] = [];
    while (sc.peek() !== ch('}')) args.push(this.parseParam(acceptNotClosing, SCAN_IDENT));
    this.consumeRbrack();
    return this.node(name, op, args, start);
  }

  /** `${v^}` `${v^^}` `${v,}` `${v,,}`. */
  private parseCasingFunc(name: string, start: number): FuncNode {
    const op = this.scanOperator(acceptCasingFunc, BAD_SUBSTITUTION);
    this.consumeRbrack();
    return this.node(name, op, [], start);
  }

  /** `${#v}`. */
  private parseLenFunc(start: number): FuncNode {
    const op = this.scanOperator(acceptOneHash, BAD_SUBSTITUTION);
    const name = this.scanOperator(acceptIdent, BAD_SUBSTITUTION);
    this.consumeRbrack();
    return this.node(name, op, [], start);
  }

  private consumeRbrack(): void {
    this.sc.mode = SCAN_RBRACK;
    if (this.sc.scan() !== 'rbrack') this.fail(BAD_SUBSTITUTION);
  }
}
