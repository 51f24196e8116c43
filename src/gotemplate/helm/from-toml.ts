/**
 * `fromToml`: BurntSushi/toml decoding into a `map[string]interface {}` (integers are int64,
 * floats float64, arrays of tables `[]map[string]interface {}`, date-times time.Time). Errors
 * do not fail the template: the map holds them under `Error`, worded as BurntSushi words the
 * common ones (`toml: line N (last key "k"): …`).
 */
import { TomlProblem, tomlScalar } from './toml-scalar.js';
import { isGoMap, newMap, setMapKey, typedSlice, type GoMap, type GoSlice, type GoValue } from '../value.js';

class TomlSyntax extends Error {
  constructor(
    readonly line: number,
    readonly lastKey: string,
    message: string,
  ) {
    super(message);
  }
}

const TABLE_ARRAY = '[]map[string]interface {}';
const BARE = /[A-Za-z0-9_-]/;

class Parser {
  private pos = 0;
  private lastKey = '';
  private readonly root = newMap();
  private table: GoMap = this.root;
  private readonly defined = new Set<GoMap>();
  private readonly inline = new Set<GoValue>();

  constructor(private readonly text: string) {}

  private line(): number {
    let n = 1;
    for (let i = 0; i < this.pos && i < this.text.length; i++) if (this.text[i] === '\n') n++;
    return n;
  }

  private fail(message: string, withKey = true): never {
    throw new TomlSyntax(this.line(), withKey ? this.lastKey : '', message);
  }

  private peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  private skipSpace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  private skipComment(): void {
    if (this.peek() === '#') while (this.pos < this.text.length && this.peek() !== '\n') this.pos++;
  }

  private skipBlankLines(): void {
    for (;;) {
      this.skipSpace();
      this.skipComment();
      if (this.peek() === '\n' || (this.peek() === '\r' && this.peek(1) === '\n'))
        this.pos += this.peek() === '\r' ? 2 : 1;
      else return;
    }
  }

  private endOfLine(): void {
    this.skipSpace();
    this.skipComment();
    if (this.pos >= this.text.length) return;
    if (this.peek() === '\r' && this.peek(1) === '\n') this.pos++;
    if (this.peek() !== '\n')
      this.fail(
        `expected a top-level item to end with a newline, comment, or EOF, but got '${this.peek()}' instead`,
      );
    this.pos++;
  }

  parse(): GoMap {
    for (;;) {
      this.skipBlankLines();
      if (this.pos >= this.text.length) return this.root;
      if (this.peek() === '[') this.header();
      else this.keyValue(this.table);
      this.endOfLine();
    }
  }

  private keyPart(): string {
    const c = this.peek();
    if (c === '"') return this.basicString();
    if (c === "'") return this.literalString();
    const start = this.pos;
    while (BARE.test(this.peek())) this.pos++;
    if (this.pos === start) {
      if (c === '=') this.fail("unexpected '=': key name appears blank", false);
      if (c === '') this.fail('unexpected EOF; expected key name');
      this.fail(`bare keys cannot contain '${c}'`);
    }
    return this.text.slice(start, this.pos);
  }

