/**
 * Finding the first duplicated mapping key with go-yaml v3's rule (two scalar keys with the
 * same text, quoted or not) and both positions, for the `already defined at line N` message.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';

export interface DuplicateKey {
  key: string;
  /** 1-based line and column of the second occurrence, relative to the text. */
  line: number;
  column: number;
  /** 1-based line of the first occurrence. */
  firstLine: number;
}

export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
  // The loader stops at the first duplicate in source order, so report that one.
  let found: (DuplicateKey & { offset: number }) | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const start = pair.key.range[0];
        const first = seen.get(key);
        if (first !== undefined) {
          if (!found || start < found.offset) {
            const pos = lineCounter.linePos(start);
            found = {
              key,
              line: pos.line,
              column: pos.col,
              firstLine: lineCounter.linePos(first).line,
              offset: start,
            };
          }
          break;
        }
        seen.set(key, start);
      }
      return undefined;
    },
  });
  return found && { key: found.key, line: found.line, column: found.column, firstLine: found.firstLine };
}
