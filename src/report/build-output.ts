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

/** `flux build` output: each object as sigs.k8s.io/yaml prints it, followed by `---`. */
export function formatBuildYaml(objects: readonly JsonObject[]): string {
  return objects.map((o) => `${emitYaml(o)}---\n`).join('');
}

/**
 * Keys sorted, as Go's encoding/json prints maps (and as the YAML output is). NaN and ±Inf,
 * which JSON.stringify would print as null, fail as they do in Go.
 */
export function formatBuildJson(objects: readonly JsonObject[]): string {
  const sorted = (_key: string, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) formatNumber(v);
    return isJsonObject(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v;
  };
  return `${JSON.stringify(objects, sorted, 2)}\n`;
}