  private keyPath(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipSpace();
      parts.push(this.keyPart());
      this.skipSpace();
      if (this.peek() !== '.') return parts;
      this.pos++;
    }
  }

  // The table at `path` below `from`, created implicitly where missing.
  private descend(from: GoMap, path: readonly string[]): GoMap {
    let t = from;
    for (const k of path) {
      let next = Object.hasOwn(t, k) ? t[k] : undefined;
      if (Array.isArray(next) && next.length > 0) next = next[next.length - 1];
      if (next === undefined) {
        next = newMap();
        setMapKey(t, k, next);
      }
      if (!isGoMap(next) || this.inline.has(next)) this.fail(`Key '${k}' has already been defined.`);
      t = next;
    }
    return t;
  }

  private header(): void {
    const array = this.peek(1) === '[';
    this.pos += array ? 2 : 1;
    const path = this.keyPath();
    if (this.peek() !== ']' || (array && this.peek(1) !== ']')) this.fail(`expected '${array ? ']]' : ']'}'`);
    this.pos += array ? 2 : 1;
    this.lastKey = '';
    const parent = this.descend(this.root, path.slice(0, -1));
    const name = path[path.length - 1]!;
    const existing = Object.hasOwn(parent, name) ? parent[name] : undefined;
    if (array) {
      let list = existing as GoSlice | undefined;
      if (list === undefined) {
        list = typedSlice([], TABLE_ARRAY);
        setMapKey(parent, name, list);
      } else if (!Array.isArray(list) || this.inline.has(list)) {
        this.fail(`Key '${path.join('.')}' has already been defined.`, false);
      }
      this.table = newMap();
      list.push(this.table);
      return;
    }
    if (
      existing !== undefined &&
      (!isGoMap(existing) || this.defined.has(existing) || this.inline.has(existing))
    ) {
      this.fail(`Key '${path.join('.')}' has already been defined.`, false);
    }
    this.table = existing === undefined ? this.descend(parent, [name]) : (existing as GoMap);
    this.defined.add(this.table);
  }

  private keyValue(into: GoMap): void {
    const path = this.keyPath();
    this.lastKey = path.join('.');
    if (this.peek() !== '=')
      this.fail(`expected key separator '=', but got '${this.peek() || 'EOF'}' instead`);
    this.pos++;
    this.skipSpace();
    const target = this.descend(into, path.slice(0, -1));
    const name = path[path.length - 1]!;
    if (Object.hasOwn(target, name)) this.fail(`Key '${name}' has already been defined.`);
    setMapKey(target, name, this.value());
  }

  private value(): GoValue {
    const c = this.peek();
    if (c === '') this.fail('unexpected EOF; expected value');
    if (c === '\n' || c === '\r') this.fail('expected value but found "\\n" instead');
    if (c === '"') return this.basicString();
    if (c === "'") return this.literalString();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const m = /^[^\s,\]}#]+(?: \d{2}:\d{2}:\d{2}[^\s,\]}#]*)?/.exec(this.text.slice(this.pos));
    const word = m ? m[0] : '';
    this.pos += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    return this.scalar(word);
  }

  private scalar(word: string): GoValue {
    const v = tomlScalar(word);
    if (v instanceof TomlProblem) this.fail(v.message);
    return v;
  }

  private basicString(): string {
    const multi = this.text.startsWith('"""', this.pos);
    this.pos += multi ? 3 : 1;
    if (multi && this.peek() === '\n') this.pos++;
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === '') this.fail(`unexpected EOF; expected '${multi ? '"""' : '"'}'`);
      if (multi ? this.text.startsWith('"""', this.pos) : c === '"') {
        this.pos += multi ? 3 : 1;
        return out;
      }
      if (c === '\n' && !multi) this.fail('strings cannot contain newlines');
      this.pos++;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.peek();
      this.pos++;
      const simple: Record<string, string> = {
        b: '\b',
        t: '\t',
        n: '\n',
        f: '\f',
        r: '\r',
        '"': '"',
        '\\': '\\',
        e: '\x1b',
      };
      if (simple[e] !== undefined) out += simple[e];
      else if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8;
        const hex = this.text.slice(this.pos, this.pos + len);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) this.fail(`invalid escape: '\\${e}${hex}'`);
        out += String.fromCodePoint(parseInt(hex, 16));
        this.pos += len;
      } else if (multi && /[ \t\r\n]/.test(e)) {
        while (/[ \t\r\n]/.test(this.peek())) this.pos++;
      } else
        this.fail(
          `invalid escape character '${e}'; only the following escape characters are allowed: \\b, \\t, \\n, \\f, \\r, \\", \\\\, \\uXXXX, and \\UXXXXXXXX`,
        );
    }
  }

  private literalString(): string {
    const multi = this.text.startsWith("'''", this.pos);
    this.pos += multi ? 3 : 1;
    if (multi && this.peek() === '\n') this.pos++;
    const end = this.text.indexOf(multi ? "'''" : "'", this.pos);
    const stop = multi ? end : Math.min(end < 0 ? Infinity : end, this.nextNewline());
    if (end < 0 || stop !== end) this.fail(`unexpected EOF; expected '${multi ? "'''" : "'"}'`);
    const s = this.text.slice(this.pos, end);
    this.pos = end + (multi ? 3 : 1);
    return s;
  }

  private nextNewline(): number {
    const i = this.text.indexOf('\n', this.pos);
    return i < 0 ? Infinity : i;
  }

  private array(): GoSlice {
    this.pos++;
    const items: GoSlice = [];
    for (;;) {
      this.skipBlankLines();
      if (this.peek() === ']') {
        this.pos++;
        this.inline.add(items);
        return items;
      }
      items.push(this.value());
      this.skipBlankLines();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']')
        this.fail(
          this.peek() === ''
            ? "unexpected EOF; expected ']'"
            : `expected a comma (',') or array terminator (']'), but got '${this.peek()}'`,
        );
    }
  }

  private inlineTable(): GoMap {
    this.pos++;
    const table = newMap();
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      this.inline.add(table);
      return table;
    }
    for (;;) {
      this.keyValue(table);
      this.skipSpace();
      if (this.peek() === '}') {
        this.pos++;
        this.inline.add(table);
        return table;
      }
      if (this.peek() !== ',')
        this.fail(
          this.peek() === ''
            ? "unexpected EOF; expected '}'"
            : `expected a comma or an inline table terminator '}', but got '${this.peek()}' instead`,
        );
      this.pos++;
      this.skipSpace();
    }
  }
}

/** helm's fromToml: the decoded map, or a map with the decoder's message under `Error`. */
export function fromToml(text: string): GoMap {
  try {
    return new Parser(text).parse();
  } catch (e) {
    if (!(e instanceof TomlSyntax)) throw e;
    const m = newMap();
    const where = e.lastKey ? `line ${e.line} (last key ${JSON.stringify(e.lastKey)})` : `line ${e.line}`;
    m.Error = `toml: ${where}: ${e.message}`;
    return m;
  }
}
