import { readFileSync } from 'node:fs';
import type { OpenApiDoc, SchemaReadIo } from '../../src/schemas/index.js';

/** Synchronous reads from the real file system, `undefined` for a missing file. */
export const readIo: SchemaReadIo = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const docs = new Map<string, OpenApiDoc>();

/** The reference swagger document of a Kubernetes version, parsed once per test file. */
export function swagger(path: string): OpenApiDoc {
  let doc = docs.get(path);
  if (!doc) {
    doc = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDoc;
    docs.set(path, doc);
  }
  return doc;
}
