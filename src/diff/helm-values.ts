/** HelmRelease changes summarised: chart, version and the `spec.values` paths that changed. */
import { deepEqual, isJsonObject, type JsonValue } from '../core/json.js';
import { refKey, type HelmReleaseRecord } from '../render/model.js';
import type { HelmReleaseDiff, ValueChange } from './types.js';

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function childPath(prefix: string, key: string): string {
  return SIMPLE_KEY.test(key) ? `${prefix}.${key}` : `${prefix}[${JSON.stringify(key)}]`;
}

/** Leaf paths of a values tree; empty maps and lists are leaves of their own. */
function flatten(value: JsonValue | undefined, prefix: string, out: Map<string, JsonValue>) {
  if (value === undefined) return out;
  if (isJsonObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, childPath(prefix, k), out);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else {
    out.set(prefix, value);
  }
  return out;
}

function valuesOf(hr: HelmReleaseRecord | undefined): JsonValue | undefined {
  const spec = hr && isJsonObject(hr.obj.spec) ? hr.obj.spec : undefined;
  return spec?.values;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function valueChanges(before: JsonValue | undefined, after: JsonValue | undefined): ValueChange[] {
  const a = flatten(before, 'values', new Map());
  const b = flatten(after, 'values', new Map());
  const out: ValueChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort(byString)) {
    const x = a.get(path);
    const y = b.get(path);
    if (x !== undefined && y !== undefined && deepEqual(x, y)) continue;
    out.push({
      path,
      ...(x !== undefined ? { before: JSON.stringify(x) } : {}),
      ...(y !== undefined ? { after: JSON.stringify(y) } : {}),
    });
  }
  return out;
}

function change(a: string | undefined, b: string | undefined) {
  return a === b
    ? undefined
    : { ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) };
}

/**
 * One HelmRelease on both sides (either may be absent); undefined when nothing that the
 * summary covers changed. `masked` hides the values (the object came from a SOPS file).
 */
export function diffHelmRelease(
  before: HelmReleaseRecord | undefined,
  after: HelmReleaseRecord | undefined,
  masked: boolean,
): HelmReleaseDiff | undefined {
  const any = (after ?? before) as HelmReleaseRecord;
  const chart = change(before?.chart, after?.chart);
  const version = change(before?.version, after?.version);
  let values = valueChanges(valuesOf(before), valuesOf(after));
  if (masked) values = values.map((v) => maskChange(v));
  const action = !before ? 'created' : !after ? 'deleted' : 'changed';
  if (action === 'changed' && !chart && !version && values.length === 0) return undefined;
  return {
    ref: refKey(any.ref),
    action,
    ...(chart ? { chart } : {}),
    ...(version ? { version } : {}),
    values,
  };
}

function maskChange(v: ValueChange): ValueChange {
  const both = v.before !== undefined && v.after !== undefined;
  return {
    path: v.path,
    ...(v.before !== undefined ? { before: both ? '*** (before)' : '***' } : {}),
    ...(v.after !== undefined ? { after: both ? '*** (after)' : '***' } : {}),
  };
}
