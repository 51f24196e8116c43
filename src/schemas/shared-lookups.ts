import type { JsonObject } from '../core/json.js';
import { formatGvk, gvkKey } from './gvk.js';
import { cachePath, isSafeGvk, schemaAddress, type SchemaLocation } from './location.js';
import { prepareSchema, readPreparedJson } from './prepared.js';
import { createSchemaEngine, type SchemaEngine } from './schema-engine.js';
import type { Gvk, OpenApiDoc, SchemaLookup, SchemaReadIo } from './types.js';

export interface SharedSchemaOptions {
  /** The Kubernetes OpenAPI v2 document of the chosen version (see loadKubernetesOpenApi). */
  kubernetes?: OpenApiDoc;
  /** Where to look for CRD schemas the cluster does not define. */
  location?: SchemaLocation;
  /** Cache of a remote location, filled by pullSchemas; required to read a remote location. */
  cacheDir?: string;
  /** Synchronous file reads (location files and the cache). */
  io?: SchemaReadIo;
}

/**
 * The lookups that do not depend on a cluster (built-in kinds, the schema location), each
 * answered once per run however many clusters ask. Built on first use: a run that
 * validates nothing pays nothing.
 */
export interface SharedLookups {
  readonly engine: SchemaEngine;
  /** The built-in kind's schema, undefined when the Kubernetes document has no such kind. */
  kubernetes(gvk: Gvk, apiVersion: string): SchemaLookup | undefined;
  /** The location's schema, or why there is none (for the `missing` reason). */
  location(gvk: Gvk): SchemaLookup | string;
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}

export function createSharedLookups(options: SharedSchemaOptions): SharedLookups {
  let engine: SchemaEngine | undefined;
  const kinds = new Map<string, SchemaLookup | undefined>();
  const located = new Map<string, SchemaLookup | string>();
  const shared: SharedLookups = {
    get engine() {
      engine ??= createSchemaEngine(options.kubernetes);
      return engine;
    },
    kubernetes(gvk, apiVersion) {
      // Keyed by the apiVersion as written: it is pinned in the compiled schema.
      return memo(kinds, `${apiVersion}\u0000${gvk.kind}`, () => {
        const definition = shared.engine.kubernetes?.kinds.get(gvkKey(gvk));
        return definition ? shared.engine.compileKind(gvk, definition, apiVersion) : undefined;
      });
    },
    location(gvk) {
      return memo(located, gvkKey(gvk), () => fromLocation(gvk, options, shared.engine));
    },
  };
  return shared;
}

function fromLocation(gvk: Gvk, options: SharedSchemaOptions, engine: SchemaEngine): SchemaLookup | string {
  const { location, io } = options;
  if (!location || !io) return 'no schema location given';
  if (gvk.group === '') return 'core kinds come only from the Kubernetes OpenAPI';
  if (!isSafeGvk(gvk)) return `${formatGvk(gvk)} is not a valid kind name`;
  const address = schemaAddress(location, gvk);
  let path = address;
  if (location.remote) {
    if (!options.cacheDir) return `${address} is remote and no cache directory is set`;
    path = cachePath(options.cacheDir, location, gvk);
  }
  const parsed = readPreparedJson(io, path, prepareSchema);
  if (parsed === undefined)
    return location.remote ? `${address} is not in the cache (pull schemas first)` : `no file ${path}`;
  if (typeof parsed === 'string') return { status: 'invalid', reason: `${path} is ${parsed}` };
  return engine.compileCustomResource(gvk, 'location', parsed as JsonObject, path);
}
