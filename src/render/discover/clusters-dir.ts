/**
 * The platform layout: `clusters/<cluster>/flux/` is a plain kustomize directory that the
 * root Kustomization builds, applied by a bootstrap that is not in the repository, so the
 * root Kustomization and its GitRepository get `flux bootstrap`'s names (flux-system).
 */
import { dirname } from '../../tree/paths.js';
import { defaultSource, type ClusterEntry } from './types.js';

const FLUX_DIR_KUSTOMIZATION = /(?:^|\/)clusters\/([^/]+)\/flux\/(?:kustomization\.ya?ml|Kustomization)$/;

export function detectClustersDirs(files: string[]): ClusterEntry[] {
  const out: ClusterEntry[] = [];
  for (const file of files) {
    const m = FLUX_DIR_KUSTOMIZATION.exec(file);
    const entryPath = dirname(file);
    if (!m || out.some((e) => e.entryPath === entryPath)) continue;
    out.push({
      name: m[1] as string,
      entryPath,
      rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
      sources: [defaultSource()],
      from: 'clusters-dir',
      file,
      variables: {},
      objects: [],
    });
  }
  return out;
}
