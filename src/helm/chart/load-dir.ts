/**
 * A chart from a folder of a RepoTree, as helm loads a chart directory: `.helmignore` applies
 * (to files and whole folders), then the files go through the same loader as an archive's.
 * The tree confines reads to the repository, so symlinks cannot leave it.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { parseHelmignore, type IgnoreRules } from './helmignore.js';
import { loadChartFiles, type LoadOptions } from './load.js';
import type { Chart, ChartFile } from './types.js';
import { DEFAULT_ARCHIVE_LIMITS } from './archive.js';

function join(dir: string, name: string): string {
  return dir === '' ? name : name === '' ? dir : `${dir}/${name}`;
}

function collect(
  tree: RepoTree,
  root: string,
  rel: string,
  rules: IgnoreRules,
  out: ChartFile[],
  options: LoadOptions,
): void {
  const limits = options.limits ?? DEFAULT_ARCHIVE_LIMITS;
  for (const entry of tree.list(join(root, rel))) {
    const path = join(rel, entry.name);
    const isDir = entry.type === 'dir';
    if (rules.ignores(path, isDir)) continue;
    if (isDir) {
      collect(tree, root, path, rules, out, options);
      continue;
    }
    if (out.length >= limits.maxEntries) {
      throw new DiagnosticError({
        rule: 'helm-chart-invalid',
        file: join(root, path),
        message: `the chart has more than ${limits.maxEntries} files`,
        hint: 'list what is not part of the chart in .helmignore',
      });
    }
    const data = tree.readBytes(join(root, path));
    if (data.length > limits.maxFileSize) {
      throw new DiagnosticError({
        rule: 'helm-chart-invalid',
        file: join(root, path),
        message: `file of ${data.length} bytes is over the limit of ${limits.maxFileSize} bytes`,
        hint: 'list it in .helmignore if the chart does not need it',
      });
    }
    out.push({ name: path, data });
  }
}

/** The chart in folder `dir` of `tree`. */
export function loadChartDir(tree: RepoTree, dir: string, options: LoadOptions = {}): Chart {
  return loadChartFiles(chartDirFiles(tree, dir, options), dir, options);
}

/** The files of the chart in folder `dir` of `tree`, `.helmignore` applied. */
export function chartDirFiles(tree: RepoTree, dir: string, options: LoadOptions = {}): ChartFile[] {
  if (tree.stat(dir) !== 'dir') {
    throw new DiagnosticError({
      rule: 'helm-chart-invalid',
      file: dir,
      message: 'no chart folder here',
      hint: 'point at the folder that holds Chart.yaml',
    });
  }
  const ignoreFile = join(dir, '.helmignore');
  const rules = parseHelmignore(
    tree.stat(ignoreFile) === 'file' ? tree.readText(ignoreFile) : '',
    ignoreFile,
  );
  const files: ChartFile[] = [];
  collect(tree, dir, '', rules, files, options);
  return files;
}
