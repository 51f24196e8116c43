import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { ResourceId } from '../../core/resource-id.js';
import {
  gvkSelected,
  type FieldSpec,
  type GvkSelector,
  type TransformerConfig,
} from '../fieldspecs/transformer-config.js';
import { walkFieldSpec, type FieldHolder, type FieldKey } from '../fieldspecs/walk-fieldspec.js';
import {
  ANN_REF_BY,
  curId,
  effectiveNamespace,
  getAnnotation,
  getName,
  getNamePrefixes,
  getNameSuffixes,
  getNamespace,
  prevIds,
  resIdString,
  setAnnotation,
  TOTALLY_NOT_A_NAMESPACE,
  type KResource,
} from '../resource.js';
import { isClusterScoped } from '../scope.js';
import { FieldValueError, resourceError, withFieldErrors } from './resource-error.js';

/** What name-reference fixing needs to know about a resource; ids do not change while it runs. */
interface Entry {
  r: KResource;
  cur: ResourceId;
  prev: ResourceId[];
  org: ResourceId;
  clusterScoped: boolean;
  prefixes: string[];
  suffixes: string[];
}

function entryOf(r: KResource): Entry {
  const cur = curId(r.obj);
  const prev = prevIds(r.obj);
  return {
    r,
    cur,
    prev,
    org: prev[0] ?? cur,
    clusterScoped: isClusterScoped(cur),
    prefixes: getNamePrefixes(r.obj),
    suffixes: getNameSuffixes(r.obj),
  };
}

/** utils.SameEndingSubSlice: the shorter list is a suffix of the longer; empty only matches empty. */
function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const diff = long.length - short.length;
  if (short.length === 0) return diff === 0;
  for (let i = short.length - 1; i >= 0; i--) if (long[i + diff] !== short[i]) return false;
  return true;
}

/** resmap SubsetThatCouldBeReferencedByResource: same namespace, cluster-scoped, or a RoleBinding's subject namespaces. */
function referableBy(referrer: Entry, all: readonly Entry[]): readonly Entry[] {
  if (referrer.clusterScoped) return all;
  const subjectNamespaces = new Set<string>();
  if (referrer.cur.kind === 'RoleBinding' && Array.isArray(referrer.r.obj.subjects)) {
    for (const s of referrer.r.obj.subjects) {
      if (isJsonObject(s) && typeof s.namespace === 'string' && s.kind === 'ServiceAccount') {
        subjectNamespaces.add(s.namespace);
      }
    }
  }
  const ns = effectiveNamespace(referrer.cur);
  return all.filter(
    (e) =>
      e.clusterScoped || effectiveNamespace(e.cur) === ns || subjectNamespaces.has(getNamespace(e.r.obj)),
  );
}

function appendRefBy(target: Entry, referrer: Entry): void {
  const id = resIdString(referrer.cur);
  const existing = getAnnotation(target.r.obj, ANN_REF_BY);
  setAnnotation(target.r.obj, ANN_REF_BY, existing === undefined ? id : `${existing},${id}`);
}

type Identical = (list: readonly Entry[]) => boolean;

const sameNames: Identical = (list) => list.every((e) => getName(e.r.obj) === getName(list[0]!.r.obj));
const sameNamesAndNamespaces: Identical = (list) =>
  list.every(
    (e) =>
      getName(e.r.obj) === getName(list[0]!.r.obj) && getNamespace(e.r.obj) === getNamespace(list[0]!.r.obj),
  );

/** One referrer field spec being fixed in one referrer (kustomize's nameref.Filter). */
class RefFixer {
  constructor(
    private readonly referrer: Entry,
    private readonly spec: FieldSpec,
    private readonly target: GvkSelector,
    private readonly candidates: readonly Entry[],
  ) {}

  run(): void {
    const set = (holder: FieldHolder, key: FieldKey): void =>
      this.set(holder as Record<FieldKey, JsonValue>, key);
    // The spec's GVK already selected the referrer (by original id); the walk never creates fields.
    withFieldErrors(this.referrer.r, 'updating name reference', this.spec.path, () =>
      walkFieldSpec(this.referrer.r.obj, this.spec, set, undefined, false),
    );
  }

