/**
 * The fast path of postBuild substitution: the same result as printing the object, expanding
 * the text and reading it back (substitute.ts), without the round trip. Only strings holding `$`
 * can change, so each one is expanded alone, as the single token the printer would write for it,
 * and re-typed as the reader would type that token. Whenever that is not provably what the text
 * round trip gives — a quoted or folded token, a result that would no longer be one token, any
 * envsubst error (whose message names a line of the printed text) — the caller takes the text
 * path for the whole object.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { formatNumber } from '../yaml/emit-number.js';
import { emitScalar, selectStyle } from '../yaml/emit-scalar.js';
import { isSimpleKey } from '../yaml/emit.js';
import { BEST_INDENT, BEST_WIDTH, EmitterState } from '../yaml/emitter-state.js';
import { resolveYaml11Scalar } from '../yaml/parse-yaml11.js';
import { analyzeScalar } from '../yaml/scalar-analysis.js';
import { sortKeys } from '../yaml/sort-keys.js';
import { needsQuotingV2 } from '../yaml/v2-resolve.js';
import { fromBytes, utf8Problem } from './envsubst/bytes.js';
import { envsubstBytes, EnvsubstLimitError, type VariableLookup } from './envsubst/index.js';

const BAIL: unique symbol = Symbol('bail');
type Bail = typeof BAIL;

type Expand = (token: string) => string | Bail;

// Break characters other than '\n' (printed raw or escaped, read back in ways we do not model),
// and lone surrogates (printed as U+FFFD); SUSPECT is the cheap first test.
const SUSPECT = /[\r\u0085\u2028\u2029\ud800-\udfff]/;
const UNMODELLED =
  /[\r\u0085\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NUMBER_START = /^[-+.0-9]/;
const ANY_BREAK = /[\n\r\u0085\u2028\u2029]/;

/**
 * `obj` after substitution with sorted keys (the order the text round trip yields); undefined
 * when only the text path can tell. The input is never changed. Parts the round trip gives
 * back as they are (keys already in order, nothing expanded or re-typed) are shared with it
 * rather than copied, as the caller owns the built object and drops it for the result.
 */
export function substituteInTree(
  obj: JsonObject,
  lookup: VariableLookup,
  strict: boolean,
  maxGrowthBytes = Number.POSITIVE_INFINITY,
): JsonObject | undefined {
  // What the expansions may still add to the object, in bytes (throws EnvsubstLimitError past it).
  let budget = maxGrowthBytes;
  const expand: Expand = (token) => {
    let out: string;
    try {
      out = envsubstBytes(token, lookup, { strict, maxOutputBytes: Buffer.byteLength(token) + budget });
    } catch (e) {
      if (e instanceof EnvsubstLimitError) throw new EnvsubstLimitError(maxGrowthBytes);
      // The text path reports it, with the line number in the printed object.
      return BAIL;
    }
    budget -= out.length - Buffer.byteLength(token);
    return utf8Problem(out) ? BAIL : fromBytes(out);
  };
  const out = walkMapping(obj, 0, expand);
  return out === BAIL ? undefined : out;
}

// A mapping whose keys are printed at column `indent`.
function walkMapping(map: JsonObject, indent: number, expand: Expand): JsonObject | Bail {
  const keys = Object.keys(map);
  const sorted = sortKeys(keys.slice()); // sortKeys sorts in place
  // Copied only once something differs from the input.
  let out: JsonObject | undefined = sorted.every((k, i) => k === keys[i]) ? undefined : {};
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    // `<<` would be read as a merge key, `__proto__` cannot be assigned as a plain property.
    if (expands(key) || key === '<<' || key === '__proto__' || !keepsText(key)) return BAIL;
    const value = map[key] as JsonValue;
    let v: JsonValue | Bail;
    if (Array.isArray(value)) {
      // yaml.v2 writes a sequence under a simple key without indenting it.
      v = walkSequence(value, isSimpleKey(key) ? indent : indent + BEST_INDENT, expand);
    } else if (value !== null && typeof value === 'object') {
      v = walkMapping(value, indent + BEST_INDENT, expand);
    } else if (typeof value === 'string' && expands(value)) {
      v = substituteString(value, () => valueColumn(key, indent), expand);
    } else {
      v = keepScalar(value);
    }
    if (v === BAIL) return BAIL;
    // Object.is: the round trip turns -0 into 0.
    if (!out && !Object.is(v, value)) {
      out = {};
      for (let j = 0; j < i; j++) out[sorted[j] as string] = map[sorted[j] as string] as JsonValue;
    }
    if (out) out[key] = v;
  }
  return out ?? map;
}

