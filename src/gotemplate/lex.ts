/**
 * The template lexer, a state machine that follows Go's text/template/parse lexer step by step
 * (trim markers, comments, newlines inside actions, number scanning), so that tokens, their
 * positions and its error texts are Go's. Positions are UTF-16 offsets into the source; error
 * columns are converted to Go's byte columns when an error is reported.
 */
import { isPrint, quote } from './go-quote.js';
import {
  countNewlines,
  EOF,
  formatCharU,
  hasLeftTrimMarker,
  hasRightTrimMarker,
  isAlphaNumeric,
  isSpace,
  isSpaceChar,
  Item,
  KEYWORDS,
  LEFT_COMMENT,
  LEFT_DELIM,
  RIGHT_COMMENT,
  RIGHT_DELIM,
  TRIM_MARKER_LEN,
  type ItemType,
  type LexOptions,
  type Token,
} from './tokens.js';

export { Item, type ItemType, type LexOptions, type Token } from './tokens.js';

type State =
  | 'text'
  | 'leftDelim'
  | 'comment'
  | 'rightDelim'
  | 'insideAction'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'char'
  | 'number'
  | 'quote'
  | 'rawQuote'
  | null;

export class Lexer {
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private insideAction = false;
  private item: Token = { typ: Item.EOF, pos: 0, val: 'EOF', line: 1 };

  constructor(
    private input: string,
    private readonly options: LexOptions,
  ) {}

