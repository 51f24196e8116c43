// The kustomize stage alone: the overlays a render built (recorded with `timings.overlays`),
// built by kustomize and nothing else, on a fresh tree and parse cache per repository, so the
// builds read and parse what they use as a plain `kustomize build` would. The source artifact's
// filter patterns are worked out beforehand, untimed. Returns the builds' total milliseconds.
import { join } from 'node:path';
import { buildWithSources } from '../dist/kustomize/build.js';
import { newBuildCache } from '../dist/kustomize/context.js';
import { overlayTree } from '../dist/tree/overlay-tree.js';
import { artifactIgnore, patternFilteredTree } from '../dist/tree/source-ignore.js';
import { subTree } from '../dist/tree/sub-tree.js';
import { openWorktree } from '../dist/tree/worktree.js';
import { emitYaml } from '../dist/yaml/emit.js';

export function kustomizeAlone(corpus, overlays) {
  let total = 0;
  for (const [repo, list] of overlays) {
    const patternsTree = openWorktree(join(corpus, repo));
    const patterns = new Map();
    const jobs = list.map((o) => {
      const key = `${o.sourcePath}\u0000${o.sourceIgnore ?? ''}`;
      if (!patterns.has(key)) {
        const ignore = o.sourceIgnore === undefined ? {} : { ignore: o.sourceIgnore };
        patterns.set(key, artifactIgnore(subTree(patternsTree, o.sourcePath), ignore));
      }
      return { ...o, patterns: patterns.get(key), text: emitYaml(o.kustomization) };
    });
    const tree = openWorktree(join(corpus, repo));
    const cache = newBuildCache();
    const t0 = performance.now();
    for (const o of jobs) {
      const artifact = patternFilteredTree(subTree(tree, o.sourcePath), o.patterns);
      buildWithSources(overlayTree(artifact, new Map([[o.file, o.text]])), o.dir, { reorder: 'none', cache });
    }
    total += performance.now() - t0;
  }
  return total;
}
