import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeAtomically } from './atomic-write.js';
import { nodeSchemaIo } from './node-io.js';
import { PREPARED_FORMAT } from './prepared.js';
import type { PreparedStore } from './types.js';

/**
 * Prepared schema copies in `dir`, one file per source: a header line naming the format, the
 * source and its stamp, then the JSON. The CLI only; failures are swallowed, since the source
 * can always be read instead.
 */
export function nodePreparedStore(dir: string): PreparedStore {
  const fileOf = (source: string) =>
    join(dir, `${createHash('sha256').update(resolve(source)).digest('hex').slice(0, 32)}.json`);
  const header = (source: string, stamp: string) =>
    JSON.stringify({ format: PREPARED_FORMAT, source: resolve(source), stamp });
  return {
    stamp(path) {
      try {
        const s = statSync(path);
        return s.isFile() ? `${s.size}:${s.mtimeMs}` : undefined;
      } catch {
        return undefined;
      }
    },
    get(path, stamp) {
      let text: string;
      try {
        text = readFileSync(fileOf(path), 'utf8');
      } catch {
        return undefined;
      }
      const newline = text.indexOf('\n');
      return newline > 0 && text.slice(0, newline) === header(path, stamp)
        ? text.slice(newline + 1)
        : undefined;
    },
    put(path, stamp, json) {
      try {
        writeAtomically(
          nodeSchemaIo,
          fileOf(path),
          `${header(path, stamp)}\n${json}`,
          `${process.pid}.${Date.now()}`,
        );
      } catch {
        // A read-only or full cache only costs speed.
      }
    },
  };
}
