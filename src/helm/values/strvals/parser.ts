/**
 * helm's strvals parser (`--set`, `--set-string`, `--set-file`, `--set-json`): a line of
 * `name=value` pairs separated by commas, where a name is dotted (`a.b`), indexed (`a[0]`,
 * `a[0][1]`, `a[0].b`) and backslash-escaped (`a\.b`), and a value is typed, a string, a file's
 * contents, a `{x,y}` list or JSON. It writes into the values map given, as ParseInto does.
 * Followed step by step, errors included: its quirks (a trailing `a[0]` sets an empty list,
 * `a.` sets nothing) are what helm users get.
 */
import { quote } from '../../../gotemplate/go-quote.js';
import type { GoMap, GoValue } from '../../../gotemplate/value.js';
import {
  asList,
  asMap,
  itemAt,
  mapItem,
  MAX_NAME_DEPTH,
  MAX_NESTED_NAME_LEVEL,
  negativeIndex,
  noMapValue,
  noValue,
  parseIndex,
  recovered,
  set,
  setIndex,
  tooDeep,
  tooManyDots,
  unexpectedAfterIndex,
  VALUE_HINT,
  type Item,
} from './common.js';
import { readJsonValue } from './json-value.js';
import {
  EOF,
  EOF_ERROR,
  isGoSpace,
  RuneReader,
  runeSet,
  runesUntil,
  setError,
  wrapError,
  type SetError,
} from './reader.js';

/** Turns the runes of a value into the value stored; may fail (a file that cannot be read). */
export type ValueReader = (text: string) => { value: GoValue } | { error: SetError };

/** `json` for `--set-json`; else each value (and each `{x,y}` item) goes through `reader`. */
export type ParserMode = { kind: 'json' } | { kind: 'values'; reader: ValueReader };

type Assigned = { value: GoValue; err?: SetError } | { err: SetError; eof: true };

const KEY_STOP = runeSet('=[,.');
const INDEX_STOP = runeSet(']');
const ITEM_STOP = runeSet('[.=');
const VALUE_STOP = runeSet(',');
const LIST_STOP = runeSet(',}');

export class StrvalsParser {
  private readonly sc: RuneReader;

  constructor(
    text: string,
    private readonly mode: ParserMode,
  ) {
    this.sc = new RuneReader(text);
  }

  /** Parses the whole line into `data`; undefined on success (the input ran out). */
  parse(data: GoMap): SetError | undefined {
    for (;;) {
      const err = this.key(data, 0, 0);
      if (err === undefined) continue;
      return err.eof ? undefined : err;
    }
  }

  private key(data: GoMap, level: number, depth: number): SetError | undefined {
    try {
      return this.keyInner(data, level, depth);
    } catch (e) {
      return recovered(e);
    }
  }

  private keyInner(data: GoMap, level: number, depth: number): SetError | undefined {
    if (depth > MAX_NAME_DEPTH) return tooDeep();
    const { text: k, last } = runesUntil(this.sc, KEY_STOP);
    if (last === EOF) return k.length === 0 ? EOF_ERROR : noValue(k);
    if (last === 0x5b /* [ */) {
      const index = this.keyIndex();
      if ('err' in index) return wrapError('error parsing index', index.err);
      const list = Object.hasOwn(data, k) ? asList(data[k]) : [];
      const item = this.listItem(list, index.i, level, depth + 1);
      set(data, k, item.list);
      return item.err;
    }
    if (last === 0x3d /* = */) {
      const v = this.value();
      // Nothing after `=`: the name gets an empty string (a file is not read).
      if ('eof' in v) set(data, k, '');
      else set(data, k, v.value);
      return v.err;
    }
    if (last === 0x2c /* , */) {
      set(data, k, '');
      return setError(`key ${quote(k)} has no value (cannot end with ,)`, VALUE_HINT);
    }
    // '.': a nested map.
    if (level + 1 > MAX_NESTED_NAME_LEVEL) return tooManyDots();
    const inner = Object.hasOwn(data, k) ? asMap(data[k]) : {};
    const e = this.key(inner, level + 1, depth + 1);
    const empty = Object.keys(inner).length === 0;
    if (e === undefined && empty) return noMapValue(k);
    if (!empty) set(data, k, inner);
    return e;
  }

  private keyIndex(): { i: bigint } | { err: SetError } {
    const { text, last } = runesUntil(this.sc, INDEX_STOP);
    return last === EOF ? { err: EOF_ERROR } : parseIndex(text);
  }

  private listItem(list: GoValue[], i: bigint, level: number, depth: number): Item {
    if (i < 0n) return { list, err: negativeIndex(i) };
    if (depth > MAX_NAME_DEPTH) return { list, err: tooDeep() };
    const { text: k, last } = runesUntil(this.sc, ITEM_STOP);
    if (k.length > 0) return { list, err: unexpectedAfterIndex(k) };
    if (last === EOF) return { list, err: EOF_ERROR };
    if (last === 0x3d /* = */) {
      const v = this.value();
      if ('eof' in v) return setIndex(list, i, '');
      return v.err ? { list, err: v.err } : setIndex(list, i, v.value);
    }
    if (last === 0x5b /* [ */) {
      const next = this.keyIndex();
      if ('err' in next) return { list, err: wrapError('error parsing index', next.err) };
      const existing = itemAt(list, i);
      const inner = this.listItem(existing === null ? [] : asList(existing), next.i, level, depth + 1);
      return inner.err ? { list, err: inner.err } : setIndex(list, i, inner.list);
    }
    // '.': a map in the list.
    const inner = mapItem(list, i);
    const e = this.key(inner, level, depth + 1);
    return e ? { list, err: e } : setIndex(list, i, inner);
  }

  // The value after `=`: `eof` when the input ends right there.
  private value(): Assigned {
    if (this.mode.kind === 'json') return this.jsonValue();
    const reader = this.mode.reader;
    const r = this.sc.readRune();
    if (r === EOF) return { err: EOF_ERROR, eof: true };
    if (r === 0x7b /* { */) return this.valList(reader);
    this.sc.unreadRune();
    const v = reader(runesUntil(this.sc, VALUE_STOP).text);
    return 'error' in v ? { value: null, err: v.error } : { value: v.value };
  }

  // A `--set-json` value: empty means null; else one JSON value, then blanks and a comma.
  private jsonValue(): Assigned {
    if (this.emptyVal()) return { value: null };
    const read = readJsonValue(this.sc.rest());
    if ('error' in read) return { value: null, err: setError(read.error) };
    this.sc.skip(read.end);
    this.emptyVal();
    return { value: read.value };
  }

  // Reads optional spaces up to a comma or the end (an empty value, consumed) or anything else
  // (not empty, left unread).
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.readRune();
      if (r === EOF || r === 0x2c) return true;
      if (!isGoSpace(r)) {
        this.sc.unreadRune();
        return false;
      }
    }
  }

  // `{a,b}` after its `{`: a list of values.
  private valList(reader: (text: string) => ReturnType<ValueReader>): Assigned {
    const list: GoValue[] = [];
    for (;;) {
      const { text, last } = runesUntil(this.sc, LIST_STOP);
      if (last === EOF) {
        return { value: null, err: setError("list must terminate with '}'", 'close the list: name={a,b}') };
      }
      const v = reader(text);
      if ('error' in v) return { value: null, err: v.error };
      list.push(v.value);
      if (last === 0x7d /* } */) {
        // A comma right after the list is consumed with it.
        const next = this.sc.readRune();
        if (next !== EOF && next !== 0x2c) this.sc.unreadRune();
        return { value: list };
      }
    }
  }
}
