/**
 * What strvals' two parsers share: its limits, list indexes (`setIndex`, the index text as
 * strconv.Atoi reads it), the Go type assertions that panic on a value of another type, and
 * the errors' wording.
 */
import { quote, quoteRune } from '../../../gotemplate/go-quote.js';
import { atoi } from '../../../gotemplate/go-strconv.js';
import { isGoMap, setMapKey, type GoMap, type GoValue } from '../../../gotemplate/value.js';
import { setError, type SetError } from './reader.js';
import { conversionPanic } from './typed.js';

/** strvals.MaxIndex: the largest list index a name may use. */
export const MAX_INDEX = 65536;
/** strvals.MaxNestedNameLevel: how many dots a name may hold. */
export const MAX_NESTED_NAME_LEVEL = 30;
/** Ours: maps and lists nest at most this deep in one name (helm has no bound for `a[0].b[0]…`). */
export const MAX_NAME_DEPTH = 500;

export const INDEX_HINT = `a list index is a whole number from 0 to ${MAX_INDEX}: name[0]=value`;
export const VALUE_HINT = 'give each name a value: name=value';
const DEEP_HINT = 'set deeply nested values from a values file (-f) instead';
const TYPE_HINT = 'a name cannot be a value and a map or a list at once: set it one way only';

/** A failed Go type assertion, which strvals recovers in `key` as `unable to parse key: …`. */
export class Panic extends Error {}

export function recovered(e: unknown): SetError {
  if (e instanceof Panic) return setError(`unable to parse key: ${e.message}`, TYPE_HINT);
  throw e;
}

export function asList(v: GoValue): GoValue[] {
  if (!Array.isArray(v)) throw new Panic(conversionPanic(v, '[]interface {}'));
  return v;
}

export function asMap(v: GoValue): GoMap {
  if (!isGoMap(v)) throw new Panic(conversionPanic(v, 'map[string]interface {}'));
  return v;
}

/** A list item, as listItem returns it: the list (grown or not) and an error. */
export interface Item {
  list: GoValue[];
  err?: SetError;
}

/** strvals' set: an empty name sets nothing. */
export function set(data: GoMap, key: string, value: GoValue): void {
  if (key.length > 0) setMapKey(data, key, value);
}

export function negativeIndex(index: bigint): SetError {
  return setError(`negative ${index} index not allowed`, INDEX_HINT);
}

/** setIndex: stores `value` at `index`, padding the list with nil. */
export function setIndex(list: GoValue[], index: bigint, value: GoValue): Item {
  if (index < 0n) return { list, err: negativeIndex(index) };
  if (index > BigInt(MAX_INDEX)) {
    const message = `index of ${index} is greater than maximum supported index of ${MAX_INDEX}`;
    return { list, err: setError(message, INDEX_HINT) };
  }
  const i = Number(index);
  while (list.length <= i) list.push(null);
  list[i] = value;
  return { list };
}

/** The item at `index` when the list holds one, else null. */
export function itemAt(list: GoValue[], index: bigint): GoValue {
  return index >= 0n && index < BigInt(list.length) ? (list[Number(index)] ?? null) : null;
}

/** The text between `[` and `]` as strconv.Atoi reads it. */
export function parseIndex(text: string): { i: bigint } | { err: SetError } {
  const n = atoi(text);
  if (n !== undefined) return { i: n };
  const why = /^[+-]?[0-9]+$/.test(text) ? 'value out of range' : 'invalid syntax';
  return { err: setError(`strconv.Atoi: parsing ${quote(text)}: ${why}`, INDEX_HINT) };
}

/** Text after `]` that is not `[`, `.` or `=` (Go prints the runes with `%q`: `['b' 'c']`). */
export function unexpectedAfterIndex(text: string): SetError {
  const runes = [...text].map((r) => quoteRune(r.codePointAt(0) as number)).join(' ');
  return setError(`unexpected data at end of array index: [${runes}]`, INDEX_HINT);
}

export function noValue(key: string): SetError {
  return setError(`key ${quote(key)} has no value`, VALUE_HINT);
}

export function noMapValue(key: string): SetError {
  return setError(`key map ${quote(key)} has no value`, VALUE_HINT);
}

export function tooManyDots(): SetError {
  const message = `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`;
  return setError(message, DEEP_HINT);
}

export function tooDeep(): SetError {
  return setError(`value name nests more than ${MAX_NAME_DEPTH} maps and lists`, DEEP_HINT);
}

/** The map in a list item that a `.` continues: an item of another type is replaced by one. */
export function mapItem(list: GoValue[], index: bigint): GoMap {
  if (index >= BigInt(list.length)) return {};
  const existing = list[Number(index)] ?? null;
  if (isGoMap(existing)) return existing;
  const inner: GoMap = {};
  list[Number(index)] = inner;
  return inner;
}
