/**
 * Source positions of nodes, for diagnostics after parsing. Not on the hot path: the
 * document is parsed again with `yaml`, which keeps node ranges.
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

export function locateInChunk(chunk: DocumentChunk, path: (string | number)[]): SourcePosition | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(chunk.text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
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
  return { line: chunk.firstLine + pos.line, column: pos.col };
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
  let chunk: DocumentChunk | undefined;
  try {
    chunk = splitDocuments(text)[docIndex];
  } catch {
    return undefined;
  }
  return chunk ? locateInChunk(chunk, path) : undefined;
}
