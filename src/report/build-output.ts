import { isJsonObject, type JsonObject } from '../core/json.js';
import type { RenderedObject } from '../render/model.js';
import { emitYaml } from '../yaml/emit.js';
import { formatNumber } from '../yaml/emit-number.js';

const MASK = '**SOPS**';
const MASK_B64 = Buffer.from(MASK).toString('base64');

/** Values of Secrets decrypted in memory are replaced unless the user asked to see them. */
export function maskDecrypted(o: RenderedObject, showSecrets: boolean): JsonObject {
  if (!o.decrypted || showSecrets || o.obj.kind !== 'Secret') return o.obj;
  const out: JsonObject = { ...o.obj };
  if (isJsonObject(o.obj.data))
    out.data = Object.fromEntries(Object.keys(o.obj.data).map((k) => [k, MASK_B64]));
  if (isJsonObject(o.obj.stringData)) {
    out.stringData = Object.fromEntries(Object.keys(o.obj.stringData).map((k) => [k, MASK]));
  }
  return out;
}

/** `flux build` output, one chunk per object: each as sigs.k8s.io/yaml prints it, then `---`. */
export function* buildYamlChunks(objects: Iterable<JsonObject>): Generator<string> {
  for (const o of objects) yield `${emitYaml(o)}---\n`;
}

/** `flux build` output: each object as sigs.k8s.io/yaml prints it, followed by `---`. */
export function formatBuildYaml(objects: readonly JsonObject[]): string {
  return [...buildYamlChunks(objects)].join('');
}

// Keys sorted, as Go's encoding/json prints maps (and as the YAML output is). NaN and ±Inf,
// which JSON.stringify would print as null, fail as they do in Go.
const sortedKeys = (_key: string, v: unknown) => {
  if (typeof v === 'number' && !Number.isFinite(v)) formatNumber(v);
  return isJsonObject(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v;
};

/** One element of the JSON array, indented as `JSON.stringify(array, _, 2)` indents it. */
export function jsonArrayElement(o: JsonObject): string {
  // Newlines inside strings are escaped, so every real newline starts a line to indent.
  return `  ${JSON.stringify(o, sortedKeys, 2).replaceAll('\n', '\n  ')}`;
}

/** The JSON array of objects in chunks: the opening, one per object, then the close. */
export function* buildJsonChunks(objects: Iterable<JsonObject>): Generator<string> {
  let first = true;
  for (const o of objects) {
    yield `${first ? '[\n' : ',\n'}${jsonArrayElement(o)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** The objects as one JSON array, keys sorted, two-space indent. */
export function formatBuildJson(objects: readonly JsonObject[]): string {
  return [...buildJsonChunks(objects)].join('');
}
