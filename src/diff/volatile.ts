/**
 * Values helm regenerates on every render (genCA/genSignedCert certificates, randAlphaNum
 * passwords, checksums of those) would show every chart as drifted. Two renders of the same
 * chart with the same values differ exactly in these places, so they are masked — but only
 * when the value is present on both sides: a value that appears or disappears is a change.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';

/** What a masked value is printed as, on both sides. */
export const VOLATILE = '(volatile, masked)';

/** Secret data keys filled by helm's certificate and random functions in common charts. */
export const VOLATILE_SECRET_KEYS = ['ca.crt', 'ca.key', 'tls.crt', 'tls.key', 'admin-password'];

const WEBHOOK_KINDS = new Set(['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);

/** Where a pod template's metadata sits, for `checksum/*` annotations and chart labels. */
const TEMPLATE_METADATA = [
  ['spec', 'template', 'metadata'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
];

/** Flux appends `+<digest>` to an OCI chart's version; helm prints `+` as `_` in the label. */
const DIGEST_SUFFIX = /_[0-9a-f]{12,64}$/;

type Pair = [JsonObject, JsonObject];

function child(o: JsonValue | undefined, key: string): JsonObject | undefined {
  return isJsonObject(o) && isJsonObject(o[key]) ? o[key] : undefined;
}

function at(o: JsonObject, path: string[]): JsonObject | undefined {
  let cur: JsonObject | undefined = o;
  for (const p of path) cur = cur ? child(cur, p) : undefined;
  return cur;
}

/**
 * Applies `mask` to the maps at `path` of both objects, copying them on the way so the
 * rendered models are never changed; returns the masked keys.
 */
function maskMaps(pair: Pair, path: string[], mask: (a: JsonObject, b: JsonObject) => string[]): string[] {
  const a = at(pair[0], path);
  const b = at(pair[1], path);
  if (!a || !b) return [];
  const x = { ...a };
  const y = { ...b };
  const keys = mask(x, y);
  if (keys.length === 0) return [];
  pair[0] = setAt(pair[0], path, x);
  pair[1] = setAt(pair[1], path, y);
  return keys;
}

function setAt(o: JsonObject, path: string[], value: JsonObject): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  return { ...o, [head]: setAt(child(o, head) ?? {}, rest, value) };
}

function maskKeys(keys: (k: string) => boolean) {
  return (a: JsonObject, b: JsonObject): string[] => {
    const out: string[] = [];
    for (const k of Object.keys(a)) {
      if (!keys(k) || !(k in b) || a[k] === b[k]) continue;
      a[k] = VOLATILE;
      b[k] = VOLATILE;
      out.push(k);
    }
    return out;
  };
}

function chartLabel(a: JsonObject, b: JsonObject): string[] {
  const k = 'helm.sh/chart';
  const x = a[k];
  const y = b[k];
  if (typeof x !== 'string' || typeof y !== 'string' || x === y) return [];
  if (x.replace(DIGEST_SUFFIX, '') !== y.replace(DIGEST_SUFFIX, '')) return [];
  a[k] = VOLATILE;
  b[k] = VOLATILE;
  return [k];
}

const isChecksum = (k: string) => k.startsWith('checksum/');
const isSecretKey = (k: string) => VOLATILE_SECRET_KEYS.includes(k);

/** `webhooks[i].clientConfig.caBundle` of two webhook configurations, written back into `pair`. */
function maskCaBundles(pair: Pair): string[] {
  const a = pair[0].webhooks;
  const b = pair[1].webhooks;
  if (!Array.isArray(a) || !Array.isArray(b)) return [];
  const out: string[] = [];
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const xi = x[i];
    const yi = y[i];
    if (!isJsonObject(xi) || !isJsonObject(yi)) continue;
    const inner: Pair = [xi, yi];
    if (
      maskMaps(
        inner,
        ['clientConfig'],
        maskKeys((k) => k === 'caBundle'),
      ).length === 0
    )
      continue;
    [x[i], y[i]] = inner;
    out.push(`webhooks[${i}].clientConfig.caBundle`);
  }
  if (out.length > 0) {
    pair[0] = { ...pair[0], webhooks: x };
    pair[1] = { ...pair[1], webhooks: y };
  }
  return out;
}

/**
 * Both versions of a chart-rendered object with their volatile values masked, and the
 * masked paths (`data.tls.crt`, `metadata.annotations.checksum/config`).
 */
export function maskVolatile(before: JsonObject, after: JsonObject): { pair: Pair; paths: string[] } {
  const pair: Pair = [before, after];
  const paths: string[] = [];
  const note = (prefix: string, keys: string[]) => paths.push(...keys.map((k) => `${prefix}.${k}`));
  if (before.kind === 'Secret' && after.kind === 'Secret') {
    for (const field of ['data', 'stringData']) note(field, maskMaps(pair, [field], maskKeys(isSecretKey)));
  }
  if (typeof before.kind === 'string' && WEBHOOK_KINDS.has(before.kind) && before.kind === after.kind) {
    paths.push(...maskCaBundles(pair));
  }
  for (const meta of [['metadata'], ...TEMPLATE_METADATA]) {
    const name = meta.join('.');
    note(`${name}.annotations`, maskMaps(pair, [...meta, 'annotations'], maskKeys(isChecksum)));
    note(`${name}.labels`, maskMaps(pair, [...meta, 'labels'], chartLabel));
  }
  return { pair, paths };
}
