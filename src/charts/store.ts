/**
 * The on-disk chart cache. Archives are stored once by content (`blobs/sha256/<hex>.tgz`);
 * small JSON records map what was asked (a request key, an imported `name@version`, a
 * repository's index by URL) to those digests. Every file is written beside its target and
 * renamed into place, and every archive is verified against its name when read.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { hashText, sha256Digest, sha256Hex } from './digest.js';
import { ChartFailure } from './failure.js';

/** What a request resolved to the last time it was fetched. */
export interface ChartRecord {
  key: string;
  digest: string;
  name: string;
  version: string;
  manifestDigest?: string;
  /** The OCI tag the chart was pulled by (for the version check offline). */
  tag?: string;
  source: string;
}

/** An archive put into the cache by hand. */
export interface ImportRecord {
  name: string;
  version: string;
  digest: string;
  file: string;
}

export type BlobRead = { bytes: Uint8Array } | { missing: true } | { corrupt: true };

let writes = 0;

function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Another writer may have made it meanwhile.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}

function cacheWriteFailure(path: string, e: unknown): ChartFailure {
  const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  return new ChartFailure(
    `cannot write the chart cache at ${path} (${code})`,
    'make the folder writable, or point K8S_OPS_CHART_CACHE at a writable folder',
  );
}

/** Writes beside `target`, then renames: readers never see half a file. */
function writeAtomically(target: string, data: Uint8Array | string): void {
  const temp = `${target}.${process.pid}.${++writes}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    makeDirs(dirname(target));
    writeFileSync(temp, data);
    renameSync(temp, target);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
    throw cacheWriteFailure(target, e);
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    // Missing or unreadable records are simply absent: the chart is fetched again.
    return undefined;
  }
}

function isRecord(v: unknown): v is ChartRecord {
  const r = v as Partial<ChartRecord> | undefined;
  return (
    typeof r?.key === 'string' &&
    typeof r.digest === 'string' &&
    typeof r.name === 'string' &&
    typeof r.version === 'string'
  );
}

function isImport(v: unknown): v is ImportRecord {
  const r = v as Partial<ImportRecord> | undefined;
  return typeof r?.name === 'string' && typeof r.version === 'string' && typeof r.digest === 'string';
}

export class ChartStore {
  constructor(readonly root: string) {}

  blobPath(digest: string): string | undefined {
    const hex = sha256Hex(digest);
    return hex && join(this.root, 'blobs', 'sha256', `${hex}.tgz`);
  }

  /** The archive of `digest`; a file whose content no longer matches is removed and reported. */
  readBlob(digest: string): BlobRead {
    const path = this.blobPath(digest);
    if (!path) return { missing: true };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      return { missing: true };
    }
    if (sha256Digest(bytes) === digest) return { bytes };
    rmSync(path, { force: true });
    return { corrupt: true };
  }

  writeBlob(bytes: Uint8Array): string {
    const digest = sha256Digest(bytes);
    writeAtomically(this.blobPath(digest) as string, bytes);
    return digest;
  }

  private recordPath(key: string): string {
    return join(this.root, 'refs', `${hashText(key)}.json`);
  }

  readRecord(key: string): ChartRecord | undefined {
    const v = readJson(this.recordPath(key));
    return isRecord(v) && v.key === key ? v : undefined;
  }

  writeRecord(record: ChartRecord): void {
    writeAtomically(this.recordPath(record.key), `${JSON.stringify(record, null, 2)}\n`);
  }

  private indexPath(url: string): string {
    return join(this.root, 'indexes', `${hashText(url)}.yaml`);
  }

  readIndex(url: string): Uint8Array | undefined {
    try {
      return readFileSync(this.indexPath(url));
    } catch {
      return undefined;
    }
  }

  /** Stores an index by its repository URL, with a note of the URL for people browsing the cache. */
  writeIndex(url: string, bytes: Uint8Array): void {
    const path = this.indexPath(url);
    writeAtomically(path, bytes);
    writeAtomically(path.replace(/\.yaml$/, '.url'), `${url}\n`);
  }

  private importDir(name: string): string {
    return join(this.root, 'imports', encodeURIComponent(name));
  }

  writeImport(record: ImportRecord): void {
    const path = join(this.importDir(record.name), `${encodeURIComponent(record.version)}.json`);
    writeAtomically(path, `${JSON.stringify(record, null, 2)}\n`);
  }

  /** Imported versions of chart `name`, sorted by file name. */
  listImports(name: string): ImportRecord[] {
    let files: string[];
    try {
      files = readdirSync(this.importDir(name))
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      return [];
    }
    return files
      .map((f) => readJson(join(this.importDir(name), f)))
      .filter((v): v is ImportRecord => isImport(v) && v.name === name);
  }
}
