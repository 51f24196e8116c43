/**
 * A `valuesFrom[].targetPath`: helm-controller's ReplacePathValue hands `path=value` to helm's
 * `--set` parser (strvals.ParseInto), or to its string form when the value is quoted. So the
 * value is typed as `--set` types it (`true`, `null`, `42`), a `,` starts another assignment
 * and `\` escapes the next character. List indices (`a[0]`) are not supported here and are
 * reported.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';

const MAX_NESTED_NAME_LEVEL = 30;

class Scanner {
  private pos = 0;
  private readonly chars: string[];
  constructor(text: string) {
    this.chars = [...text];
  }
  next(): string | undefined {
    return this.chars[this.pos++];
  }
  back(): void {
    this.pos--;
  }
  /** Runes up to the first stop rune (consumed and returned as `last`); `\` escapes. */
  until(stop: string): { text: string; last?: string } {
    let text = '';
    for (;;) {
      const r = this.next();
      if (r === undefined) return { text };
      if (stop.includes(r)) return { text, last: r };
      if (r === '\\') {
        const esc = this.next();
        if (esc === undefined) return { text };
        text += esc;
      } else text += r;
    }
  }
}

function fail(message: string, hint = 'fix the targetPath or the value it receives'): never {
  throw new DiagnosticError({ rule: 'flux-helm-values', message, hint });
}

// strvals typedVal: what `--set` makes of a value (always a string for the quoted form).
function typed(text: string, asString: boolean): JsonValue {
  if (asString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0;
  // Go's ParseInt: an optional sign and decimal digits that fit in int64, no leading zero.
  if (text !== '' && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return Number(n);
  }
  return text;
}

function set(data: JsonObject, key: string, value: JsonValue): void {
  if (key !== '') data[key] = value;
}

function valueList(sc: Scanner, asString: boolean): JsonValue[] {
  const list: JsonValue[] = [];
  for (;;) {
    const { text, last } = sc.until(',}');
    if (last === undefined) fail("list must terminate with '}'");
    list.push(typed(text, asString));
    if (last === '}') {
      if (sc.next() !== ',') sc.back();
      return list;
    }
  }
}

/** One assignment into `data`; false at the end of the input. */
function key(sc: Scanner, data: JsonObject, asString: boolean, level: number): boolean {
  const { text: k, last } = sc.until('=[,.');
  if (last === undefined) {
    if (k === '') return false;
    fail(`key "${k}" has no value`);
  }
  if (last === '[') fail(`list index in "${k}[" is not supported in a targetPath`, 'use a map path');
  if (last === ',') {
    set(data, k, '');
    fail(`key "${k}" has no value (cannot end with ,)`);
  }
  if (last === '.') {
    if (level + 1 > MAX_NESTED_NAME_LEVEL) {
      fail(
        `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
      );
    }
    const existing = data[k];
    if (existing !== undefined && !isJsonObject(existing))
      fail(`"${k}" is not a map and cannot hold "${k}.…"`);
    const inner: JsonObject = existing ?? {};
    const more = key(sc, inner, asString, level + 1);
    if (Object.keys(inner).length === 0) {
      if (!more) return false;
      fail(`key map "${k}" has no value`);
    }
    set(data, k, inner);
    return more;
  }
  // `=`: a `{a,b}` list or a single value up to the next `,`.
  const first = sc.next();
  if (first === undefined) {
    set(data, k, '');
    return false;
  }
  if (first === '{') {
    set(data, k, valueList(sc, asString));
    return true;
  }
  sc.back();
  const { text } = sc.until(',');
  set(data, k, typed(text, asString));
  return true;
}

/** Sets `path` to `value` in `values` (in place) as helm-controller's ReplacePathValue does. */
export function setPathValue(values: JsonObject, path: string, value: string): void {
  const quoted =
    (value.startsWith("'") && value.endsWith("'")) || (value.startsWith('"') && value.endsWith('"'));
  // Go's strings.Trim: every leading and trailing quote of either kind goes.
  const bare = quoted ? value.replace(/^['"]+|['"]+$/g, '') : value;
  const sc = new Scanner(`${path}=${bare}`);
  while (key(sc, values, quoted, 0));
}
