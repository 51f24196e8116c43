/**
 * huandu/xstrings v1.5.0 case conversions, as sprig's `camelcase`, `snakecase` and `kebabcase`
 * use them. A string is cut into words (upper-case runs, lower-case runs, numbers, punctuation,
 * connectors `_`, `-` and spaces) and the words are joined again by fixed rules.
 */
import { isLetter, isNumber, isPunct, isSpace, isUpper, toLowerRune, toUpperRune } from './go-strings.js';

const isConnector = (cp: number): boolean => cp === 0x2d || cp === 0x5f || isSpace(cp);

/** A letter outside the CJK ideograph blocks (xstrings treats those as "other"). */
function isAlphabet(cp: number): boolean {
  if (!isLetter(cp)) return false;
  if (cp < 0x3400) return true;
  if (cp >= 0x4e00 && cp <= 0x9fcc) return false;
  if (cp >= 0x3400 && cp <= 0x4d85) return false;
  if (cp >= 0x20000 && cp <= 0x2b81d) return false;
  return true;
}

const enum Word {
  Invalid,
  Number,
  Upper,
  Alphabet,
  Connector,
  Punct,
  Other,
}

interface Token {
  readonly type: Word;
  readonly start: number;
  readonly end: number;
}

/** The word starting at `i`: its type and end index. */
function nextWord(rs: readonly number[], i: number): Token {
  const n = rs.length;
  if (i >= n) return { type: Word.Invalid, start: i, end: i };
  const r = rs[i]!;
  const run = (type: Word, from: number, keep: (cp: number) => boolean): Token => {
    let j = from;
    while (j < n && keep(rs[j]!)) j++;
    return { type, start: i, end: j };
  };
  if (isConnector(r)) return run(Word.Connector, i + 1, isConnector);
  if (isPunct(r)) return run(Word.Punct, i + 1, isPunct);
  if (isUpper(r)) {
    const next = rs[i + 1];
    if (next === undefined) return { type: Word.Upper, start: i, end: i + 1 };
    if (isUpper(next)) {
      let j = i + 2;
      while (j < n && isUpper(rs[j]!)) j++;
      // "HTTPStatus" is "HTTP" + "Status": the last capital starts the next word.
      const end = j < n && isAlphabet(rs[j]!) ? j - 1 : j;
      return { type: Word.Upper, start: i, end };
    }
    if (isAlphabet(next)) return run(Word.Upper, i + 2, (cp) => isAlphabet(cp) && !isUpper(cp));
    return { type: Word.Upper, start: i, end: i + 1 };
  }
  if (isAlphabet(r)) return run(Word.Alphabet, i + 1, (cp) => isAlphabet(cp) && !isUpper(cp));
  if (isNumber(r)) return run(Word.Number, i + 1, isNumber);
  return run(Word.Other, i + 1, (cp) => !(isConnector(cp) || isAlphabet(cp) || isNumber(cp) || isPunct(cp)));
}

/** xstrings' camelCaseToLowerCase: the shared body of ToSnakeCase and ToKebabCase. */
function toLowerWords(s: string, connector: string): string {
  if (s === '') return '';
  const rs = Array.from(s, (c) => c.codePointAt(0) ?? 0);
  let out = '';
  const write = (t: Token): void => {
    for (let k = t.start; k < t.end; k++) {
      const cp = rs[k]!;
      if (t.type !== Word.Upper && t.type !== Word.Connector) out += String.fromCodePoint(cp);
      else if (isConnector(cp)) out += connector;
      else out += String.fromCodePoint(isUpper(cp) ? toLowerRune(cp) : cp);
    }
  };
  const joins = (t: Token): boolean =>
    t.type !== Word.Invalid && t.type !== Word.Punct && t.type !== Word.Connector;
  let word = nextWord(rs, 0);
  while (word.end < rs.length) {
    if (word.type !== Word.Connector) write(word);
    const prev = word;
    word = nextWord(rs, word.end);
    if (prev.type === Word.Number) {
      while (word.type === Word.Alphabet || word.type === Word.Number) {
        write(word);
        word = nextWord(rs, word.end);
      }
      if (joins(word)) out += connector;
    } else if (prev.type === Word.Connector) {
      write(prev);
    } else if (prev.type !== Word.Punct) {
      if (word.type !== Word.Number) {
        if (word.type !== Word.Connector && word.type !== Word.Punct) out += connector;
        continue;
      }
      if (word.end >= rs.length) continue;
      // A number right after a word belongs to it ("Bld4Floor" → "bld4_floor"), unless
      // lower-case letters follow the number ("HTTP2xx" → "http_2xx").
      const num = word;
      word = nextWord(rs, word.end);
      if (word.type !== Word.Alphabet) {
        write(num);
        if (word.type !== Word.Connector && word.type !== Word.Punct) out += connector;
        continue;
      }
      out += connector;
      write(num);
      while (word.type === Word.Alphabet || word.type === Word.Number) {
        write(word);
        word = nextWord(rs, word.end);
      }
      if (joins(word)) out += connector;
    }
  }
  write(word);
  return out;
}

/** xstrings.ToSnakeCase. */
export const toSnakeCase = (s: string): string => toLowerWords(s, '_');

/** xstrings.ToKebabCase. */
export const toKebabCase = (s: string): string => toLowerWords(s, '-');

/**
 * xstrings.ToCamelCase as sprig v3.3.0 links it: words joined with their first letter in upper
 * case and the rest of an all-capital word in lower case (`HELLO_WORLD` → `HelloWorld`);
 * leading connectors are kept, and of a run of connectors all but the last.
 */
export function toCamelCase(s: string): string {
  if (s === '') return '';
  const rs = Array.from(s, (c) => c.codePointAt(0) ?? 0);
  let out = '';
  let i = 0;
  while (i < rs.length && isConnector(rs[i]!)) out += String.fromCodePoint(rs[i++]!);
  if (i === rs.length) return out + String.fromCodePoint(rs[rs.length - 1]!);
  let firstUpper = isUpper(rs[i]!);
  let r0 = toUpperRune(rs[i]!);
  for (i++; i < rs.length; i++) {
    const r1 = r0;
    r0 = rs[i]!;
    if (isConnector(r0) && isConnector(r1)) {
      out += String.fromCodePoint(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpperRune(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLowerRune(r0);
        else firstUpper = false;
      }
      out += String.fromCodePoint(r1);
    }
  }
  return out + String.fromCodePoint(r0);
}