  /** The next token; after an error or EOF, EOF forever. */
  nextItem(): Token {
    this.item = { typ: Item.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: State = this.insideAction ? 'insideAction' : 'text';
    while (state !== null) state = this.step(state);
    return this.item;
  }

  private step(state: Exclude<State, null>): State {
    switch (state) {
      case 'text':
        return this.lexText();
      case 'leftDelim':
        return this.lexLeftDelim();
      case 'comment':
        return this.lexComment();
      case 'rightDelim':
        return this.lexRightDelim();
      case 'insideAction':
        return this.lexInsideAction();
      case 'space':
        return this.lexSpace();
      case 'identifier':
        return this.lexIdentifier();
      case 'field':
        return this.lexFieldOrVariable(Item.Field);
      case 'variable':
        return this.atTerminator() ? this.emit(Item.Variable) : this.lexFieldOrVariable(Item.Variable);
      case 'char':
        return this.lexQuoted("'", 'unterminated character constant', Item.CharConstant);
      case 'number':
        return this.lexNumber();
      case 'quote':
        return this.lexQuoted('"', 'unterminated quoted string', Item.String);
      case 'rawQuote':
        return this.lexRawQuote();
    }
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) as number;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 0x0a) this.line++;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    if (this.atEOF || this.pos === 0) return;
    const c = this.input.charCodeAt(this.pos - 1);
    const pair = c >= 0xdc00 && c <= 0xdfff && this.pos >= 2;
    const hi = pair ? this.input.charCodeAt(this.pos - 2) : 0;
    this.pos -= pair && hi >= 0xd800 && hi <= 0xdbff ? 2 : 1;
    if (c === 0x0a) this.line--;
  }

  private thisItem(typ: ItemType): Token {
    const item = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return item;
  }

  private emit(typ: ItemType): State {
    this.item = this.thisItem(typ);
    return null;
  }

  private emitItem(item: Token): State {
    this.item = item;
    return null;
  }

  /** Skips the pending input, counting the newlines in it. */
  private ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  private accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  private errorf(message: string): State {
    this.item = { typ: Item.Error, pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  private lexText(): State {
    const x = this.input.indexOf(LEFT_DELIM, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(this.input, this.pos + LEFT_DELIM.length)) {
          let i = this.pos;
          while (i > this.start && isSpaceChar(this.input.charCodeAt(i - 1))) i--;
          trim = this.pos - i;
        }
        this.pos -= trim;
        this.line += countNewlines(this.input, this.start, this.pos);
        const item = this.thisItem(Item.Text);
        this.pos += trim;
        this.ignore();
        if (item.val.length > 0) return this.emitItem(item);
      }
      return 'leftDelim';
    }
    this.pos = this.input.length;
    if (this.pos > this.start) {
      this.line += countNewlines(this.input, this.start, this.pos);
      return this.emit(Item.Text);
    }
    return this.emit(Item.EOF);
  }

  /** Whether the input is at `}}`, possibly preceded by a ` -` trim marker. */
  private atRightDelim(): { delim: boolean; trim: boolean } {
    const s = this.input;
    if (hasRightTrimMarker(s, this.pos) && s.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)) {
      return { delim: true, trim: true };
    }
    return { delim: s.startsWith(RIGHT_DELIM, this.pos), trim: false };
  }

  private skipLeadingSpace(): void {
    while (this.pos < this.input.length && isSpaceChar(this.input.charCodeAt(this.pos))) this.pos++;
  }

  private lexLeftDelim(): State {
    this.pos += LEFT_DELIM.length;
    const after = hasLeftTrimMarker(this.input, this.pos) ? TRIM_MARKER_LEN : 0;
    if (this.input.startsWith(LEFT_COMMENT, this.pos + after)) {
      this.pos += after;
      this.ignore();
      return 'comment';
    }
    const item = this.thisItem(Item.LeftDelim);
    this.insideAction = true;
    this.pos += after;
    this.ignore();
    this.parenDepth = 0;
    return this.emitItem(item);
  }

  private lexComment(): State {
    this.pos += LEFT_COMMENT.length;
    const x = this.input.indexOf(RIGHT_COMMENT, this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + RIGHT_COMMENT.length;
    const { delim, trim } = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    this.line += countNewlines(this.input, this.start, this.pos);
    this.thisItem(Item.Comment);
    if (trim) this.pos += TRIM_MARKER_LEN;
    this.pos += RIGHT_DELIM.length;
    if (trim) this.skipLeadingSpace();
    this.ignore();
    return 'text';
  }

  private lexRightDelim(): State {
    const { trim } = this.atRightDelim();
    if (trim) {
      this.pos += TRIM_MARKER_LEN;
      this.ignore();
    }
    this.pos += RIGHT_DELIM.length;
    const item = this.thisItem(Item.RightDelim);
    if (trim) {
      this.skipLeadingSpace();
      this.ignore();
    }
    this.insideAction = false;
    return this.emitItem(item);
  }

  private lexInsideAction(): State {
    if (this.atRightDelim().delim) {
      if (this.parenDepth === 0) return 'rightDelim';
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    if (r === EOF) return this.errorf('unclosed action');
    if (isSpace(r)) {
      this.backup();
      return 'space';
    }
    switch (r) {
      case 0x3d: // =
        return this.emit(Item.Assign);
      case 0x3a: // :
        if (this.next() !== 0x3d) return this.errorf('expected :=');
        return this.emit(Item.Declare);
      case 0x7c: // |
        return this.emit(Item.Pipe);
      case 0x22: // "
        return 'quote';
      case 0x60: // `
        return 'rawQuote';
      case 0x24: // $
        return 'variable';
      case 0x27: // '
        return 'char';
      case 0x28: // (
        this.parenDepth++;
        return this.emit(Item.LeftParen);
      case 0x29: // )
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.emit(Item.RightParen);
    }
    if (r === 0x2e) {
      // ".field" unless a digit follows, where '.' starts a number.
      const c = this.input.charCodeAt(this.pos);
      if (this.pos < this.input.length && (c < 0x30 || c > 0x39)) return 'field';
    }
    if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
      this.backup();
      return 'number';
    }
    if (isAlphaNumeric(r)) {
      this.backup();
      return 'identifier';
    }
    if (r < 0x80 && isPrint(r)) return this.emit(Item.Char);
    return this.errorf(`unrecognized character in action: ${formatCharU(r)}`);
  }

  private lexSpace(): State {
    let spaces = 0;
    while (isSpace(this.peek())) {
      this.next();
      spaces++;
    }
    // A space may start a trim-marked right delimiter (" -}}").
    if (hasRightTrimMarker(this.input, this.pos - 1) && this.input.startsWith(RIGHT_DELIM, this.pos + 1)) {
      this.backup();
      if (spaces === 1) return 'rightDelim';
    }
    return this.emit(Item.Space);
  }

  private lexIdentifier(): State {
    for (;;) {
      const r = this.next();
      if (isAlphaNumeric(r)) continue;
      this.backup();
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.errorf(`bad character ${formatCharU(r)}`);
      const key = KEYWORDS.get(word);
      if (key !== undefined && key > Item.Keyword) {
        if (
          (key === Item.Break && !this.options.breakOK) ||
          (key === Item.Continue && !this.options.continueOK)
        ) {
          return this.emit(Item.Identifier);
        }
        return this.emit(key);
      }
      if (word[0] === '.') return this.emit(Item.Field);
      if (word === 'true' || word === 'false') return this.emit(Item.Bool);
      return this.emit(Item.Identifier);
    }
  }

  private lexFieldOrVariable(typ: ItemType): State {
    if (this.atTerminator()) return this.emit(typ === Item.Variable ? Item.Variable : Item.Dot);
    let r: number;
    for (;;) {
      r = this.next();
      if (!isAlphaNumeric(r)) {
        this.backup();
        break;
      }
    }
    if (!this.atTerminator()) return this.errorf(`bad character ${formatCharU(r)}`);
    return this.emit(typ);
  }

  /** Whether the next character may follow an identifier (this splits `.X.Y` in two). */
  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e:
      case 0x2c:
      case 0x7c:
      case 0x3a:
      case 0x29:
      case 0x28:
        return true;
    }
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }

  private lexQuoted(delim: string, unterminated: string, typ: ItemType): State {
    const q = delim.charCodeAt(0);
    for (;;) {
      let r = this.next();
      if (r === 0x5c) {
        r = this.next();
        if (r !== EOF && r !== 0x0a) continue;
        return this.errorf(unterminated);
      }
      if (r === EOF || r === 0x0a) return this.errorf(unterminated);
      if (r === q) return this.emit(typ);
    }
  }

  private lexRawQuote(): State {
    for (;;) {
      const r = this.next();
      if (r === EOF) return this.errorf('unterminated raw quoted string');
      if (r === 0x60) return this.emit(Item.RawString);
    }
  }

  private lexNumber(): State {
    if (!this.scanNumber())
      return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === 0x2b || sign === 0x2d) {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
        return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
      }
      return this.emit(Item.Complex);
    }
    return this.emit(Item.Number);
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      // A leading 0 does not mean octal in floats.
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}
