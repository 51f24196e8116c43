import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { makeDirectory } from '../tree/make-dir.js';
import type { FetchResult, SchemaCacheIo } from './types.js';

/** The real file system and network, for the CLI only; the core takes these as arguments. */
export const nodeSchemaIo: SchemaCacheIo = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  rename: (from, to) => renameSync(from, to),
  removeFile: (path) => rmSync(path, { force: true }),
  mkdirp: (dir) => makeDirectory(dir),
  async fetch(url): Promise<FetchResult> {
    const response = await globalThis.fetch(url, { signal: AbortSignal.timeout(30_000) });
    return { status: response.status, text: await response.text() };
  },
};
