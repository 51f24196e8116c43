/**
 * A render's results as they may be printed: every secret text the render recorded
 * (flux/secret-text.ts) replaced by a mask in objects, failure reasons and diagnostics.
 * Decrypted Secrets are masked as a whole on top of this (build-output.ts).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { redactDeep, redactText } from '../flux/secret-text.js';
import type { ClusterModel, KustomizationRecord, RenderedObject } from '../render/model.js';
import type { RepositoryRender } from '../render/render-repository.js';

/** Diagnostics with secret texts masked in their message, hint and every other text. */
export function redactDiagnostics(
  diagnostics: readonly Diagnostic[],
  secrets: ReadonlySet<string>,
): Diagnostic[] {
  return diagnostics.map((d) => redactDeep(d, secrets));
}

function redactObject(o: RenderedObject, secrets: ReadonlySet<string>): RenderedObject {
  const obj = redactDeep(o.obj, secrets, true);
  return obj === o.obj ? o : { ...o, obj };
}

function redactRecord(k: KustomizationRecord, secrets: ReadonlySet<string>): KustomizationRecord {
  return {
    ...k,
    ...(k.reason !== undefined ? { reason: redactText(k.reason, secrets) } : {}),
    ...(k.path !== undefined ? { path: redactText(k.path, secrets) } : {}),
    spec: redactDeep(k.spec, secrets, true),
    objects: k.objects.map((o) => redactObject(o, secrets)),
  };
}

function redactModel(m: ClusterModel, secrets: ReadonlySet<string>): ClusterModel {
  return {
    ...m,
    kustomizations: m.kustomizations.map((k) => redactRecord(k, secrets)),
    helmReleases: m.helmReleases.map((h) => ({
      ...h,
      obj: redactDeep(h.obj, secrets, true),
      ...(h.reason !== undefined ? { reason: redactText(h.reason, secrets) } : {}),
      objects: h.objects.map((o) => redactObject(o, secrets)),
      ...(h.values !== undefined ? { values: redactDeep(h.values, secrets, true) } : {}),
    })),
    sources: m.sources.map((s) => ({
      ...s,
      obj: redactDeep(s.obj, secrets, true),
      ...(s.url !== undefined ? { url: redactText(s.url, secrets) } : {}),
    })),
    diagnostics: redactDiagnostics(m.diagnostics, secrets),
  };
}

/** The render with its secret texts masked; the same object when it recorded none. */
export function redactRender(result: RepositoryRender): RepositoryRender {
  const { secrets } = result;
  if (secrets.size === 0) return result;
  return {
    ...result,
    models: result.models.map((m) => redactModel(m, secrets)),
    diagnostics: redactDiagnostics(result.diagnostics, secrets),
  };
}
