import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { deepEqual, isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { buildWithSources, type BuiltObject } from '../kustomize/build.js';
import { readDocuments, type BuildCache } from '../kustomize/context.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { filteredTree } from '../tree/source-ignore.js';
import { subTree } from '../tree/sub-tree.js';
import { parseFluxObject, type KustomizationModel } from './models/index.js';
import { prepareFluxBuild } from './overlay/index.js';
import {
  decryptSopsObject,
  hasSopsMetadata,
  isSopsEncrypted,
  macMismatchDiagnostic,
  maskSopsSecret,
  sourceMacProblem,
  sopsNotDecryptedError,
  type AgeIdentity,
} from './sops/index.js';
import { decryptSources } from './decrypt-sources.js';
import { addSecretObject, addSecretText, type SecretTexts } from './secret-text.js';
import { placeholderOf } from './in-cluster-values.js';
import { resolveVariables, type VariableLookup } from './resolve-variables.js';
import { buildWithReuse, type BuildReuse } from './build-reuse.js';
import { substituteResource } from './substitute.js';

/** Measurements for benchmarks. */
export interface BuildTimings {
  /** Time spent in kustomize builds. */
  kustomizeMs: number;
  /** When given, every overlay built is recorded, so it can be built again on its own. */
  overlays?: BuiltOverlay[];
}

/** What kustomize built for one Kustomization: the overlay file Flux wrote, over the artifact. */
export interface BuiltOverlay {
  sourcePath: string;
  sourceIgnore?: string;
  dir: string;
  file: string;
  kustomization: JsonObject;
}

export interface FluxBuildOptions {
  /** kustomize builds shared with another render of the repository (see build-reuse.ts). */
  reuse?: BuildReuse;
  /** Strict postBuild substitution (Flux 2.9's default): an undefined variable is an error. */
  strict: boolean;
  /** Repository sub-path the Kustomization's source artifact maps to ('' = repository root). */
  sourcePath: string;
  /** The source's `spec.ignore` (gitignore lines), which shapes its artifact. */
  sourceIgnore?: string;
  /**
   * Artifact trees by source, shared across the Kustomizations of a run: building one means
   * walking the repository for `.sourceignore` files, which must not happen per Kustomization.
   */
  artifacts?: Map<string, RepoTree>;
  /** When given, time spent in the kustomize build is added up here (for benchmarks). */
  timings?: BuildTimings;
  /** ConfigMaps and Secrets present in the cluster, for `substituteFrom`. */
  lookupObject: VariableLookup;
  /** Variables that exist only in the cluster (lowest precedence). */
  extraVariables?: Record<string, string>;
  cache?: BuildCache;
  /** The most objects one kustomize build may hold (kustomize/accumulate.ts has the default). */
  maxObjects?: number;
  /** Decrypt SOPS-encrypted objects in memory when the Kustomization configures decryption. */
  decrypt?: { identities: AgeIdentity[] };
  /** Receives every value taken from a Secret, so that output can mask it (secret-text.ts). */
  secrets?: SecretTexts;
  /** Where the Flux Kustomization object is declared. */
  where: { file: string; line?: number };
}

export interface FluxObject extends BuiltObject {
  /** Decrypted from SOPS in memory: callers must not print its values unless asked to. */
  decrypted?: boolean;
  /** A SOPS Secret masked because it was not decrypted: its values are unknown. */
  masked?: boolean;
}

export interface FluxBuildOutput {
  /** The build directory inside the repository. */
  path: string;
  objects: FluxObject[];
  /** Names of the variables substitution used (values are not returned: they may be secret). */
  variables: string[];
  diagnostics: Diagnostic[];
}

const OWNER_NAME = 'kustomize.toolkit.fluxcd.io/name';
const OWNER_NAMESPACE = 'kustomize.toolkit.fluxcd.io/namespace';

function subject(obj: JsonObject): string {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const ns = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${String(obj.kind)}/${ns}${String(meta.name ?? '')}`;
}

/**
 * `obj` with `values` set in its metadata labels or annotations: a new object, so what kustomize
 * built stays as it was (it may be kept for another render, see build-reuse.ts).
 */
function withMetadataMap(
  obj: JsonObject,
  field: 'labels' | 'annotations',
  values: Record<string, string>,
): JsonObject {
  if (Object.keys(values).length === 0) return obj;
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const map = isJsonObject(meta[field]) ? (meta[field] as JsonObject) : {};
  return { ...obj, metadata: { ...meta, [field]: { ...map, ...values } } };
}

/** ssautil.ReadObjects: documents without apiVersion/kind/name and kustomize configs are dropped. */
function applicable(obj: JsonObject): boolean {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') return false;
  if (typeof obj.kind !== 'string' || obj.kind === '') return false;
  if (typeof meta.name !== 'string' || meta.name === '') return false;
  return !(obj.kind === 'Kustomization' && obj.apiVersion.startsWith('kustomize.config.k8s.io/'));
}

/**
 * What Flux applies for one Kustomization (kustomize-controller's build, §2.1 of the
 * semantics): overlay or generated kustomization, kustomize build in input order, SOPS,
 * postBuild substitution, owner labels and commonMetadata. Secrets that stay encrypted are
 * masked as `flux build` masks them. Throws DiagnosticError when the Kustomization fails.
 */
export async function buildFluxKustomization(
  tree: RepoTree,
  ksObj: JsonObject,
  opts: FluxBuildOptions,
): Promise<FluxBuildOutput> {
  const parsed = parseFluxObject(ksObj, opts.where);
  const diagnostics = parsed.diagnostics.filter((d) => d.severity !== 'error');
  const firstError = parsed.diagnostics.find((d) => d.severity === 'error');
  if (firstError) throw new DiagnosticError(firstError);
  const ks = parsed.model as KustomizationModel;

  const artifactKey = `${opts.sourcePath}\u0000${opts.sourceIgnore ?? ''}`;
  let artifact = opts.artifacts?.get(artifactKey);
  if (!artifact) {
    artifact = filteredTree(subTree(tree, opts.sourcePath), {
      ...(opts.sourceIgnore !== undefined ? { ignore: opts.sourceIgnore } : {}),
    });
    opts.artifacts?.set(artifactKey, artifact);
  }
  const cache = opts.cache;
  const prepared = prepareFluxBuild(artifact, ks, {
    deferManifestCheck: true,
    ...(cache
      ? {
          parse: (path: string) =>
            readDocuments({ tree: artifact, cache, stack: [], buildMetadata: [] }, path),
        }
      : {}),
  });
  diagnostics.push(...prepared.diagnostics);
  // With decryption configured, SOPS-encrypted generator and patch files are decrypted in
  // memory before the build, as the controller decrypts them in place.
  let buildTree = prepared.tree;
  let decryptedSources: string[] = [];
  let built: ReturnType<typeof buildWithSources>;
  try {
    if (ks.decryption && opts.decrypt) {
      const d = await decryptSources(prepared.tree, prepared.dir, opts.decrypt.identities, opts.secrets);
      buildTree = d.tree;
      decryptedSources = d.decrypted;
      diagnostics.push(...d.diagnostics);
    }
    const started = opts.timings ? performance.now() : 0;
    // Decrypted sources are never kept for another render.
    const reuse = ks.decryption && opts.decrypt ? undefined : opts.reuse;
    const reuseKey = `${artifactKey}\u0000${prepared.dir}`;
    built = buildWithReuse(reuse, reuseKey, buildTree, (tree) =>
      buildWithSources(tree, prepared.dir, {
        reorder: 'none',
        ...(opts.cache ? { cache: opts.cache } : {}),
        ...(opts.maxObjects !== undefined ? { maxObjects: opts.maxObjects } : {}),
      }),
    );
    if (opts.timings) {
      opts.timings.kustomizeMs += performance.now() - started;
      opts.timings.overlays?.push({
        sourcePath: opts.sourcePath,
        ...(opts.sourceIgnore !== undefined ? { sourceIgnore: opts.sourceIgnore } : {}),
        dir: prepared.dir,
        file: prepared.file,
        kustomization: prepared.kustomization,
      });
    }
  } catch (e) {
    // Flux generates the kustomization, decoding every manifest, before anything else runs.
    prepared.checkGenerated?.();
    throw e;
  }

  const vars = ks.postBuild ? resolveVariables(ks, opts.lookupObject, opts.extraVariables ?? {}) : undefined;
  if (vars) diagnostics.push(...vars.diagnostics);
  // Sources whose values exist only in the cluster: rendered with placeholders, and when even
  // their keys are unknown, without strict mode (an unknown variable may well be defined).
  let strict = opts.strict;
  for (const ref of ks.postBuild?.substituteFrom ?? []) {
    const source = opts.lookupObject(ref.kind, ks.namespace, ref.name);
    const placeholder = placeholderOf(source);
    // Values read from a Secret are secret wherever substitution puts them.
    if (!placeholder && source && ref.kind === 'Secret' && opts.secrets)
      addSecretObject(opts.secrets, source);
    if (!placeholder) continue;
    if (placeholder.kind === 'opaque') strict = false;
    diagnostics.push({
      severity: 'info',
      rule: 'flux-in-cluster-variables',
      file: opts.where.file,
      ...(opts.where.line !== undefined ? { line: opts.where.line } : {}),
      message: `${ks.namespace}/${ks.name}: variables from ${ref.kind}/${ref.name} exist only in the cluster (${placeholder.origin}); rendered with placeholder values${placeholder.kind === 'opaque' ? ' and without strict mode' : ''}`,
      hint: 'run with --decrypt for SOPS secrets, or declare the values under variables in k8s-ops.yaml',
    });
  }
  // Each SOPS source file is checked once per build, however many documents it holds.
  const macChecks = new Map<string, ReturnType<typeof sourceMacProblem>>();
  const sourceMac = (file: string): ReturnType<typeof sourceMacProblem> => {
    let found = macChecks.get(file);
    if (!found) {
      found =
        prepared.tree.stat(file) === 'file' && opts.decrypt
          ? sourceMacProblem(prepared.tree.readText(file), opts.decrypt.identities, { file })
          : Promise.resolve(undefined);
      macChecks.set(file, found);
    }
    return found;
  };
  const objects: FluxObject[] = [];
  for (const b of built) {
    let obj = b.obj;
    if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') {
      throw new DiagnosticError({
        rule: 'flux-build',
        file: b.file,
        ...(b.line !== undefined ? { line: b.line } : {}),
        message: `failed to decode Kubernetes apiVersion, kind and name from ${subject(obj)}`,
        hint: 'every manifest needs apiVersion, kind and metadata.name',
      });
    }
    // A Secret generated from a decrypted file, or patched by one, holds secret values too.
    let decrypted = decryptedSources.length > 0 && obj.kind === 'Secret';
    if (ks.decryption && opts.decrypt && (hasSopsMetadata(obj) || isSopsEncrypted(obj))) {
      const where = {
        file: b.file,
        ...(b.line !== undefined ? { line: b.line } : {}),
        subject: subject(obj),
      };
      const secrets = opts.secrets;
      // Like the controller, no MAC check on what kustomize built (it may have set the
      // namespace or labels); the file as written is checked instead (source-mac.ts).
      obj = await decryptSopsObject(obj, opts.decrypt.identities, where, {
        verifyMac: false,
        ...(secrets ? { onDecryptedValue: (v: string) => addSecretText(secrets, v) } : {}),
      });
      const problem = b.file ? await sourceMac(b.file) : undefined;
      if (problem) diagnostics.push(macMismatchDiagnostic(problem, where));
      decrypted = true;
    }
    if (decrypted && opts.secrets) addSecretObject(opts.secrets, obj);
    if (vars) {
      const out = substituteResource(obj, vars, {
        strict,
        strategy: ks.postBuild?.substituteStrategy ?? 'WithVariables',
        file: b.file,
      });
      if (out === null) continue;
      obj = out;
    }
    if (!applicable(obj)) continue;
    obj = withMetadataMap(obj, 'labels', { [OWNER_NAME]: ks.name, [OWNER_NAMESPACE]: ks.namespace });
    let masked = false;
    if (!decrypted && isSopsEncrypted(obj)) {
      masked = true;
      if (!ks.decryption) {
        const err = sopsNotDecryptedError(obj, {
          file: b.file,
          ...(b.line !== undefined ? { line: b.line } : {}),
        });
        diagnostics.push({ ...err.diagnostic });
      }
      obj = maskSopsSecret(obj, { file: b.file });
    } else if (!decrypted && obj.kind === 'Secret') {
      // flux build also masks single values that hold SOPS ciphertext (an encrypted file a
      // secretGenerator read without decryption).
      const after = maskSopsSecret(obj, { file: b.file });
      const values = (o: JsonObject): JsonValue => [o.data ?? null, o.stringData ?? null];
      if (!deepEqual(values(after), values(obj))) {
        obj = after;
        masked = true;
      }
    }
    if (ks.commonMetadata) {
      obj = withMetadataMap(obj, 'labels', ks.commonMetadata.labels ?? {});
      obj = withMetadataMap(obj, 'annotations', ks.commonMetadata.annotations ?? {});
    }
    objects.push({
      obj,
      file: b.file,
      ...(b.line !== undefined ? { line: b.line } : {}),
      ...(decrypted ? { decrypted } : {}),
      ...(masked ? { masked } : {}),
    });
  }
  const base = opts.sourcePath;
  return {
    path: base && prepared.dir ? `${base}/${prepared.dir}` : base || prepared.dir,
    objects,
    variables: vars ? [...vars.vars.keys()].sort() : [],
    diagnostics,
  };
}
