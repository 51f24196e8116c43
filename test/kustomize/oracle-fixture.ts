import { loadAll } from 'js-yaml';
import type { JsonObject } from '../../src/core/json.js';
import type { KResource } from '../../src/kustomize/resource.js';
import { realKustomize, withFixture } from '../helpers/kustomize-oracle.js';

/** Parsed objects of a YAML stream (js-yaml: YAML 1.2 core, like kyaml). */
export function loadDocs(text: string): JsonObject[] {
  return (loadAll(text) as unknown[]).filter((d): d is JsonObject => d !== null && typeof d === 'object');
}

export function toResources(text: string): KResource[] {
  return loadDocs(text).map((obj) => ({ obj, file: 'res.yaml' }));
}

export type OracleOutcome = { ok: true; objects: JsonObject[] } | { ok: false; error: string };

/** Runs real kustomize on `files` (kustomization.yaml included) and parses its output. */
export function runOracle(files: Record<string, string>): OracleOutcome {
  return withFixture(files, (root) => {
    const r = realKustomize(root);
    // stderr quotes the Go error with escaped quotes; unescape so messages compare as written
    if (!r.ok) return { ok: false, error: r.stderr.replace(/\\"/g, '"').replace(/\\\\/g, '\\') };
    return { ok: true, objects: sortObjects(loadDocs(r.stdout)) };
  });
}

/** Our outcome in the same shape: the objects after `fn`, or the error message it threw. */
export function runOurs(fn: () => JsonObject[]): OracleOutcome {
  try {
    return { ok: true, objects: sortObjects(fn()) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function sortKey(o: JsonObject): string {
  const meta = (o.metadata ?? {}) as JsonObject;
  return `${String(o.kind)}/${String(meta.namespace ?? '')}/${String(meta.name)}`;
}

/** kustomize prints in its own kind order; compare outputs as sets keyed by kind/namespace/name. */
function sortObjects(objs: JsonObject[]): JsonObject[] {
  return [...objs].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}
