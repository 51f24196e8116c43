import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in test/helpers). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Development data kept beside the project: corpus of real Flux repositories, schemas. */
export const SHARED_DIR = resolve(PROJECT_ROOT, '../shared');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');

/** In CI the shared data must be there; elsewhere tests that need it are skipped visibly. */
export function sharedAvailable(): boolean {
  const ok = existsSync(CORPUS_DIR);
  if (!ok && process.env.CI) throw new Error(`shared test data not found at ${SHARED_DIR}`);
  return ok;
}

export interface BuildDir {
  dir: string;
  ok: boolean;
  reason: string;
}

/** The corpus repositories; none without the shared data (tests over them then skip). */
export function corpusRepos(): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The oracle's list of build directories of one corpus repository. */
export function buildDirs(repo: string): BuildDir[] {
  const text = readFileSync(join(CORPUS_DIR, repo, '.build-dirs.txt'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [dir = '', status = ''] = line.split('\t');
      return { dir, ok: status === 'OK', reason: status.replace(/^FAIL: /, '') };
    });
}
