/**
 * Source positions of nodes, for diagnostics after parsing. Not on the hot path: the
 * document is parsed again with `yaml`, which keeps node ranges. A text's documents are
 * parsed once and kept (see textLocator), as diagnostics often locate many paths in one file.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { splitDocuments, type DocumentChunk } from './documents.js';

export interface SourcePosition {
  line: number;
  column: number;
}

function deref(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** The pair node for `seg` in a mapping, looking through `<<` merges as go-yaml applies them. */
function findInMap(
  map: unknown,
  seg: string,
  doc: Document,
  depth = 0,
): { key: Node; value: unknown } | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  const merges: unknown[] = [];
  for (const pair of map.items) {
    const k = keyText(pair.key);
    if (k === seg && isScalar(pair.key)) return { key: pair.key, value: pair.value };
    if (k === '<<') merges.push(pair.value);
  }
  for (const merge of merges) {
    const m = deref(merge, doc);
    const sources = isSeq(m) ? m.items.map((item) => deref(item, doc)) : [m];
    for (const source of sources) {
      const found = findInMap(source, seg, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

/** One chunk parsed with node ranges. */
interface ParsedChunk {
  doc: Document;
  lineCounter: LineCounter;
  firstLine: number;
}

function parseChunk(chunk: DocumentChunk): ParsedChunk {
  const lineCounter = new LineCounter();
  const doc = parseDocument(chunk.text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
  return { doc, lineCounter, firstLine: chunk.firstLine };
}

function locateParsed(parsed: ParsedChunk, path: (string | number)[]): SourcePosition | undefined {
  const { doc, lineCounter } = parsed;
  let node: unknown = doc.contents;
  let at: number | undefined = rangeStart(node);
  for (const seg of path) {
    node = deref(node, doc);
    if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      at = rangeStart(node);
    } else if (isMap(node)) {
      const found = findInMap(node, String(seg), doc);
      if (!found) return undefined;
      node = found.value;
      at = rangeStart(found.key);
    } else {
      return undefined;
    }
    if (at === undefined) return undefined;
  }
  if (at === undefined) return undefined;
  const pos = lineCounter.linePos(at);
  return { line: parsed.firstLine + pos.line, column: pos.col };
}

export function locateInChunk(chunk: DocumentChunk, path: (string | number)[]): SourcePosition | undefined {
  return locateParsed(parseChunk(chunk), path);
}

/** Where paths are in one text: `(docIndex, path)` as locateInDocument takes them. */
export type TextLocator = (docIndex: number, path: (string | number)[]) => SourcePosition | undefined;

/** A locator for `text` that splits it once and parses each document once, when first asked. */
export function textLocator(text: string): TextLocator {
  let chunks: DocumentChunk[] | undefined;
  let splitFailed = false;
  const parsed = new Map<number, ParsedChunk>();
  return (docIndex, path) => {
    if (!chunks && !splitFailed) {
      try {
        chunks = splitDocuments(text);
      } catch {
        splitFailed = true;
      }
    }
    const chunk = chunks?.[docIndex];
    if (!chunk) return undefined;
    let p = parsed.get(docIndex);
    if (!p) parsed.set(docIndex, (p = parseChunk(chunk)));
    return locateParsed(p, path);
  };
}

/** Texts located lately; bounded, as callers hand in whole files and rarely say when they are done. */
const RECENT_LIMIT = 32;
const recent = new Map<string, TextLocator>();

function recentLocator(text: string): TextLocator {
  let locator = recent.get(text);
  if (locator) {
    // Most recently used last, so the oldest is the first to go.
    recent.delete(text);
  } else {
    locator = textLocator(text);
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  }
  recent.set(text, locator);
  return locator;
}

/**
 * 1-based position of the node at `path` inside document `docIndex` of `text` (indices as
 * parseYamlDocuments numbers them). Mapping entries point at their key, sequence entries
 * at the item; undefined when the path does not exist in the source.
 */
export function locateInDocument(
  text: string,
  docIndex: number,
  path: (string | number)[],
): SourcePosition | undefined {
  return recentLocator(text)(docIndex, path);
}
