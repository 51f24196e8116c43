/**
 * Splitting a file into documents the way kustomize's reader (kio.ByteReader) does, not as
 * a YAML stream parser would: CRLF becomes LF, every line after the first that starts with
 * `---` separates documents and may only carry a comment after the marker, and each piece
 * is then decoded as one YAML document.
 */
import { DiagnosticError } from '../core/diagnostic.js';

export interface DocumentChunk {
  /** Source of the piece, newline-normalized. */
  text: string;
  /** 0-based line of `text`'s first line in the file. */
  firstLine: number;
  /** 1-based line where the content starts (the piece's first line if none). */
  contentLine: number;
  /** False when the piece holds only comments, blank lines and markers. */
  hasContent: boolean;
  /** A piece go-yaml refuses before reading any node: a `...` with no document, or a directive with no `---`. */
  problem?: { line: number; message: string };
}

// kyaml: regexp `\n---.*\n`, matched without overlap.
const SEPARATOR = /\n---.*\n/g;
const BLANK = /^[ \t]*(?:#.*)?$/;
const START_MARKER = /^---[ \t]*(?:#.*)?$/;
const END_MARKER = /^\.\.\.[ \t]*(?:#.*)?$/;

function describe(text: string, firstLine: number): DocumentChunk {
  let line = firstLine;
  let started = false;
  let directive = -1;
  const empty = (): DocumentChunk => {
    const chunk: DocumentChunk = { text, firstLine, contentLine: firstLine + 1, hasContent: false };
    if (directive >= 0 && !started) {
      chunk.problem = { line: directive + 1, message: 'yaml: did not find expected <document start>' };
    }
    return chunk;
  };
  for (let offset = 0; offset < text.length; line++) {
    const nl = text.indexOf('\n', offset);
    const lineText = text.slice(offset, nl < 0 ? text.length : nl);
    if (END_MARKER.test(lineText)) {
      const chunk = empty();
      if (!started) chunk.problem ??= { line: line + 1, message: 'yaml: did not find expected node content' };
      return chunk;
    }
    if (START_MARKER.test(lineText)) started = true;
    else if (lineText[0] === '%' && !started) directive = directive < 0 ? line : directive;
    else if (!BLANK.test(lineText)) {
      if (directive >= 0 && !started) return empty();
      return { text, firstLine, contentLine: line + 1, hasContent: true };
    }
    if (nl < 0) break;
    offset = nl + 1;
  }
  return empty();
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The documents of a file; throws `yaml-syntax` for a separator line with content, as kustomize does. */
export function splitDocuments(source: string, file = ''): DocumentChunk[] {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
  if (text.length === 0) return [];
  const chunks: DocumentChunk[] = [];
  let prev = 0;
  let prevLine = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    const at = m.index;
    const separator = m[0];
    const after = separator.slice(4).trim();
    const separatorLine = prevLine + countLines(text, prev, at) + 1;
    if (after.length > 0 && after[0] !== '#') {
      throw new DiagnosticError({
        rule: 'yaml-syntax',
        message: `invalid document separator: ${separator.trim()}`,
        hint: 'put the document content on the line after `---`',
        file,
        line: separatorLine + 1,
        column: 1,
      });
    }
    // Keep the newline the separator match consumed, as kustomize re-appends it.
    chunks.push(describe(text.slice(prev, at + 1), prevLine));
    prev = at + separator.length;
    prevLine = separatorLine + 1;
  }
  chunks.push(describe(text.slice(prev), prevLine));
  return chunks;
}
