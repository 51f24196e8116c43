/**
 * Masterminds/goutils v1.1.1 functions behind sprig's `abbrev`, `abbrevboth`, `initials`,
 * `nospace`, `swapcase`, `untitle`, `wrap` and `wrapWith`. Several of them index the string
 * byte by byte, as the Go originals do; a non-ASCII byte then reads as the Latin-1 rune of the
 * same value, which is what Go produces too.
 */
import {
  isLower,
  isSpace,
  isTitle,
  isUpper,
  toLowerRune,
  toTitleRune,
  toUpperRune,
  utf8Bytes,
  utf8Text,
} from './go-strings.js';
import { checkLength } from './limits.js';

const ELLIPSIS = '...';

/** goutils.AbbreviateFull; an illegal width gives "" as sprig ignores the error. */
export function abbreviateFull(s: string, offsetIn: number, maxWidth: number): string {
  if (s === '') return '';
  if (maxWidth < 4) return '';
  const b = utf8Bytes(s);
  const len = b.length;
  if (len <= maxWidth) return s;
  let offset = Math.min(offsetIn, len);
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return utf8Text(b.subarray(0, maxWidth - 3)) + ELLIPSIS;
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) {
    return ELLIPSIS + abbreviateFull(utf8Text(b.subarray(offset)), 0, maxWidth - 3);
  }
  return ELLIPSIS + utf8Text(b.subarray(len - (maxWidth - 3)));
}

/** goutils.Initials with whitespace delimiters, byte by byte. */
export function initials(s: string): string {
  let out = '';
  let gap = true;
  for (const byte of utf8Bytes(s)) {
    if (isSpace(byte)) gap = true;
    else if (gap) {
      out += String.fromCharCode(byte);
      gap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace, byte by byte; a string without whitespace comes back unchanged. */
export function deleteWhiteSpace(s: string): string {
  const bytes = utf8Bytes(s);
  let out = '';
  let kept = 0;
  for (const byte of bytes) {
    if (!isSpace(byte)) {
      out += String.fromCharCode(byte);
      kept++;
    }
  }
  return kept === bytes.length ? s : out;
}

/**
 * goutils.SwapCase: upper and title case become lower case; lower case becomes title case at the
 * start of a word and upper case inside one.
 */
export function swapCase(s: string): string {
  let out = '';
  let whitespace = true;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    let mapped = cp;
    if (isUpper(cp) || isTitle(cp)) {
      mapped = toLowerRune(cp);
      whitespace = false;
    } else if (isLower(cp)) {
      mapped = whitespace ? toTitleRune(cp) : toUpperRune(cp);
      whitespace = false;
    } else {
      whitespace = isSpace(cp);
    }
    out += String.fromCodePoint(mapped);
  }
  return out;
}

/** goutils.Uncapitalize: lower-cases the first rune of each whitespace-separated word. */
export function uncapitalize(s: string): string {
  let out = '';
  let next = true;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isSpace(cp)) {
      next = true;
      out += ch;
    } else if (next) {
      out += String.fromCodePoint(toLowerRune(cp));
      next = false;
    } else out += ch;
  }
  return out;
}

const SPACE = 0x20;

function lastSpace(b: Uint8Array, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (b[i] === SPACE) return i;
  return -1;
}

/**
 * goutils.WrapCustom: breaks a line at spaces so that lines are at most `width` bytes; a word
 * longer than that is cut when `wrapLongWords`, else kept whole.
 */
export function wrapCustom(
  s: string,
  widthIn: number,
  newline: string,
  wrapLongWords: boolean,
  what: string,
): string {
  if (s === '') return '';
  const nl = utf8Bytes(newline === '' ? '\n' : newline);
  const width = Math.max(widthIn, 1);
  const b = utf8Bytes(s);
  const len = b.length;
  const parts: Uint8Array[] = [];
  let size = 0;
  const emit = (from: number, to: number, withNewline: boolean): void => {
    parts.push(b.subarray(from, to));
    size += to - from;
    if (withNewline) {
      parts.push(nl);
      size += nl.length;
    }
    checkLength(size, what);
  };
  let offset = 0;
  while (len - offset > width) {
    if (b[offset] === SPACE) {
      offset++;
      continue;
    }
    const space = lastSpace(b, offset, width + offset + 1);
    if (space >= offset) {
      emit(offset, space, true);
      offset = space + 1;
    } else if (wrapLongWords) {
      emit(offset, offset + width, true);
      offset += width;
    } else {
      const next = b.indexOf(SPACE, width + offset);
      if (next >= 0) {
        emit(offset, next, true);
        offset = next + 1;
      } else {
        emit(offset, len, false);
        offset = len;
      }
    }
  }
  emit(offset, len, false);
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return utf8Text(out);
}
