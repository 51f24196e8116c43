/**
 * helm's `--set-literal` parser (strvals' literalParser): the name is parsed as for `--set`
 * but without commas or backslash escapes, and the value is the rest of the argument, kept as
 * a string exactly as written (commas, braces and backslashes included).
 */
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
  type Item,
} from './common.js';
import { EOF, EOF_ERROR, RuneReader, runeSet, runesUntil, wrapError, type SetError } from './reader.js';

const KEY_STOP = runeSet('=[.');
const INDEX_STOP = runeSet(']');
const ITEM_STOP = runeSet('[.=');
const NOTHING = runeSet('');

export class LiteralParser {
  private readonly sc: RuneReader;

  constructor(text: string) {
    this.sc = new RuneReader(text);
  }

  /** Parses the argument into `data`; undefined on success. */
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
    const { text: key, last } = runesUntil(this.sc, KEY_STOP, false);
    if (last === EOF) return key.length === 0 ? EOF_ERROR : noValue(key);
    if (last === 0x3d /* = */) {
      set(data, key, this.val());
      return undefined;
    }
    if (last === 0x2e /* . */) {
      if (level + 1 > MAX_NESTED_NAME_LEVEL) return tooManyDots();
      const inner = Object.hasOwn(data, key) ? asMap(data[key]) : {};
      const err = this.key(inner, level + 1, depth + 1);
      const empty = Object.keys(inner).length === 0;
      if (err === undefined && empty) return noMapValue(key);
      if (!empty) set(data, key, inner);
      return err;
    }
    // '['
    const index = this.keyIndex();
    if ('err' in index) return wrapError('error parsing index', index.err);
    const list = Object.hasOwn(data, key) ? asList(data[key]) : [];
    const item = this.listItem(list, index.i, level, depth + 1);
    set(data, key, item.list);
    return item.err;
  }

  private keyIndex(): { i: bigint } | { err: SetError } {
    const { text, last } = runesUntil(this.sc, INDEX_STOP, false);
    return last === EOF ? { err: EOF_ERROR } : parseIndex(text);
  }

  private listItem(list: GoValue[], i: bigint, level: number, depth: number): Item {
    if (i < 0n) return { list, err: negativeIndex(i) };
    if (depth > MAX_NAME_DEPTH) return { list, err: tooDeep() };
    const { text: key, last } = runesUntil(this.sc, ITEM_STOP, false);
    if (key.length > 0) return { list, err: unexpectedAfterIndex(key) };
    if (last === EOF) return { list, err: EOF_ERROR };
    if (last === 0x3d /* = */) return setIndex(list, i, this.val());
    if (last === 0x2e /* . */) {
      const inner = mapItem(list, i);
      const err = this.key(inner, level, depth + 1);
      return err ? { list, err } : setIndex(list, i, inner);
    }
    // '['
    const next = this.keyIndex();
    if ('err' in next) return { list, err: wrapError('error parsing index', next.err) };
    const existing = itemAt(list, i);
    const inner = this.listItem(existing === null ? [] : asList(existing), next.i, level, depth + 1);
    return inner.err ? { list, err: inner.err } : setIndex(list, i, inner.list);
  }

  // The value is everything left.
  private val(): string {
    return runesUntil(this.sc, NOTHING, false).text;
  }
}
