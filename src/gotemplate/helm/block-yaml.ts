/**
 * A reader for the plain block YAML that `fromYaml` mostly receives: what toYaml prints (block
 * mappings and sequences, plain, quoted and literal scalars, `[]` and `{}`), read as go-yaml v2
 * and sigs.k8s.io/yaml read it. Charts pipe `include` through `toYaml` and `fromYaml` many
 * times per render, and a general YAML parser spends most of its time on what this text never
 * holds. Anything else (comments, flow collections, anchors, tags, folded or multi-line
 * scalars, keys YAML would not read as strings, duplicate keys, tabs, unusual characters) gives
 * undefined and the caller uses the general reader, so the two always agree.
 */
import type { JsonValue } from '../../core/json.js';
import { resolveYaml11Scalar } from '../../yaml/parse-yaml11.js';

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
const OUTSIDE = Symbol('outside the subset');

// Characters or lines the subset leaves to the general reader: non-printable or break-like
// characters, tabs, surrogates, comments, document markers and directives.
const UNSUPPORTED =
  /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|(?:^|[ ])#|^(?:---|\.\.\.|%)/m;
// A plain scalar cannot start with an indicator (`-` only before a space); `?` and `:` starts
// and `<<` are left to the general reader too.
const INDICATOR_START = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?: |$)|<<)/;
const MAX_DEPTH = 100;

function outside(): never {
  throw OUTSIDE;
}

// The first characters of plain scalars YAML 1.1 may read as something other than a string
// (booleans, null, numbers, timestamps); any other plain scalar is its text.
const MAY_RESOLVE = new Set('yYnNtTfFoO~.+-0123456789');
const SMALL_DECIMAL = /^(?:0|[1-9]\d{0,14})$/;

/** A plain scalar's value; `.inf` and the like, which JSON cannot hold, are left to the caller. */
function resolvePlain(text: string): JsonValue {
  if (!MAY_RESOLVE.has(text[0]!)) return text;
  if (SMALL_DECIMAL.test(text)) return Number(text);
  try {
    return resolveYaml11Scalar(text);
  } catch {
    return outside();
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 0x20) n++;
  return n;
}

function isBlank(line: string): boolean {
  return indentOf(line) === line.length;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  ' ': ' ',
};

/** A double-quoted scalar starting at `s[0]`, ending on the same line: its value and length. */
function doubleQuoted(s: string): [string, number] {
  let out = '';
  let i = 1;
  for (;;) {
    const j = s.indexOf('"', i);
    const k = s.indexOf('\\', i);
    if (j < 0) outside();
    if (k < 0 || k > j) return [out + s.slice(i, j), j + 1];
    out += s.slice(i, k);
    const c = s[k + 1] ?? outside();
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      i = k + 2;
      continue;
    }
    const width = c === 'x' ? 2 : c === 'u' ? 4 : outside();
    const hex = s.slice(k + 2, k + 2 + width);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) outside();
    const code = Number.parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdfff) outside();
    out += String.fromCharCode(code);
    i = k + 2 + width;
  }
}

/** A single-quoted scalar starting at `s[0]`, ending on the same line: its value and length. */
function singleQuoted(s: string): [string, number] {
  let out = '';
  let i = 1;
  for (;;) {
    const j = s.indexOf("'", i);
    if (j < 0) outside();
    out += s.slice(i, j);
    if (s[j + 1] !== "'") return [out, j + 1];
    out += "'";
    i = j + 2;
  }
}

/** Where a plain mapping key ends (`key: ` or `key:` at the end), or -1 when there is none. */
function plainKeyEnd(s: string): number {
  const i = s.indexOf(': ');
  if (i >= 0) return i;
  return s.endsWith(':') ? s.length - 1 : -1;
}

/** A mapping key at the start of `s` and the text after its colon, or undefined if none. */
function splitKey(s: string): [string, string] | undefined {
  let key: string;
  let end: number;
  if (s[0] === '"' || s[0] === "'") {
    [key, end] = s[0] === '"' ? doubleQuoted(s) : singleQuoted(s);
    if (s[end] !== ':') {
      if (s.slice(end).trim() !== '') outside();
      return undefined;
    }
    if (end + 1 < s.length && s[end + 1] !== ' ') outside();
  } else {
    end = plainKeyEnd(s);
    if (end < 0) return undefined;
    key = s.slice(0, end).trimEnd();
    // Only keys YAML reads as the same string; `1:`, `true:`, `~:` convert or fail in JSON.
    if (key === '' || INDICATOR_START.test(key) || resolvePlain(key) !== key) outside();
  }
  if (key === '__proto__' || key.length > 1000) outside();
  return [key, s.slice(end + 1)];
}

class Reader {
  private i = 0;

  constructor(private readonly lines: string[]) {}

  /** The index of the next non-blank line (lines.length at the end). */
  private next(): number {
    let j = this.i;
    while (j < this.lines.length && isBlank(this.lines[j]!)) j++;
    return j;
  }

