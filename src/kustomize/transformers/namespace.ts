import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { FieldSpec, TransformerConfig } from '../fieldspecs/transformer-config.js';
import { walkFieldSpec, type FieldHolder, type FieldKey } from '../fieldspecs/walk-fieldspec.js';
import { curId, effectiveNamespace, resIdString, storePreviousId, type KResource } from '../resource.js';
import { isClusterScoped } from '../scope.js';
import { gvkOf } from '../../core/resource-id.js';
import { FieldValueError, resourceError, withFieldErrors } from './resource-error.js';

/** Which RoleBinding/ClusterRoleBinding subjects get the namespace (NamespaceTransformer `setRoleBindingSubjects`). */
export type RoleBindingSubjectMode = 'defaultOnly' | 'allServiceAccounts' | 'none';

export interface NamespaceOptions {
  /** Only set namespace fields that are absent or empty (NamespaceTransformer `unsetOnly`). */
  unsetOnly?: boolean;
  setRoleBindingSubjects?: RoleBindingSubjectMode;
}

const META_NAMESPACE = 'metadata/namespace';

function isRoleBinding(kind: JsonValue | undefined): boolean {
  return kind === 'RoleBinding' || kind === 'ClusterRoleBinding';
}

/** The field specs left to the generic walk once the hardcoded cases are taken out. */
function dataDrivenSpecs(specs: readonly FieldSpec[]): FieldSpec[] {
  return specs.filter(
    (fs) => fs.path !== META_NAMESPACE && !(isRoleBinding(fs.kind) && fs.path === 'subjects'),
  );
}

function makeSetter(namespace: string, unsetOnly: boolean) {
  return (holder: FieldHolder, key: FieldKey): void => {
    const h = holder as Record<FieldKey, JsonValue>;
    const current = h[key];
    if (isJsonObject(current) || Array.isArray(current)) {
      throw new FieldValueError('namespace field specs must target scalar nodes');
    }
    if (unsetOnly && current !== null && current !== undefined && current !== '') return;
    h[key] = namespace;
  };
}

function setSubjectNamespaces(
  obj: JsonObject,
  mode: RoleBindingSubjectMode,
  set: ReturnType<typeof makeSetter>,
): void {
  const subjects = obj.subjects;
  if (mode === 'none' || !Array.isArray(subjects)) return;
  for (const s of subjects) {
    if (!isJsonObject(s)) continue;
    const wanted = mode === 'allServiceAccounts' ? s.kind === 'ServiceAccount' : s.name === 'default';
    if (!wanted) continue;
    if (s.namespace === undefined) s.namespace = '';
    set(s, 'namespace');
  }
}

/**
 * The kustomization `namespace:` (NamespaceTransformer): records every resource's id, sets
 * metadata.namespace on namespaced kinds, the namespace of `default` RoleBinding subjects, and
 * every field the `namespace` field specs name (Namespace objects are renamed, webhook service
 * namespaces of CRDs/APIServices set). A resulting id clash is an error, as in kustomize.
 */
export function applyNamespace(
  resources: readonly KResource[],
  namespace: string,
  config: TransformerConfig,
  opts: NamespaceOptions = {},
): void {
  if (namespace === '') return;
  const specs = dataDrivenSpecs(config.namespace);
  const set = makeSetter(namespace, opts.unsetOnly === true);
  const mode = opts.setRoleBindingSubjects ?? 'defaultOnly';
  for (const r of resources) {
    const obj = r.obj;
    if (Object.keys(obj).length === 0) continue;
    storePreviousId(obj);
    withFieldErrors(r, 'namespace transformation failed', META_NAMESPACE, () => {
      if (!isClusterScoped(gvkOf(obj))) {
        walkFieldSpec(obj, { path: META_NAMESPACE, create: true }, set, 'scalar', false);
      }
      if (isRoleBinding(obj.kind)) setSubjectNamespaces(obj, mode, set);
    });
    for (const fs of specs) {
      withFieldErrors(r, 'namespace transformation failed', fs.path, () =>
        walkFieldSpec(obj, fs, set, 'scalar'),
      );
    }
  }
  checkIdConflicts(resources);
}

function checkIdConflicts(resources: readonly KResource[]): void {
  const seen = new Set<string>();
  for (const r of resources) {
    const id = curId(r.obj);
    // Ids are equal when group/version/kind/name and the effective namespace (unset means `default`) are.
    const key = `${id.group}|${id.version}|${id.kind}|${id.name}|${effectiveNamespace(id)}`;
    if (seen.has(key)) {
      throw resourceError(r, `namespace transformation produces ID conflict: ${resIdString(id)}`);
    }
    seen.add(key);
  }
}
