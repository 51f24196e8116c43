import type { RenderLimits } from './limits.js';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { isJsonObject } from '../core/json.js';
import type { BuildTimings } from '../flux/build-kustomization.js';
import type { SecretTexts } from '../flux/secret-text.js';
import { newBuildCache, type BuildCache } from '../kustomize/context.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { parseYamlDocuments } from '../yaml/parse.js';
import { loadConfig, type RepoConfig } from './config.js';
import { discoverClusters, type ClusterEntry } from './discover/index.js';
import type { ClusterModel, RenderedObject } from './model.js';
import { chartRequestsOf, renderHelmReleases } from './helm-releases.js';
import type { ChartRequest } from '../charts/types.js';
import type { HelmReleaseRecord } from './model.js';
import type { HelmService } from './helm-service.js';
import { renderCluster, type RenderOptions, type RenderTarget } from './reconcile.js';

export interface RepositoryRenderOptions {
  strict: boolean;
  decrypt?: RenderOptions['decrypt'];
  /** Render only these clusters (all when absent). */
  clusters?: readonly string[];
  /** Find the clusters without rendering them. */
  discoverOnly?: boolean;
  onProgress?: (message: string) => void;
  /** When given, time spent in kustomize builds is added up here (for benchmarks). */
  timings?: BuildTimings;
  /** Parsed files to share with other renders (e.g. the two sides of a diff). */
  cache?: BuildCache;
  /** kustomize builds shared with another render of the repository (the two sides of a diff). */
  reuse?: RenderOptions['reuse'];
  /** Where to record secret texts (a new set when absent); see RepositoryRender.secrets. */
  secrets?: SecretTexts;
  /** Bounds on each cluster's render (defaults in render/limits.ts). */
  limits?: Partial<RenderLimits>;
  /** Chart retrieval and rendering: without it HelmReleases are listed, not rendered. */
  helm?: HelmService;
}

export interface RepositoryRender {
  config?: RepoConfig;
  clusters: ClusterEntry[];
  models: ClusterModel[];
  /** Problems of the configuration and of discovery (each model has its own). */
  diagnostics: Diagnostic[];
  /** The files the render parsed, for later stages that read the same files. */
  cache: BuildCache;
  /** Every value the render took from a Secret: output masks them unless asked not to. */
  secrets: SecretTexts;
}

/** Manifest files k8s-ops.yaml declares as present in the cluster (e.g. bootstrap Secrets). */
function clusterObjects(tree: RepoTree, entry: ClusterEntry, diagnostics: Diagnostic[]): RenderedObject[] {
  const out: RenderedObject[] = [];
  for (const file of entry.objects) {
    try {
      for (const doc of parseYamlDocuments(tree.readText(file), file)) {
        if (isJsonObject(doc.value)) out.push({ obj: doc.value, file, line: doc.line });
      }
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      diagnostics.push(e.diagnostic);
    }
  }
  return out;
}

function targetOf(tree: RepoTree, entry: ClusterEntry, diagnostics: Diagnostic[]): RenderTarget {
  return {
    name: entry.name,
    entryPath: entry.entryPath,
    root: entry.rootKustomization,
    localSources: entry.sources.map((s) => ({
      kind: s.kind,
      namespace: s.namespace,
      name: s.name,
      path: s.path,
    })),
    variables: entry.variables,
    objects: clusterObjects(tree, entry, diagnostics),
    file: entry.file,
  };
}

/**
 * Every cluster of a repository: configuration, discovery, then the simulated Flux
 * reconciliation of each cluster. Parsed files are shared between clusters.
 */
export async function renderRepository(
  tree: RepoTree,
  opts: RepositoryRenderOptions,
): Promise<RepositoryRender> {
  const loaded = loadConfig(tree);
  const diagnostics = [...loaded.diagnostics];
  const found = discoverClusters(tree, loaded.config);
  diagnostics.push(...found.diagnostics);
  const cache = opts.cache ?? newBuildCache();
  const secrets = opts.secrets ?? new Set<string>();
  const base = {
    ...(loaded.config ? { config: loaded.config } : {}),
    clusters: found.clusters,
    diagnostics,
    cache,
    secrets,
  };
  if (opts.discoverOnly) return { ...base, models: [] };

  const wanted = opts.clusters
    ? found.clusters.filter((c) => opts.clusters?.includes(c.name))
    : found.clusters;
  const models: ClusterModel[] = [];
  for (const [i, entry] of wanted.entries()) {
    opts.onProgress?.(`rendering cluster ${entry.name} (${i + 1}/${wanted.length})`);
    const target = targetOf(tree, entry, diagnostics);
    const model = await renderCluster(tree, target, {
      strict: opts.strict,
      cache,
      ...(opts.reuse ? { reuse: opts.reuse } : {}),
      ...(opts.decrypt ? { decrypt: opts.decrypt } : {}),
      secrets,
      ...(opts.timings ? { timings: opts.timings } : {}),
      ...(opts.limits ? { limits: opts.limits } : {}),
    });
    if (opts.helm) {
      opts.onProgress?.(`rendering the HelmReleases of cluster ${entry.name}`);
      const kubeVersion = opts.helm.kubeVersion ?? loaded.config?.kubernetesVersion;
      await renderHelmReleases(tree, model, {
        service: opts.helm,
        localSources: target.localSources,
        ...(target.objects ? { clusterObjects: target.objects } : {}),
        ...(kubeVersion ? { kubeVersion } : {}),
        secrets,
      });
    }
    models.push(model);
  }
  return { ...base, models };
}

/** One chart a cluster's HelmRelease needs. */
export interface ClusterChartRequest {
  cluster: string;
  release: HelmReleaseRecord;
  request: ChartRequest;
}

/** The charts the HelmReleases of a render (made without `helm`) would fetch, cluster by cluster. */
export function chartRequests(tree: RepoTree, render: RepositoryRender): ClusterChartRequest[] {
  return render.models.flatMap((model) => {
    const entry = render.clusters.find((c) => c.name === model.name);
    if (!entry) return [];
    const target = targetOf(tree, entry, []);
    return chartRequestsOf(model, {
      localSources: target.localSources,
      ...(target.objects ? { clusterObjects: target.objects } : {}),
    }).map((r) => ({ cluster: model.name, ...r }));
  });
}
