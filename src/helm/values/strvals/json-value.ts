/**
 * One JSON value read from the front of a text, as Go's json.Decoder reads it for `--set-json`
 * (`a={"x":1},b=2`): the value ends where its grammar ends, and what follows is left to the
 * strvals parser. Numbers become float64, as encoding/json decodes into `interface {}`.
 * Iterative and bounded: nesting deeper than {@link MAX_JSON_DEPTH} is refused.
 */
import type { GoValue } from '../../../gotemplate/value.js';

/** Ours: Go allows 10,000 levels, but values this deep cannot be rendered on Node's stack. */
export const MAX_JSON_DEPTH = 500;

export type JsonRead = { value: GoValue; end: number } | { error: string };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isJsonSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function skipSpace(text: string, i: number): number {
  while (isJsonSpace(text[i])) i++;
  return i;
}

// The end of a number token starting at `i`, or -1 when its grammar is broken.
function numberEnd(text: string, i: number): number {
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (isDigit(text[i])) while (isDigit(text[i])) i++;
  else return -1;
  if (text[i] === '.') {
    i++;
    if (!isDigit(text[i])) return -1;
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i])) return -1;
    while (isDigit(text[i])) i++;
  }
  return i;
}

// The end of a string token (after its closing quote), or -1.
function stringEnd(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) i++;
  }
  return -1;
}

// The end of a scalar token at `i`, or -1; numbers outside float64 fail as Go's Unmarshal does.
function scalarEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, i)) return i + word.length;
  }
  const end = numberEnd(text, i);
  return end > 0 && Number.isFinite(Number(text.slice(i, end))) ? end : -1;
}

/** The end of the JSON value that starts at `start` (after spaces), or an error message. */
function valueEnd(text: string, start: number): number | string {
  const stack: string[] = [];
  let i = skipSpace(text, start);
  for (;;) {
    // A value is expected at `i`.
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_JSON_DEPTH) return `JSON nests more than ${MAX_JSON_DEPTH} levels`;
      stack.push(c === '{' ? '}' : ']');
      i = skipSpace(text, i + 1);
      if (text[i] === stack.at(-1)) {
        stack.pop();
        i++;
      } else if (c === '{') {
        i = objectKey(text, i);
        if (i < 0) return 'invalid JSON';
        continue;
      } else continue;
    } else {
      const end = scalarEnd(text, i);
      if (end < 0) return 'invalid JSON';
      i = end;
    }
    // After a value: close containers or go on to the next element.
    for (;;) {
      if (stack.length === 0) return i;
      i = skipSpace(text, i);
      const close = stack.at(-1);
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return 'invalid JSON';
      i = skipSpace(text, i + 1);
      if (close === '}') {
        i = objectKey(text, i);
        if (i < 0) return 'invalid JSON';
      }
      break;
    }
  }
}

// `"key" :` at `i`: the index of the value after it, or -1.
function objectKey(text: string, i: number): number {
  if (text[i] !== '"') return -1;
  const end = stringEnd(text, i);
  if (end < 0) return -1;
  const colon = skipSpace(text, end);
  return text[colon] === ':' ? skipSpace(text, colon + 1) : -1;
}

function decode(text: string, start: number, end: number): GoValue | undefined {
  try {
    // JSON.parse keeps `__proto__` as an own key, so objects are Go maps as they are.
    return JSON.parse(text.slice(start, end)) as GoValue;
  } catch {
    return undefined;
  }
}

/** Decoder.Decode: the first JSON value of `text` and where it ends (UTF-16 units). */
export function readJsonValue(text: string): JsonRead {
  const end = valueEnd(text, 0);
  if (typeof end === 'string') return { error: end };
  const value = decode(text, 0, end);
  return value === undefined ? { error: 'invalid JSON' } : { value, end };
}

/** json.Unmarshal of a whole text: one value and nothing after it but JSON spaces. */
export function parseJsonText(text: string): JsonRead {
  const read = readJsonValue(text);
  if ('error' in read) return read;
  if (skipSpace(text, read.end) !== text.length) return { error: 'invalid JSON' };
  return read;
}
