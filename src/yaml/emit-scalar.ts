/**
 * Writing one scalar the way yaml.v2 does: style selection (yaml_emitter_select_scalar_style)
 * and the plain, single-quoted, double-quoted and literal writers with their line folding
 * at 80 columns.
 */
import { BEST_INDENT, BEST_WIDTH, type EmitterState } from './emitter-state.js';
import { analyzeScalar, isBreak, isPrintable, type ScalarAnalysis } from './scalar-analysis.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export function selectStyle(
  requested: ScalarStyle,
  a: ScalarAnalysis,
  simpleKey: boolean,
  empty: boolean,
): ScalarStyle {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (empty && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** Emits a scalar node: analysis, style choice, then the writer at one indentation level deeper. */
export function emitScalar(
  st: EmitterState,
  value: string,
  requested: ScalarStyle,
  simpleKey: boolean,
): void {
  const analysis = analyzeScalar(value);
  const style = selectStyle(requested, analysis, simpleKey, value.length === 0);
  const previousIndent = st.increaseIndent(true, false);
  const allowBreaks = !simpleKey;
  switch (style) {
    case 'plain':
      writePlain(st, value, allowBreaks);
      break;
    case 'single':
      writeSingleQuoted(st, value, allowBreaks);
      break;
    case 'double':
      writeDoubleQuoted(st, value, allowBreaks);
      break;
    case 'literal':
      writeLiteral(st, value);
      break;
  }
  st.indent = previousIndent;
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function writePlain(st: EmitterState, value: string, allowBreaks: boolean): void {
  if (!st.whitespace) st.put(' ');
  const length = codePointLength(value);
  // Folding only happens at a space reached beyond the width; short values cannot fold.
  if (!allowBreaks || st.column + length <= BEST_WIDTH + 1 || !value.includes(' ')) {
    if (!value.includes('\n')) {
      st.putText(value, length);
      st.whitespace = false;
      st.indention = false;
      return;
    }
  }
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < value.length;) {
    const cp = value.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (cp === 0x20) {
      if (allowBreaks && !spaces && st.column > BEST_WIDTH && value.charCodeAt(next) !== 0x20) {
        st.writeIndent();
      } else {
        st.put(ch);
      }
      spaces = true;
    } else if (isBreak(cp)) {
      if (!breaks && cp === 0x0a) st.putBreak();
      st.writeBreak(ch);
      breaks = true;
    } else {
      if (breaks) st.writeIndent();
      st.put(ch);
      st.indention = false;
      spaces = false;
      breaks = false;
    }
    i = next;
  }
  st.whitespace = false;
  st.indention = false;
}

function writeSingleQuoted(st: EmitterState, value: string, allowBreaks: boolean): void {
  st.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < value.length;) {
    const cp = value.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (cp === 0x20) {
      if (
        allowBreaks &&
        !spaces &&
        st.column > BEST_WIDTH &&
        i !== 0 &&
        next < value.length &&
        value.charCodeAt(next) !== 0x20
      ) {
        st.writeIndent();
      } else {
        st.put(ch);
      }
      spaces = true;
    } else if (isBreak(cp)) {
      if (!breaks && cp === 0x0a) st.putBreak();
      st.writeBreak(ch);
      breaks = true;
    } else {
      if (breaks) st.writeIndent();
      if (cp === 0x27) st.put("'");
      st.put(ch);
      st.indention = false;
      spaces = false;
      breaks = false;
    }
    i = next;
  }
  st.writeIndicator("'", false, false, false);
  st.whitespace = false;
  st.indention = false;
}

const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function escapeOf(cp: number): string {
  const short = SHORT_ESCAPES.get(cp);
  if (short !== undefined) return '\\' + short;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

function writeDoubleQuoted(st: EmitterState, value: string, allowBreaks: boolean): void {
  let spaces = false;
  st.writeIndicator('"', true, false, false);
  for (let i = 0; i < value.length;) {
    const cp = value.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (!isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
      const escape = escapeOf(cp);
      st.putText(escape, escape.length);
      spaces = false;
    } else if (cp === 0x20) {
      if (allowBreaks && !spaces && st.column > BEST_WIDTH && i !== 0 && next < value.length) {
        st.writeIndent();
        if (value.charCodeAt(next) === 0x20) st.put('\\');
      } else {
        st.put(ch);
      }
      spaces = true;
    } else {
      st.put(ch);
      spaces = false;
    }
    i = next;
  }
  st.writeIndicator('"', false, false, false);
  st.whitespace = false;
  st.indention = false;
}

function lastCodePoint(s: string, end: number): number {
  return s.codePointAt(end > 1 && (s.charCodeAt(end - 1) & 0xfc00) === 0xdc00 ? end - 2 : end - 1)!;
}

function blockChompHint(value: string): string {
  if (value.length === 0) return '-';
  const last = lastCodePoint(value, value.length);
  if (!isBreak(last)) return '-';
  const lastLength = last > 0xffff ? 2 : 1;
  if (value.length === lastLength) return '+';
  return isBreak(lastCodePoint(value, value.length - lastLength)) ? '+' : '';
}

function writeLiteral(st: EmitterState, value: string): void {
  st.writeIndicator('|', true, false, false);
  const first = value.codePointAt(0);
  if (first !== undefined && (first === 0x20 || isBreak(first))) {
    st.writeIndicator(String(BEST_INDENT), false, false, false);
  }
  const chomp = blockChompHint(value);
  if (chomp) st.writeIndicator(chomp, false, false, false);
  st.putBreak();
  st.indention = true;
  st.whitespace = true;
  if (!OTHER_BREAKS.test(value)) {
    writeLiteralLines(st, value);
    return;
  }
  let breaks = true;
  for (let i = 0; i < value.length;) {
    const cp = value.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (isBreak(cp)) {
      st.writeBreak(ch);
      breaks = true;
    } else {
      if (breaks) st.writeIndent();
      st.put(ch);
      st.indention = false;
      breaks = false;
    }
    i += ch.length;
  }
}

const OTHER_BREAKS = /[\r\x85\u2028\u2029]/;

// Same output as the character loop when '\n' is the only break character, line by line.
function writeLiteralLines(st: EmitterState, value: string): void {
  const lines = value.split('\n');
  let breaks = true;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.length > 0) {
      if (breaks) st.writeIndent();
      st.putText(line, codePointLength(line));
      st.indention = false;
      breaks = false;
    }
    if (li < lines.length - 1) {
      st.writeBreak('\n');
      breaks = true;
    }
  }
}