  private set(holder: Record<FieldKey, JsonValue>, key: FieldKey): void {
    const node = holder[key];
    if (node === null || node === undefined) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i]!;
        if (isJsonObject(item)) this.setMapping(item);
        else if (item === null) continue;
        else if (typeof item === 'object') {
          throw new FieldValueError('a name reference list must hold strings or mappings');
        } else this.setScalar(node as unknown as Record<FieldKey, JsonValue>, i);
      }
    } else if (isJsonObject(node)) this.setMapping(node);
    else this.setScalar(holder, key);
  }

  private setScalar(holder: Record<FieldKey, JsonValue>, key: FieldKey): void {
    const oldName = String(holder[key]);
    const referral = this.select(oldName, this.candidates, sameNames);
    if (!referral) return;
    appendRefBy(referral, this.referrer);
    const name = getName(referral.r.obj);
    if (name !== oldName) holder[key] = name;
  }

  /** A `{name, namespace}` map (RBAC subjects, webhook services): both may change. */
  private setMapping(node: JsonObject): void {
    if (node.name === undefined) throw new FieldValueError("path config error; no 'name' field in node");
    const oldName = node.name === null ? '' : String(node.name);
    const referral = this.select(oldName, this.byNamespace(node), sameNamesAndNamespaces);
    if (!referral) return;
    appendRefBy(referral, this.referrer);
    const name = getName(referral.r.obj);
    const namespace = getNamespace(referral.r.obj);
    if (name === oldName && namespace === '') return;
    node.name = name;
    // An unset namespace is a wildcard here, not `default`: never write it.
    if (namespace !== '') node.namespace = namespace;
  }

  /** Candidates in the map's namespace: by original namespace first, else by current namespace. */
  private byNamespace(node: JsonObject): readonly Entry[] {
    if (node.namespace === undefined) return this.candidates;
    const ns = node.namespace === null ? '' : String(node.namespace);
    const byOrg = this.candidates.filter((e) => {
      const eff = effectiveNamespace(e.org);
      return eff !== TOTALLY_NOT_A_NAMESPACE && eff === ns;
    });
    if (byOrg.length > 0) return byOrg;
    return this.candidates.filter((e) => {
      const eff = effectiveNamespace(e.cur);
      return eff !== TOTALLY_NOT_A_NAMESPACE && eff === ns;
    });
  }

  private select(oldName: string, candidates: readonly Entry[], identical: Identical): Entry | undefined {
    const roleRef = this.roleRefGvk();
    const referrerNs = effectiveNamespace(this.referrer.cur);
    let list = candidates.filter(
      (e) =>
        e.prev.some((id) => id.name === oldName) &&
        e.prev.some((id) => gvkSelected(id, this.target)) &&
        (roleRef === undefined || e.prev.some((id) => gvkSelected(id, roleRef))) &&
        (this.referrer.clusterScoped ||
          e.clusterScoped ||
          e.cur.kind === 'ServiceAccount' ||
          effectiveNamespace(e.cur) === referrerNs),
    );
    if (list.length === 1) return list[0];
    list = list.filter(
      (e) => sameEnding(e.prefixes, this.referrer.prefixes) && sameEnding(e.suffixes, this.referrer.suffixes),
    );
    if (list.length === 1) return list[0];
    if (list.length === 0) return undefined;
    if (identical(list)) return list[0];
    throw resourceError(
      this.referrer.r,
      `updating name reference in '${this.spec.path}' field of '${resIdString(this.referrer.cur)}': ` +
        `found multiple possible referrals: ${list.map((e) => resIdString(e.cur)).join(', ')}`,
    );
  }

  /** For `roleRef/name`, the referral must also be of the roleRef's apiGroup and kind. */
  private roleRefGvk(): GvkSelector | undefined {
    if (!this.spec.path.endsWith('roleRef/name')) return undefined;
    const roleRef = this.referrer.r.obj.roleRef;
    if (!isJsonObject(roleRef) || roleRef.apiGroup === undefined || roleRef.kind === undefined)
      return undefined;
    return { group: String(roleRef.apiGroup ?? ''), kind: String(roleRef.kind ?? '') };
  }
}

/**
 * kustomize's final name-reference fixing (FixBackReferences), run once after every level's
 * transformers and the hash suffixes: each field the `nameReference` table names in a referrer
 * is pointed at the current name of the resource it originally referred to. Resources that
 * were never renamed are never candidates, so references to objects outside the build stay.
 */
export function fixNameReferences(resources: readonly KResource[], config: TransformerConfig): void {
  const entries = resources.map(entryOf);
  for (const referrer of entries) {
    let candidates: readonly Entry[] | undefined;
    for (const backRef of config.nameReference) {
      for (const spec of backRef.fieldSpecs) {
        if (!gvkSelected(referrer.org, spec)) continue;
        candidates ??= referableBy(referrer, entries);
        new RefFixer(referrer, spec, backRef, candidates).run();
      }
    }
  }
}
