import type { CheckContext } from '../../src/checks/rule.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';

/** Every `.yaml`/`.yml` file below `dir`, walking the tree itself. */
export function yamlFilesOf(tree: RepoTree, dir = ''): string[] {
  return tree.list(dir).flatMap((e) => {
    const path = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.type === 'dir') return yamlFilesOf(tree, path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

/** What repository rules see of a tree with no rendered clusters. */
export function contextOf(tree: RepoTree): CheckContext {
  return {
    tree,
    yamlFiles: yamlFilesOf(tree).sort(),
    models: [],
    config: undefined,
    kubernetesVersion: '1.35',
  };
}