// A sequence whose `-` indicators are printed at column `indent`.
function walkSequence(items: JsonValue[], indent: number, expand: Expand): JsonValue[] | Bail {
  let out: JsonValue[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as JsonValue;
    let v: JsonValue | Bail;
    if (Array.isArray(item)) {
      v = walkSequence(item, indent + BEST_INDENT, expand);
    } else if (item !== null && typeof item === 'object') {
      v = walkMapping(item, indent + BEST_INDENT, expand);
    } else if (typeof item === 'string' && expands(item)) {
      v = substituteString(item, () => indent + BEST_INDENT, expand);
    } else {
      v = keepScalar(item);
    }
    if (v === BAIL) return BAIL;
    if (!out && !Object.is(v, item)) out = items.slice(0, i);
    if (out) out.push(v);
  }
  return out ?? items;
}

// Column where a mapping value starts: after `key: `, or after `: ` under a `? key` line.
function valueColumn(key: string, indent: number): number {
  if (!isSimpleKey(key)) return indent + BEST_INDENT;
  const st = new EmitterState();
  emitScalar(st, key, needsQuotingV2(key) ? 'double' : 'plain', true);
  return indent + st.column + 2;
}

/** A scalar envsubst leaves alone, as the print/read round trip returns it. */
function keepScalar(value: string | number | boolean | null): JsonValue | Bail {
  if (typeof value === 'string') return keepsText(value) ? value : BAIL;
  // Anything but JSON data (undefined from a careless caller) is for the printer to reject.
  if (typeof value !== 'number') return typeof value === 'boolean' || value === null ? value : BAIL;
  if (Number.isSafeInteger(value)) return Object.is(value, -0) ? 0 : value;
  // Other numbers: what their printed form reads back as (non-finite ones fail in the printer).
  if (!Number.isFinite(value)) return BAIL;
  const text = formatNumber(value);
  return analyzeScalar(text).blockPlainAllowed ? resolveSafely(text) : BAIL;
}

/**
 * Whether envsubst can change `s`: only `${` and `$$` do anything, and the printer never puts a
 * `{` or `$` right after a `$` that ends a token or a folded line.
 */
function expands(s: string): boolean {
  for (let i = s.indexOf('$'); i >= 0; i = s.indexOf('$', i + 1)) {
    const next = s.charCodeAt(i + 1);
    if (next === 0x7b || next === 0x24) return true;
  }
  return false;
}

/** Whether a string envsubst leaves alone surely reads back as itself. */
function keepsText(s: string): boolean {
  if (SUSPECT.test(s) && UNMODELLED.test(s)) return false;
  // A plain-printed string must not resolve to another type (the printer quotes those). Typed
  // words (`yes`, `null` …) are always quoted; numbers are where printer and reader could differ.
  return needsQuotingV2(s) || !NUMBER_START.test(s) || resolveSafely(s) === s;
}

function resolveSafely(text: string): JsonValue | Bail {
  try {
    return resolveYaml11Scalar(text);
  } catch {
    // `.inf` and the like: JSON cannot hold them, the text path words the error.
    return BAIL;
  }
}

