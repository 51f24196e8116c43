import { DiagnosticError } from '../core/diagnostic.js';
import type { ResourceId } from '../core/resource-id.js';
import { curId, effectiveNamespace, idEquals, prevIds, resIdString, type KResource } from './resource.js';

/**
 * The ordered resource list kustomize calls a ResMap, with its id rules: current ids are
 * unique (compared by effective namespace), and lookups for patches accept any id a resource
 * has had.
 */
export function appendResource(list: KResource[], res: KResource, context: string): void {
  appendAll(list, [res], context);
}

/** Identity as kustomize compares ids: group, version, kind, name and effective namespace. */
function idKey(id: ResourceId): string {
  return `${id.group}|${id.version}|${id.kind}|${effectiveNamespace(id)}|${id.name}`;
}

/** Appends `more`, rejecting an id already present (a set keeps this linear on large builds). */
export function appendAll(list: KResource[], more: readonly KResource[], context: string): void {
  const keys = new Set(list.map((r) => idKey(curId(r.obj))));
  for (const res of more) {
    const id = curId(res.obj);
    const key = idKey(id);
    if (keys.has(key)) {
      throw new DiagnosticError({
        rule: 'kustomize-conflict',
        file: res.file || undefined,
        line: res.line,
        message: `${context}: may not add resource with an already registered id: ${resIdString(id)}`,
        hint: 'two resources have the same kind, namespace and name; remove one or rename it',
      });
    }
    keys.add(key);
    list.push(res);
  }
}

/** Resources any of whose ids (previous or current) equal `id`. */
export function matchAnyId(list: readonly KResource[], id: ResourceId): KResource[] {
  return list.filter((r) => [...prevIds(r.obj), curId(r.obj)].some((x) => idEquals(x, id)));
}

/** kustomize's GetById: exactly one resource must carry the id, for patches without a target. */
export function getById(
  list: readonly KResource[],
  id: ResourceId,
  context: string,
  file: string,
): KResource {
  const found = matchAnyId(list, id);
  if (found.length === 1) return found[0] as KResource;
  const what = found.length === 0 ? 'no matches' : 'multiple matches';
  throw new DiagnosticError({
    rule: 'kustomize-patch-target',
    file,
    message: `${context}: ${what} for Id ${resIdString(id)}; failed to find unique target for patch ${resIdString(id)}`,
    hint:
      found.length === 0
        ? 'the patch names a resource this kustomization does not contain; check its kind, name and namespace'
        : 'add a target selector to the patch',
  });
}
