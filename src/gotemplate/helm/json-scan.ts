/**
 * A check of JSON text worded like Go's encoding/json scanner (checkValid), byte by byte over
 * the UTF-8 text: `unexpected end of JSON input`, `invalid character 'x' looking for beginning
 * of value`, … Returns undefined for valid JSON.
 */
import { quote } from '../go-quote.js';

const MAX_DEPTH = 10000;

// Go's quoteChar: the byte as a rune, quoted by strconv.Quote.
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  return `'${quote(String.fromCharCode(c)).slice(1, -1)}'`;
}

class JsonSyntax extends Error {}

function fail(c: number, context: string): never {
  throw new JsonSyntax(`invalid character ${quoteChar(c)} ${context}`);
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

class Scanner {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}

  peek(): number {
    if (this.pos >= this.b.length) throw new JsonSyntax('unexpected end of JSON input');
    return this.b[this.pos]!;
  }

  // Go's scanner feeds a space at the end of input: inside a literal or a number that space is
  // the invalid character reported.
  peekInToken(): number {
    return this.pos >= this.b.length ? 0x20 : this.b[this.pos]!;
  }

  skipSpace(): void {
    while (this.pos < this.b.length && isSpace(this.b[this.pos]!)) this.pos++;
  }

  literal(word: string): void {
    for (let i = 1; i < word.length; i++) {
      this.pos++;
      const c = this.peekInToken();
      if (c !== word.charCodeAt(i)) fail(c, `in literal ${word} (expecting '${word[i]!}')`);
    }
    this.pos++;
  }

  string(): void {
    this.pos++; // opening quote
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x22) return;
      if (c < 0x20) fail(c, 'in string literal');
      if (c !== 0x5c) continue;
      const e = this.peek();
      this.pos++;
      if (e === 0x75) {
        for (let i = 0; i < 4; i++) {
          const h = this.peek();
          if (!isHex(h)) fail(h, 'in \\u hexadecimal character escape');
          this.pos++;
        }
      } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) {
        fail(e, 'in string escape code');
      }
    }
  }

  number(): void {
    if (this.peek() === 0x2d) this.pos++;
    const first = this.peekInToken();
    if (first === 0x30) this.pos++;
    else if (first >= 0x31 && first <= 0x39) this.digits();
    else fail(first, 'in numeric literal');
    if (this.pos < this.b.length && this.b[this.pos] === 0x2e) {
      this.pos++;
      const c = this.peekInToken();
      if (!isDigit(c)) fail(c, 'after decimal point in numeric literal');
      this.digits();
    }
    if (this.pos < this.b.length && (this.b[this.pos] === 0x65 || this.b[this.pos] === 0x45)) {
      this.pos++;
      let c = this.peekInToken();
      if (c === 0x2b || c === 0x2d) {
        this.pos++;
        c = this.peekInToken();
      }
      if (!isDigit(c)) fail(c, 'in exponent of numeric literal');
      this.digits();
    }
  }

  private digits(): void {
    while (this.pos < this.b.length && isDigit(this.b[this.pos]!)) this.pos++;
  }

  // Iterative over containers, so deep nesting cannot overflow the stack.
  value(): void {
    const stack: ('array' | 'object')[] = [];
    let expectValue = true;
    for (;;) {
      this.skipSpace();
      if (expectValue) {
        const c = this.peek();
        if (c === 0x7b || c === 0x5b) {
          this.pos++;
          if (stack.length >= MAX_DEPTH) fail(c, 'exceeded max depth');
          stack.push(c === 0x7b ? 'object' : 'array');
          this.skipSpace();
          const next = this.peek();
          if (c === 0x7b) {
            if (next === 0x7d) {
              this.pos++;
              stack.pop();
              expectValue = false;
            } else {
              this.objectKey(next);
            }
          } else if (next === 0x5d) {
            this.pos++;
            stack.pop();
            expectValue = false;
          }
          continue;
        }
        if (c === 0x22) this.string();
        else if (c === 0x2d || isDigit(c)) this.number();
        else if (c === 0x74) this.literal('true');
        else if (c === 0x66) this.literal('false');
        else if (c === 0x6e) this.literal('null');
        else fail(c, 'looking for beginning of value');
        expectValue = false;
        continue;
      }
      const top = stack[stack.length - 1];
      if (top === undefined) return;
      const c = this.peek();
      this.pos++;
      if (top === 'array') {
        if (c === 0x2c) expectValue = true;
        else if (c === 0x5d) stack.pop();
        else fail(c, 'after array element');
      } else if (c === 0x2c) {
        this.skipSpace();
        this.objectKey(this.peek());
      } else if (c === 0x7d) {
        stack.pop();
      } else {
        fail(c, 'after object key:value pair');
      }
      if (c === 0x2c) expectValue = true;
    }
  }

  private objectKey(c: number): void {
    if (c !== 0x22) fail(c, 'looking for beginning of object key string');
    this.string();
    this.skipSpace();
    const colon = this.peek();
    if (colon !== 0x3a) fail(colon, 'after object key');
    this.pos++;
  }
}

/** Go's syntax error for `text`, or undefined when it is one valid JSON value. */
export function jsonSyntaxError(text: string): string | undefined {
  const scanner = new Scanner(Buffer.from(text, 'utf8'));
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < Buffer.byteLength(text)) {
      fail(Buffer.from(text, 'utf8')[scanner.pos]!, 'after top-level value');
    }
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntax) return e.message;
    throw e;
  }
}
