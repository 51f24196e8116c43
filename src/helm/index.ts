/**
 * Helm's chart engine: load a chart (archive or folder), coalesce values, render its templates
 * and print what `helm template` prints. Pure: it reads only bytes handed in or a RepoTree.
 */
export { readChartArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './chart/archive.js';
export { loadChartArchive, loadChartFiles, type LoadOptions } from './chart/load.js';
export { loadChartDir } from './chart/load-dir.js';
export { parseHelmignore, type IgnoreRules } from './chart/helmignore.js';
export type { Chart, ChartFile } from './chart/types.js';
export { coalesceChartValues } from './values/coalesce.js';
export { enabledCharts } from './values/dependencies.js';
export { parseUserValues } from './values/user-values.js';
export {
  applySetFlag,
  applySetFlags,
  mergeValueMaps,
  type SetFlag,
  type SetKind,
} from './values/strvals/index.js';
export {
  prepareChart,
  renderChart,
  type PreparedChart,
  type RenderOptions,
  type RenderResult,
} from './render/render.js';
export type { Manifest } from './render/manifests.js';
