import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT, SHARED_DIR } from '../helpers/shared.js';

export { PROJECT_ROOT };

export const CLUSTERS = ['infra', 'apps'] as const;
export type Cluster = (typeof CLUSTERS)[number];

/** The platform trees the YAML checks walk. */
export const PLATFORM_DIRS = ['clusters', 'infrastructure', 'kubernetes', 'bootstrap'];

/** Schemas kept beside the project in ../shared/schemas. */
export const SCHEMAS_DIR = join(SHARED_DIR, 'schemas');

/** In CI the shared schemas must be there (a failure, never a skip); elsewhere tests skip visibly. */
export function schemasAvailable(): boolean {
  const ok = existsSync(SCHEMAS_DIR);
  if (!ok && process.env.CI) throw new Error(`shared schemas not found at ${SCHEMAS_DIR}`);
  return ok;
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export type Doc = Record<string, unknown>;

/** Every YAML document of a file, as plain data; throws on a YAML error. */
export function readYamlDocs(path: string): Doc[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true });
  const out: Doc[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message}`);
    const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
    if (value !== null && value !== undefined) out.push(value as Doc);
  }
  return out;
}

export function readYaml(rel: string): Doc {
  const [doc] = readYamlDocs(join(PROJECT_ROOT, rel));
  if (!doc) throw new Error(`${rel}: no YAML document`);
  return doc;
}

/** Files under dir (recursively), as paths relative to the project root. */
export function walk(dir: string): string[] {
  const abs = join(PROJECT_ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(PROJECT_ROOT, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** Objects of `kubectl kustomize DIR`. */
export function kustomize(dir: string): { ok: boolean; stderr: string; objects: Doc[] } {
  const r = spawnSync('kubectl', ['kustomize', join(PROJECT_ROOT, dir)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return { ok: false, stderr: r.stderr ?? '', objects: [] };
  const objects = parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as unknown)
    .filter((d): d is Doc => d !== null && typeof d === 'object');
  return { ok: true, stderr: '', objects };
}

/** A nested field of plain data, or undefined. */
export function field(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

export function named(objects: Doc[], kind: string, name: string): Doc | undefined {
  return objects.find((o) => o.kind === kind && field(o, 'metadata', 'name') === name);
}
