/**
 * `toToml` / `mustToToml`: BurntSushi/toml's encoder as helm v4.1.4 links it. Keys are sorted
 * (byte order), plain keys of a table come before its sub-tables, nested tables are indented
 * two spaces per level, every top-level table and every `[[array]]` element is preceded by a
 * blank line, nil values are skipped, floats always show a `.` or an exponent (`1.0`, `1e+06`).
 * Values from YAML are float64, so `a: 1` encodes as `a = 1.0`, as helm does.
 */
import { formatFloat } from '../go-float.js';
import { GoFloat32, GoInt, GoStruct, isGoMap, isGoSlice, kindOf, methodOf, type GoValue } from '../value.js';

/** An encoding failure: toToml returns its message, mustToToml fails the template. */
export class TomlError extends Error {}

type Kind = 'table' | 'tableArray' | 'array' | 'scalar' | 'nil';

function entries(v: GoValue): [string, GoValue][] {
  if (v instanceof GoStruct) return Object.entries(v.fields).filter(([k]) => /^[A-Z]/.test(k));
  return Object.entries(v as Record<string, GoValue>);
}

const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

// time.Time is a TextMarshaler: BurntSushi writes it as a bare RFC 3339 date-time.
function isTime(v: GoValue): boolean {
  return v instanceof GoStruct && !v.nil && v.typeName === 'time.Time' && methodOf(v, 'Format') !== undefined;
}

function kindOfValue(v: GoValue): Kind {
  if (v === undefined || v === null) return 'nil';
  if (isTime(v)) return 'scalar';
  if (v instanceof GoStruct) return v.nil ? 'nil' : 'table';
  if (isGoSlice(v)) return isTableArray(v) ? 'tableArray' : 'array';
  if (isGoMap(v)) return 'table';
  return 'scalar';
}

function isTableArray(list: readonly GoValue[]): boolean {
  if (list.length === 0) return false;
  let tables = true;
  for (const item of list) {
    const kind = kindOfValue(item);
    if (kind === 'nil') throw new TomlError('toml: cannot encode array with nil element');
    if (kind !== 'table') tables = false;
  }
  return tables;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

// BurntSushi's replacer for basic strings: quotes, backslash, C0 controls and DEL.
function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

function quoteKey(k: string): string {
  return BARE_KEY.test(k) ? k : quoteString(k);
}

function keyPath(key: readonly string[]): string {
  return key.map(quoteKey).join('.');
}

// Go's string order compares UTF-8 bytes; UTF-16 order differs only around surrogates.
function byteLess(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}

function floatText(f: number, bits: 64 | 32): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f < 0 ? '-inf' : 'inf';
  const s = formatFloat(f, 'g', -1, bits);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

class Encoder {
  out = '';
  private written = false;

  write(s: string): void {
    this.out += s;
    this.written = true;
  }

  newline(): void {
    if (this.written) this.write('\n');
  }

  private indent(key: readonly string[]): string {
    return '  '.repeat(Math.max(0, key.length - 1));
  }

  encode(key: string[], v: GoValue): void {
    switch (kindOfValue(v)) {
      case 'nil':
        return;
      case 'table':
        return this.table(key, v);
      case 'tableArray':
        return this.tableArray(key, v as GoValue[]);
      default:
        return this.keyValue(key, v, false);
    }
  }

  private keyValue(key: readonly string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) return this.element(v);
    this.write(`${this.indent(key)}${quoteKey(key[key.length - 1]!)} = `);
    this.element(v);
    if (!inline) this.newline();
  }

  private table(key: string[], v: GoValue): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.write(`${this.indent(key)}[${keyPath(key)}]`);
      this.newline();
    }
    this.fields(key, v, false);
  }

  private tableArray(key: string[], list: readonly GoValue[]): void {
    if (key.length === 0) throw new TomlError('toml: top-level values must be Go maps or structs');
    for (const item of list) {
      this.newline();
      this.write(`${this.indent(key)}[[${keyPath(key)}]]`);
      this.newline();
      this.fields(key, item, false);
    }
  }

  private fields(key: string[], v: GoValue, inline: boolean): void {
    const direct: [string, GoValue][] = [];
    const sub: [string, GoValue][] = [];
    for (const [k, val] of entries(v)) {
      const kind = kindOfValue(val);
      (kind === 'table' || kind === 'tableArray' ? sub : direct).push([k, val]);
    }
    const writeKeys = (list: [string, GoValue][], trailingComma: boolean): void => {
      list.sort(([a], [b]) => byteLess(a, b));
      list.forEach(([k, val], i) => {
        if (kindOfValue(val) === 'nil') return;
        if (inline) {
          this.keyValue([k], val, true);
          if (trailingComma || i !== list.length - 1) this.write(', ');
        } else {
          this.encode([...key, k], val);
        }
      });
    };
    if (inline) this.write('{');
    writeKeys(direct, sub.length > 0);
    writeKeys(sub, false);
    if (inline) this.write('}');
  }

  private element(v: GoValue): void {
    if (typeof v === 'string') return this.write(quoteString(v));
    if (typeof v === 'boolean') return this.write(v ? 'true' : 'false');
    if (typeof v === 'number') return this.write(floatText(v, 64));
    if (v instanceof GoFloat32) return this.write(floatText(v.value, 32));
    if (v instanceof GoInt) return this.write(v.value.toString());
    if (isTime(v)) return this.write(methodOf(v, 'Format')!.fn(RFC3339_NANO) as string);
    if (isGoSlice(v)) {
      this.write('[');
      v.forEach((item, i) => {
        if (i > 0) this.write(', ');
        if (kindOfValue(item) === 'nil') throw new TomlError('toml: cannot encode array with nil element');
        this.element(item);
      });
      return this.write(']');
    }
    if (isGoMap(v) || v instanceof GoStruct) return this.fields([], v, true);
    throw new TomlError(`toml: unsupported type: ${kindOf(v)}`);
  }
}

/** The TOML text of a value, or throws {@link TomlError} (or a Go runtime error text for nil). */
export function encodeToml(v: GoValue): string {
  // BurntSushi reflects on the value first: a nil interface panics inside reflect.
  if (v === undefined || v === null) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  const enc = new Encoder();
  enc.encode([], v);
  return enc.out;
}
