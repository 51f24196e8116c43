/**
 * `toYamlPretty`: go-yaml v3's Encoder with indent 2, on the Go values themselves (not through
 * JSON): float64 prints as Go's shortest 'g' (`1e+06`), sequences are indented under their key,
 * long lines are not folded, and strings that would read back as something else (YAML 1.2
 * scalars plus the old 1.1 booleans such as `yes`) are quoted.
 */
import { analyzeScalar, isBreak, isPrintable } from '../../yaml/scalar-analysis.js';
import { selectStyle, type ScalarStyle } from '../../yaml/emit-scalar.js';
import { sortKeys } from '../../yaml/sort-keys.js';
import { formatFloat } from '../go-float.js';
import { GoFloat32, GoInt, GoStruct, isGoMap, isGoSlice, type GoValue } from '../value.js';

const INDENT = 2;

const OLD_BOOLS = new Set('y Y yes Yes YES on On ON n N no No NO off Off OFF'.split(' '));
const V3_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const V3_BOOL = new Set('true True TRUE false False FALSE'.split(' '));
const V3_SPECIAL_FLOAT = /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
const V3_INT = /^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const V3_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

// go-yaml v3 writes a string plain only if it resolves back to a string and is no 1.1 bool or
// sexagesimal number.
function plainReadsAsString(s: string): boolean {
  if (V3_NULL.has(s) || V3_BOOL.has(s)) return false;
  if (V3_SPECIAL_FLOAT.test(s) || TIMESTAMP.test(s)) return false;
  const digits = s.replace(/_/g, '');
  if (V3_INT.test(s) || V3_FLOAT.test(digits)) return false;
  return !OLD_BOOLS.has(s) && !BASE60_FLOAT.test(s);
}

function escapeOf(cp: number): string {
  const short: Record<number, string> = {
    0: '0',
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
    27: 'e',
    34: '"',
    92: '\\',
    0x85: 'N',
    0xa0: '_',
    0x2028: 'L',
    0x2029: 'P',
  };
  if (short[cp] !== undefined) return `\\${short[cp]}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += !isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c ? escapeOf(cp) : ch;
  }
  return out + '"';
}

function chompHint(s: string): string {
  if (!s.endsWith('\n')) return '-';
  return s.length === 1 || s.endsWith('\n\n') ? '+' : '';
}

/** A string scalar; `indent` is where a literal block's lines start. */
function stringScalar(s: string, indent: number, simpleKey: boolean): string {
  const requested: ScalarStyle = s.includes('\n') ? 'literal' : plainReadsAsString(s) ? 'plain' : 'double';
  const style = selectStyle(requested, analyzeScalar(s), simpleKey, s.length === 0);
  switch (style) {
    case 'plain':
      return s;
    case 'single':
      return `'${s.replaceAll("'", "''")}'`;
    case 'double':
      return doubleQuoted(s);
    case 'literal': {
      const lead = s.startsWith(' ') || s.startsWith('\n') ? String(INDENT) : '';
      const pad = ' '.repeat(indent);
      const body = s.endsWith('\n') ? s.slice(0, -1) : s;
      const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
      return `|${lead}${chompHint(s)}\n${lines.join('\n')}`;
    }
  }
}

function floatScalar(f: number, bits: 64 | 32): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  return formatFloat(f, 'g', -1, bits);
}

function scalar(v: GoValue, indent: number): string | undefined {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return floatScalar(v, 64);
  if (v instanceof GoFloat32) return floatScalar(v.value, 32);
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'string') return stringScalar(v, indent, false);
  if (v instanceof GoStruct && v.nil) return 'null';
  return undefined;
}

// Struct fields as go-yaml v3 names them by default: the Go name lowercased.
function entries(v: GoValue): [string, GoValue][] {
  if (v instanceof GoStruct) {
    return Object.entries(v.fields)
      .filter(([k]) => /^[A-Z]/.test(k))
      .map(([k, val]) => [k.toLowerCase(), val]);
  }
  const map = v as Record<string, GoValue>;
  return sortKeys(Object.keys(map)).map((k) => [k, map[k]]);
}

function isCollection(v: GoValue): boolean {
  return isGoSlice(v) || isGoMap(v) || (v instanceof GoStruct && !v.nil);
}

function isEmptyCollection(v: GoValue): string | undefined {
  if (isGoSlice(v) && v.length === 0) return '[]';
  if ((isGoMap(v) || v instanceof GoStruct) && entries(v).length === 0) return '{}';
  return undefined;
}

/** Lines of a block collection whose entries start at column `indent`. */
function block(v: GoValue, indent: number, depth: number): string {
  if (depth > 1000) throw new Error('toYamlPretty: value nested too deeply');
  const pad = ' '.repeat(indent);
  if (isGoSlice(v)) {
    return v.map((item) => `${pad}-${afterIndicator(item, indent + INDENT, depth, true)}`).join('\n');
  }
  return entries(v)
    .map(
      ([k, val]) =>
        `${pad}${stringScalar(k, indent, true)}:${afterIndicator(val, indent + INDENT, depth, false)}`,
    )
    .join('\n');
}

// What follows `key:` or `-`: a scalar on the same line, or a block starting at `inner`. Maps
// and sequences inside a sequence item start on the dash's line.
function afterIndicator(v: GoValue, inner: number, depth: number, inSequence: boolean): string {
  const s = scalar(v, inner);
  if (s !== undefined) return ` ${s}`;
  const empty = isEmptyCollection(v);
  if (empty !== undefined) return ` ${empty}`;
  if (!isCollection(v)) return ' null';
  const body = block(v, inner, depth + 1);
  return inSequence ? ` ${body.slice(inner)}` : `\n${body}`;
}

/** The text helm's toYamlPretty returns (final newline trimmed). */
export function marshalYamlPretty(v: GoValue): string {
  const s = scalar(v, INDENT);
  if (s !== undefined) return s;
  return isEmptyCollection(v) ?? block(v, 0, 0);
}
