/**
 * values.schema.json read as helm reads it (encoding/json with UseNumber): numbers keep their
 * literal text, which error messages print (`value must be one of 1e21, 0.00001`), and syntax
 * errors carry encoding/json's wording (`unexpected EOF`, `invalid character '}' …`).
 */

/** A JSON number as written in the schema. */
export class JsonNumber {
  constructor(
    readonly literal: string,
    readonly value: number,
  ) {}
}

export type SJson = null | boolean | string | JsonNumber | SJson[] | SObject;
export interface SObject {
  [key: string]: SJson;
}

export function isSObject(v: unknown): v is SObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

/** A document encoding/json rejects; `message` is its error text. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

const MAX_DEPTH = 10000; // encoding/json's own nesting limit

// encoding/json's quoteChar.
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  private fail(context: string): never {
    if (this.i >= this.s.length) throw new JsonSyntaxError('unexpected EOF');
    const ch = String.fromCodePoint(this.s.codePointAt(this.i) as number);
    throw new JsonSyntaxError(`invalid character ${quoteChar(ch)} ${context}`);
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i] as string)) this.i++;
  }

  document(): SJson {
    this.ws();
    if (this.i >= this.s.length) throw new JsonSyntaxError('EOF');
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) throw new JsonSyntaxError('invalid character after top-level value');
    return v;
  }

  private value(): SJson {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    return this.fail('looking for beginning of value');
  }

  private nest(): void {
    if (++this.depth > MAX_DEPTH) throw new JsonSyntaxError('exceeded max depth');
  }

  private object(): SObject {
    this.nest();
    this.i++;
    const out: SObject = Object.create(null) as SObject;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      this.ws();
      out[key] = this.value();
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === ',') continue;
      if (c === '}') break;
      this.i--;
      this.fail('after object key:value pair');
    }
    this.depth--;
    return out;
  }

  private array(): SJson[] {
    this.nest();
    this.i++;
    const out: SJson[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === ',') continue;
      if (c === ']') break;
      this.i--;
      this.fail('after array element');
    }
    this.depth--;
    return out;
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('in string literal');
      if (c === '"') break;
      if (c === '\\') {
        this.i++;
        const e = this.s[this.i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.s[this.i] ?? '')) this.fail('in \\u hexadecimal character escape');
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('in string escape code');
      } else if (c < ' ') this.fail('in string literal');
      this.i++;
    }
    this.i++;
    // The text is valid JSON here; invalid surrogate escapes become U+FFFD as in Go.
    return (JSON.parse(this.s.slice(start, this.i)) as string).replace(/[\ud800-\udfff]/gu, '\ufffd');
  }

  private digits(context: string): void {
    if (!/[0-9]/.test(this.s[this.i] ?? '')) this.fail(context);
    while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
  }

  private number(): JsonNumber {
    const start = this.i;
    if (this.s[this.i] === '-') this.i++;
    if (this.s[this.i] === '0') this.i++;
    else this.digits('in numeric literal');
    if (this.s[this.i] === '.') {
      this.i++;
      this.digits('after decimal point in numeric literal');
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      this.digits('in exponent of numeric literal');
    }
    const literal = this.s.slice(start, this.i);
    return new JsonNumber(literal, Number(literal));
  }

  private literal<T extends SJson>(word: string, value: T): T {
    for (let k = 0; k < word.length; k++) {
      if (this.s[this.i] !== word[k])
        this.fail(`in literal ${word} (expecting ${quoteChar(word[k] as string)})`);
      this.i++;
    }
    return value;
  }
}

/** Parses `text` as encoding/json would decode it into `any` with UseNumber. */
export function parseSchemaJson(text: string): SJson {
  return new Parser(text).document();
}
