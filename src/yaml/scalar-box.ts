/**
 * A decoded scalar whose v3 tag is not !!str, as the fast loader produces it. Boxing keeps
 * two facts the loader would otherwise lose: the value (unboxed afterwards) and, when the
 * scalar is a mapping key, that it was not a string. As a key it turns into KEY_MARK + its
 * source text, so duplicate detection compares source text the way go-yaml does and the
 * tree walk can tell such keys from string keys.
 */
import type { JsonValue } from '../core/json.js';

export const KEY_MARK = '\u0000\u0001';

const VALUE = Symbol('value');
const TEXT = Symbol('text');

export class ScalarBox {
  // Symbol-keyed so a misplaced merge of a scalar copies nothing.
  readonly [VALUE]: JsonValue;
  readonly [TEXT]: string;

  constructor(value: JsonValue, text: string) {
    this[VALUE] = value;
    this[TEXT] = text;
  }

  // The loader stringifies keys only when the object has its own @@toStringTag.
  get [Symbol.toStringTag](): string {
    return 'ScalarBox';
  }

  toString(): string {
    return KEY_MARK + this[TEXT];
  }
}

export function unbox(box: ScalarBox): JsonValue {
  return box[VALUE];
}

export function isMarkedKey(key: string): boolean {
  return key.charCodeAt(0) === 0 && key.charCodeAt(1) === 1;
}

/** The source text of a non-string key; go-yaml decodes such keys to their text at the top level. */
export function markedKeyText(key: string): string {
  return key.slice(KEY_MARK.length);
}
