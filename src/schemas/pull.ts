import { isJsonObject } from '../core/json.js';
import { writeAtomically } from './atomic-write.js';
import { formatGvk } from './gvk.js';
import { cachePath, isSafeGvk, schemaAddress, type SchemaLocation } from './location.js';
import type { Gvk, SchemaCacheIo } from './types.js';

export type PullStatus = 'cached' | 'fetched' | 'not-found' | 'error';

export interface PullResult {
  gvk: Gvk;
  status: PullStatus;
  /** Where the schema was fetched from. */
  url: string;
  /** For `not-found` and `error`: what went wrong, in a sentence. */
  message?: string;
}

export interface PullOptions {
  cacheDir: string;
  io: SchemaCacheIo;
  /** Fetch again even when the cache holds the schema. */
  refresh?: boolean;
  /** Parallel downloads. */
  concurrency?: number;
}

/** Parses a downloaded schema; a string error when it is not a JSON object. */
export function parseSchemaText(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  return isJsonObject(value) ? value : 'not a JSON object';
}

async function pullOne(
  location: SchemaLocation,
  gvk: Gvk,
  options: PullOptions,
  seq: string,
): Promise<PullResult> {
  const url = schemaAddress(location, gvk);
  if (!location.remote)
    return { gvk, url, status: 'error', message: `${url} is a local path: read directly, never pulled` };
  if (!isSafeGvk(gvk))
    return { gvk, url, status: 'error', message: `${formatGvk(gvk)} is not a valid kind name` };
  const target = cachePath(options.cacheDir, location, gvk);
  const { io } = options;
  if (!options.refresh && io.readFile(target) !== undefined) return { gvk, url, status: 'cached' };
  let response;
  try {
    response = await io.fetch(url);
  } catch (e) {
    return {
      gvk,
      url,
      status: 'error',
      message: `cannot fetch ${url}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (response.status === 404) {
    return { gvk, url, status: 'not-found', message: `no schema for ${formatGvk(gvk)} at ${url} (404)` };
  }
  if (response.status < 200 || response.status >= 300) {
    return {
      gvk,
      url,
      status: 'error',
      message: `${url} answered HTTP ${response.status}; schema not cached`,
    };
  }
  const parsed = parseSchemaText(response.text);
  if (typeof parsed === 'string') {
    return { gvk, url, status: 'error', message: `${url} is ${parsed}; schema not cached` };
  }
  try {
    writeAtomically(io, target, response.text, seq);
  } catch (e) {
    return {
      gvk,
      url,
      status: 'error',
      message: `cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  return { gvk, url, status: 'fetched' };
}

/**
 * Fills the cache with the schemas of `gvks` from a remote location. Never throws: each
 * kind gets a result, and only a complete, parseable JSON object is ever cached.
 */
export async function pullSchemas(
  location: SchemaLocation,
  gvks: readonly Gvk[],
  options: PullOptions,
): Promise<PullResult[]> {
  const results: PullResult[] = new Array(gvks.length);
  let next = 0;
  const limit = Math.max(1, Math.min(options.concurrency ?? 8, gvks.length));
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const workers = Array.from({ length: limit }, async () => {
    while (next < gvks.length) {
      const i = next++;
      results[i] = await pullOne(location, gvks[i] as Gvk, options, `${tag}.${i}`);
    }
  });
  await Promise.all(workers);
  return results;
}
