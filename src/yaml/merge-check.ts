/**
 * go-yaml rejects `<<` merges whose value is not a mapping or a sequence of mappings; the
 * fast loader silently skips non-string scalars there. Documents with merge keys are rare,
 * so they get this second look with `yaml`, which keeps positions.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';

export interface BadMerge {
  line: number;
  column: number;
}

function isMapping(node: unknown, doc: Document): boolean {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isMap(target);
}

export function findBadMerge(text: string): BadMerge | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
  let found: BadMerge | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || key.value !== '<<' || key.type !== 'PLAIN') return undefined;
      const value = pair.value;
      const ok = isSeq(value) ? value.items.every((item) => isMapping(item, doc)) : isMapping(value, doc);
      if (ok) return undefined;
      const pos = lineCounter.linePos(key.range?.[0] ?? 0);
      found = { line: pos.line, column: pos.col };
      return visit.BREAK;
    },
  });
  return found;
}
