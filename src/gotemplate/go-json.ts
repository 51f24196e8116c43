/**
 * Go's `encoding/json` Marshal and MarshalIndent over template values: sorted map keys, HTML
 * escaping (`toJson`) or not (`toRawJson`), U+2028/U+2029 always escaped, floats as ES6
 * prints them with Go's exponent clean-up, `[]uint8` as base64, structs through their exported
 * fields (named by their `json` tags when registered), `MarshalJSON`/`MarshalText` methods.
 */
import { compareGoStrings } from './fmt-print.js';
import { formatFloat } from './go-float.js';
import { GoFloat32, GoInt, GoStruct, isNilSlice, typeOf, type GoMap, type GoValue } from './value.js';

export interface JsonOptions {
  /** MarshalIndent's indent; none means compact Marshal output. */
  indent?: string;
  prefix?: string;
  /** `<`, `>` and `&` as `\u003c`…, which json.Marshal does by default. */
  escapeHtml?: boolean;
}

/** An error json.Marshal returns (`json: unsupported value: NaN`, a cycle). */
export class JsonMarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonMarshalError';
  }
}

/** `json:"…"` tags of a struct type's fields, by Go field name (`name,omitempty`, `-`). */
const jsonTags = new Map<string, Readonly<Record<string, string>>>();

/** Registers the `json` struct tags of a Go type (e.g. `version.BuildInfo`) for Marshal. */
export function registerJsonTags(typeName: string, tags: Readonly<Record<string, string>>): void {
  jsonTags.set(typeName.replace(/^\*/, ''), tags);
}

const SHORT: Readonly<Record<number, string>> = {
  0x22: '\\"',
  0x5c: '\\\\',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
};

/** Whether any UTF-16 unit of `s` needs an escape (the common case is none). */
function needsEscape(s: string, escapeHtml: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff))
      return true;
    if (escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26)) return true;
  }
  return false;
}

function hex4(c: number): string {
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** encoding/json's string encoding; a lone surrogate (invalid UTF-8 to Go) becomes \ufffd. */
export function jsonString(s: string, escapeHtml = true): string {
  if (!needsEscape(s, escapeHtml)) return '"' + s + '"';
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26)))
        continue;
      rep = SHORT[c] ?? hex4(c);
    } else if (c === 0x2028 || c === 0x2029) {
      rep = hex4(c);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      rep = '\\ufffd';
    } else continue;
    out += s.slice(start, i) + rep;
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

/** The float encoder: 'f' form, or 'e' below 1e-6 and from 1e21 with `e-07` cleaned to `e-7`. */
function jsonFloat(f: number, bits: 32 | 64): string {
  if (!Number.isFinite(f))
    throw new JsonMarshalError(`json: unsupported value: ${formatFloat(f, 'g', -1, bits)}`);
  const abs = Math.abs(f);
  const useE = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  let s = formatFloat(f, useE ? 'e' : 'f', -1, bits);
  if (useE) s = s.replace(/e-0(\d)$/, 'e-$1');
  return s;
}

function base64(items: readonly GoValue[]): string {
  return Buffer.from(items.map((b) => (b instanceof GoInt ? Number(b.value & 0xffn) : 0))).toString('base64');
}

interface Field {
  name: string;
  value: GoValue;
}