  document(): JsonValue {
    this.i = this.next();
    const first = this.lines[this.i] ?? outside();
    const indent = indentOf(first);
    const rest = first.slice(indent).trimEnd();
    let value: JsonValue;
    if (rest === '{}' || rest === '[]') {
      this.i++;
      value = rest === '{}' ? {} : [];
    } else {
      value = this.block(indent, 0);
    }
    if (this.next() < this.lines.length) outside();
    return value;
  }

  /** A block mapping or sequence whose first line (the current one) is at `indent`. */
  private block(indent: number, depth: number): JsonValue {
    if (depth > MAX_DEPTH) outside();
    const content = this.lines[this.i]!.slice(indent);
    if (content === '-' || content.startsWith('- ')) return this.sequence(indent, depth);
    return this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): JsonValue {
    const out: Record<string, JsonValue> = {};
    for (;;) {
      this.i = this.next();
      const line = this.lines[this.i];
      if (line === undefined) break;
      const at = indentOf(line);
      if (at < indent) break;
      if (at > indent) outside();
      const pair = splitKey(line.slice(indent)) ?? outside();
      if (Object.hasOwn(out, pair[0])) outside();
      out[pair[0]] = this.value(pair[1], indent, true, depth);
    }
    return out;
  }

  private sequence(indent: number, depth: number): JsonValue {
    const out: JsonValue[] = [];
    for (;;) {
      this.i = this.next();
      const line = this.lines[this.i];
      if (line === undefined || indentOf(line) !== indent) break;
      const content = line.slice(indent);
      if (content !== '-' && !content.startsWith('- ')) break;
      const rest = content.slice(1).trimStart();
      if (rest === '-' || rest.startsWith('- ')) outside();
      if (rest !== '' && splitKey(rest) !== undefined) {
        // `- key: value` starts a mapping at the column of `key`.
        const at = line.length - rest.length;
        this.lines[this.i] = ' '.repeat(at) + rest;
        out.push(this.block(at, depth + 1));
      } else {
        out.push(this.value(rest, indent, false, depth));
      }
    }
    return out;
  }

  /**
   * The node after a mapping key's colon or a sequence dash on the current line (`rest`);
   * `owner` is the indentation of that mapping or sequence.
   */
  private value(restText: string, owner: number, inMapping: boolean, depth: number): JsonValue {
    const rest = restText.trim();
    this.i++;
    if (rest === '') {
      const j = this.next();
      const line = this.lines[j];
      if (line === undefined) return null;
      const at = indentOf(line);
      const content = line.slice(at);
      const dash = content === '-' || content.startsWith('- ');
      if (at > owner || (inMapping && at === owner && dash)) {
        this.i = j;
        return this.block(at, depth + 1);
      }
      return null;
    }
    if (rest === '[]') return this.scalarEnd(owner, []);
    if (rest === '{}') return this.scalarEnd(owner, {});
    if (rest[0] === '|') return this.literal(rest, owner);
    if (rest[0] === '"' || rest[0] === "'") {
      const [text, end] = rest[0] === '"' ? doubleQuoted(rest) : singleQuoted(rest);
      if (end !== rest.length) outside();
      return this.scalarEnd(owner, text);
    }
    if (INDICATOR_START.test(rest) || plainKeyEnd(rest) >= 0) outside();
    return this.scalarEnd(owner, resolvePlain(rest));
  }

  /** A one-line scalar's value, unless the next line continues it (a multi-line scalar). */
  private scalarEnd(owner: number, value: JsonValue): JsonValue {
    const line = this.lines[this.next()];
    if (line !== undefined && indentOf(line) > owner) outside();
    return value;
  }

  /** A literal block scalar (`|`, `|-`) after its header `rest`. */
  private literal(rest: string, owner: number): string {
    if (rest !== '|' && rest !== '|-') outside();
    const first = this.next();
    const firstLine = this.lines[first];
    const indent = firstLine === undefined ? 0 : indentOf(firstLine);
    if (indent <= owner) outside();
    const body: string[] = [];
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      const at = indentOf(line);
      if (at === line.length) {
        // A blank line: longer ones hold spaces as content (or are an error before the first line).
        if (at > indent) outside();
        body.push('');
      } else if (at >= indent) {
        body.push(line.slice(indent));
      } else break;
    }
    // At the end of the text a final line break may be missing: left to the general reader.
    if (j === this.lines.length && rest === '|') outside();
    this.i = j;
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    const text = body.join('\n');
    return rest === '|' ? `${text}\n` : text;
  }
}

/** `text` read as go-yaml would read it, or undefined when it is outside this reader's subset. */
export function readBlockYaml(text: string): JsonValue | undefined {
  // A document start marker alone on the first line changes nothing (a second one would).
  const body = text.startsWith('---\n') ? text.slice(4) : text;
  if (UNSUPPORTED.test(body)) return undefined;
  try {
    return new Reader(body.split('\n')).document();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}
