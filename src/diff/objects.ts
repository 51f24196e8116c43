/** Object identity inside a cluster and the unified diff of two printed versions. */
import { createTwoFilesPatch } from 'diff';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { parseApiVersion } from '../core/resource-id.js';
import { emitYaml } from '../yaml/emit.js';
import type { ObjectIdentity } from './types.js';

const OWNER_LABELS = ['kustomize.toolkit.fluxcd.io/name', 'kustomize.toolkit.fluxcd.io/namespace'];

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function identityOf(obj: JsonObject): ObjectIdentity {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  return {
    group: parseApiVersion(str(obj.apiVersion)).group,
    kind: str(obj.kind),
    namespace: str(meta.namespace),
    name: str(meta.name),
  };
}

/** Map key: the version is left out, so `apps/v1` and `apps/v1beta1` are one object. */
export function identityKey(id: ObjectIdentity): string {
  return `${id.group}|${id.kind}|${id.namespace}|${id.name}`;
}

/** `Kind/namespace/name`, or `Kind/name` for a cluster-scoped object. */
export function displayOf(id: ObjectIdentity): string {
  return id.namespace ? `${id.kind}/${id.namespace}/${id.name}` : `${id.kind}/${id.name}`;
}

/** The Flux owner labels of `obj` replaced by those of `like`: a move alone is not a drift. */
export function withOwnerLabelsOf(obj: JsonObject, like: JsonObject): JsonObject {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : undefined;
  const likeMeta = isJsonObject(like.metadata) ? like.metadata : {};
  if (!meta) return obj;
  const labels: JsonObject = isJsonObject(meta.labels) ? { ...meta.labels } : {};
  const likeLabels = isJsonObject(likeMeta.labels) ? likeMeta.labels : {};
  for (const key of OWNER_LABELS) {
    const v = likeLabels[key];
    if (v === undefined) delete labels[key];
    else labels[key] = v;
  }
  const out: JsonObject = { ...meta };
  if (Object.keys(labels).length > 0) out.labels = labels;
  else delete out.labels;
  return { ...obj, metadata: out };
}

/**
 * `git diff` style patch of two printed objects with 3 lines of context, named
 * `a/<Kind>/<ns>/<name>` and `b/...` (`/dev/null` for the missing side); '' when equal.
 */
export function objectPatch(display: string, before: JsonObject | undefined, after: JsonObject | undefined) {
  const a = before ? emitYaml(before) : '';
  const b = after ? emitYaml(after) : '';
  if (a === b) return '';
  const patch = createTwoFilesPatch(
    before ? `a/${display}` : '/dev/null',
    after ? `b/${display}` : '/dev/null',
    a,
    b,
    undefined,
    undefined,
    { context: 3 },
  );
  // jsdiff starts with a `====` separator line; git and GitHub's ```diff do not use it.
  return patch.slice(patch.indexOf('--- '));
}