/** omitempty's emptiness: false, 0, "", nil, and empty maps and slices. */
function isEmptyValue(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  if (v === false || v === 0 || v === '') return true;
  if (v instanceof GoInt) return v.value === 0n;
  if (v instanceof GoFloat32) return v.value === 0;
  if (v instanceof GoStruct) return v.nil;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function structFields(s: GoStruct): Field[] {
  const tags = jsonTags.get(s.typeName.replace(/^\*/, '')) ?? {};
  const out: Field[] = [];
  for (const [goName, value] of Object.entries(s.fields)) {
    // Only exported fields are encoded.
    if (!/^\p{Lu}/u.test(goName)) continue;
    const tag = tags[goName];
    if (tag === '-') continue;
    const [name = '', ...opts] = (tag ?? '').split(',');
    if (opts.includes('omitempty') && isEmptyValue(value)) continue;
    out.push({ name: name || goName, value });
  }
  return out;
}

class Encoder {
  private readonly stack = new Set<object>();

  constructor(private readonly escapeHtml: boolean) {}

  encode(v: GoValue): string {
    if (v === undefined || v === null) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        return jsonFloat(v, 64);
      case 'string':
        return jsonString(v, this.escapeHtml);
    }
    if (v instanceof GoInt) return v.value.toString();
    if (v instanceof GoFloat32) return jsonFloat(Math.fround(v.value), 32);
    if (v instanceof GoStruct) return this.encodeStruct(v);
    if (this.stack.has(v))
      throw new JsonMarshalError(`json: unsupported value: encountered a cycle via ${typeOf(v)}`);
    this.stack.add(v);
    try {
      if (Array.isArray(v)) {
        if (isNilSlice(v)) return 'null';
        const type = typeOf(v);
        if (type === '[]uint8' || type === '[]byte') return '"' + base64(v) + '"';
        return '[' + v.map((item) => this.encode(item)).join(',') + ']';
      }
      return this.encodeMap(v as GoMap);
    } finally {
      this.stack.delete(v);
    }
  }

  private encodeMap(m: GoMap): string {
    const keys = Object.keys(m).sort(compareGoStrings);
    return '{' + keys.map((k) => jsonString(k, this.escapeHtml) + ':' + this.encode(m[k])).join(',') + '}';
  }

  private encodeStruct(s: GoStruct): string {
    if (s.nil) return 'null';
    const marshalJson = s.methods['MarshalJSON'];
    if (marshalJson !== undefined) {
      const raw = marshalJson.fn();
      return typeof raw === 'string' ? compactJson(raw, this.escapeHtml) : 'null';
    }
    const marshalText = s.methods['MarshalText'];
    if (marshalText !== undefined) {
      const text = marshalText.fn();
      return jsonString(typeof text === 'string' ? text : '', this.escapeHtml);
    }
    const fields = structFields(s);
    return (
      '{' +
      fields.map((f) => jsonString(f.name, this.escapeHtml) + ':' + this.encode(f.value)).join(',') +
      '}'
    );
  }
}

/** A MarshalJSON result as Marshal copies it: insignificant space dropped, strings HTML-escaped. */
function compactJson(raw: string, escapeHtml: boolean): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (!inString) {
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
      if (c === '"') inString = true;
      out += c;
      continue;
    }
    if (c === '\\') {
      out += c + (raw[++i] ?? '');
      continue;
    }
    if (c === '"') inString = false;
    if ((escapeHtml && (c === '<' || c === '>' || c === '&')) || c === '\u2028' || c === '\u2029') {
      out += hex4(c.charCodeAt(0));
    } else out += c;
  }
  return out;
}

/** json.Indent of a compact encoding: one element per line, empty `[]`/`{}` kept inline. */
function indentJson(compact: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = (): string => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += compact[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[': {
        const close = c === '{' ? '}' : ']';
        if (compact[i + 1] === close) {
          out += c + close;
          i++;
          break;
        }
        depth++;
        out += c + newline();
        break;
      }
      case '}':
      case ']':
        depth--;
        out += newline() + c;
        break;
      case ',':
        out += c + newline();
        break;
      case ':':
        out += ': ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** json.Marshal, or json.MarshalIndent when `indent` is given. Throws {@link JsonMarshalError}. */
export function jsonMarshal(v: GoValue, options: JsonOptions = {}): string {
  const compact = new Encoder(options.escapeHtml ?? true).encode(v);
  if (options.indent === undefined && options.prefix === undefined) return compact;
  return indentJson(compact, options.prefix ?? '', options.indent ?? '');
}