function substituteString(s: string, column: () => number, expand: Expand): JsonValue | Bail {
  if (SUSPECT.test(s) && UNMODELLED.test(s)) return BAIL;
  const analysis = analyzeScalar(s);
  if (s.includes('\n')) {
    return selectStyle('literal', analysis, false, false) === 'literal' ? substituteLiteral(s, expand) : BAIL;
  }
  if (needsQuotingV2(s)) return BAIL;
  const style = selectStyle('plain', analysis, false, false);
  if (style === 'single') return substituteSingleQuoted(s, column, expand);
  if (style !== 'plain') return BAIL;
  if (s.includes(' ') && folds(s, column())) return BAIL;
  const r = expand(s);
  if (r === BAIL) return BAIL;
  // An emptied value or sequence item reads as null (`- - \n- x` is [[null], x], as go-yaml
  // reads it; see yaml/empty-entry-quirk.ts).
  if (r === '') return null;
  // The result must still be one plain token in this place: the printer's own test for that.
  if (analyzeScalar(r).blockPlainAllowed) return resolveSafely(r);
  // A value stored pre-quoted (Flux's advice for forcing a string) reads as a quoted scalar.
  return quotedContent(r) ?? BAIL;
}

/** `'…'` is read back verbatim as long as no quote or line break comes into it. */
function substituteSingleQuoted(s: string, column: () => number, expand: Expand): string | Bail {
  if (s.includes("'") || (s.includes(' ') && folds(s, column() + 1))) return BAIL;
  const r = expand(s);
  if (r === BAIL || r.includes("'") || !printableLine(r)) return BAIL;
  return r;
}

/** The content of a one-line `"…"` without escapes or `'…'` without doubled quotes. */
function quotedContent(r: string): string | undefined {
  const q = r[0];
  if ((q !== '"' && q !== "'") || r.length < 2 || r[r.length - 1] !== q) return undefined;
  const body = r.slice(1, -1);
  if (body.includes(q) || (q === '"' && body.includes('\\')) || !printableLine(body)) return undefined;
  return body;
}

// One line of characters yaml.v2 prints raw inside quotes.
function printableLine(s: string): boolean {
  return !ANY_BREAK.test(s) && analyzeScalar(s).singleQuotedAllowed;
}

/**
 * Whether yaml.v2 folds the plain or single-quoted scalar `s` whose first character lands at
 * `column` (writePlain's and writeSingleQuoted's rule; a plain scalar never starts or ends with a
 * space, so the quoted writer's extra conditions agree with the plain one).
 */
function folds(s: string, column: number): boolean {
  if (column + s.length <= BEST_WIDTH + 1) return false;
  let spaces = false;
  // Such scalars hold only printable BMP characters: one UTF-16 unit per column.
  for (let i = 0, col = column; i < s.length; i++, col++) {
    if (s.charCodeAt(i) !== 0x20) {
      spaces = false;
      continue;
    }
    if (!spaces && col > BEST_WIDTH && i !== 0 && i + 1 < s.length && s.charCodeAt(i + 1) !== 0x20) {
      return true;
    }
    spaces = true;
  }
  return false;
}

/**
 * A literal block is printed line by line after the indentation; expanding each line alone is
 * the same as expanding the text when every `${…}` closes on its line. The block reads back as
 * the expanded string when its header (indentation indicator, chomping) still fits and no line
 * turns empty, gains a break or becomes something the printer would not write in a block (a
 * special character, a space before the line end: checked line by line, as the printer's
 * analysis of the whole string is).
 */
function substituteLiteral(s: string, expand: Expand): string | Bail {
  const lines = s.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!expands(line)) continue;
    const r = expand(line);
    if (r === BAIL || r === '' || ANY_BREAK.test(r) || !analyzeScalar(r).blockAllowed) return BAIL;
    lines[i] = r;
  }
  const out = lines.join('\n');
  return (s[0] === ' ') === (out[0] === ' ') ? out : BAIL;
}
