import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { FieldSpec, GvkSelector } from './transformer-config.js';

/** One step of a field spec path: a map key, `[]`-marked when the path says it holds a list. */
export interface PathSegment {
  key: string;
  seq: boolean;
}

const compiled = new Map<string, readonly PathSegment[]>();

/**
 * Splits a field spec path on '/', where `\/` escapes a slash inside a key
 * (`metadata/annotations/nginx.ingress.kubernetes.io\/auth-secret`). Cached: tables are reused
 * for every resource of every build.
 */
export function compilePath(path: string): readonly PathSegment[] {
  let segs = compiled.get(path);
  if (segs) return segs;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    const last = parts.length - 1;
    if (last >= 0 && parts[last]!.endsWith('\\')) parts[last] = `${parts[last]!.slice(0, -1)}/${p}`;
    else parts.push(p);
  }
  segs = parts.map((p) => (p.endsWith('[]') ? { key: p.slice(0, -2), seq: true } : { key: p, seq: false }));
  compiled.set(path, segs);
  return segs;
}

/** Where a matched field lives: set `holder[key]` to change it. */
export type FieldHolder = JsonObject | JsonValue[];
export type FieldKey = string | number;
export type SetField = (holder: FieldHolder, key: FieldKey) => void;

/** What a missing last field is created as (kustomize's CreateKind); undefined means never create. */
export type CreateKind = 'map' | 'scalar' | undefined;

export class FieldSpecPathError extends Error {}

/** The group/version the fieldspec filter sees: `v1`/`v2`-looking single words are core versions. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash >= 0) return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
  if (apiVersion.length >= 2 && apiVersion[0] === 'v' && (apiVersion[1] === '1' || apiVersion[1] === '2')) {
    return { group: '', version: apiVersion };
  }
  return { group: apiVersion, version: '' };
}

/** Whether a field spec's GVK applies to the object as it is now. */
export function fieldSpecMatchesObject(spec: GvkSelector, obj: JsonObject): boolean {
  if (spec.kind && spec.kind !== obj.kind) return false;
  if (!spec.group && !spec.version) return true;
  const gv = parseGroupVersion(typeof obj.apiVersion === 'string' ? obj.apiVersion : '');
  if (spec.group && spec.group !== gv.group) return false;
  if (spec.version && spec.version !== gv.version) return false;
  return true;
}

function visit(
  holder: FieldHolder,
  key: FieldKey,
  segs: readonly PathSegment[],
  i: number,
  create: boolean,
  createKind: CreateKind,
  set: SetField,
): void {
  if (i === segs.length) {
    set(holder, key);
    return;
  }
  const node = (holder as Record<FieldKey, JsonValue>)[key];
  if (Array.isArray(node)) {
    // A list on the way applies the rest of the path to every element, `[]` or not; kyaml
    // passes over null elements (`- ` with no value), and fails on other scalars.
    for (let j = 0; j < node.length; j++) {
      if (node[j] === null && i < segs.length) continue;
      visit(node, j, segs, i, create, createKind, set);
    }
  } else if (isJsonObject(node)) {
    field(node, segs, i, create, createKind, set);
  } else {
    throw new FieldSpecPathError('expected sequence or mapping node');
  }
}

function field(
  obj: JsonObject,
  segs: readonly PathSegment[],
  i: number,
  create: boolean,
  createKind: CreateKind,
  set: SetField,
): void {
  const seg = segs[i]!;
  const value = obj[seg.key];
  // kyaml treats an explicit null like a missing field.
  if (value === undefined || value === null) {
    if (!create || createKind === undefined || seg.seq) return;
    const last = i === segs.length - 1;
    obj[seg.key] = last && createKind === 'scalar' ? '' : {};
  }
  visit(obj, seg.key, segs, i + 1, create, createKind, set);
}

/**
 * Applies `set` to every field `spec.path` addresses in `obj`, creating missing fields as
 * kustomize's fieldspec filter does when `spec.create` is set and a createKind is given.
 * The spec's GVK is checked against the object unless `checkGvk` is false.
 * Throws FieldSpecPathError when the path runs into a scalar.
 */
export function walkFieldSpec(
  obj: JsonObject,
  spec: FieldSpec,
  set: SetField,
  createKind?: CreateKind,
  checkGvk = true,
): void {
  if (checkGvk && !fieldSpecMatchesObject(spec, obj)) return;
  const segs = compilePath(spec.path);
  if (segs.length === 0) return;
  field(obj, segs, 0, spec.create === true, createKind, set);
}
