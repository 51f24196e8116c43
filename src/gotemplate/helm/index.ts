/** Helm's template functions and built-in objects, for the chart engine to fill with charts. */
export { helmFuncs, conversionFuncs, REMOVED_SPRIG_FUNCS } from './funcs.js';
export type { HelmFuncContext, HelmFuncOptions, LookupFunction } from './funcs.js';
export { reformatExecError, reformatParseError, warnWrap } from './errors.js';
export { makeRelease, makeTemplateObject } from './release.js';
export type { ReleaseInfo } from './release.js';
export { makeChart } from './chart.js';
export type { ChartDependency, ChartMaintainer, ChartMetadata } from './chart.js';
export {
  DEFAULT_API_VERSIONS,
  DEFAULT_KUBE_VERSION,
  HELM_VERSION,
  makeCapabilities,
  makeVersionSet,
  parseKubeVersion,
} from './capabilities.js';
export type { CapabilitiesOptions } from './capabilities.js';
export { makeFiles } from './files.js';
export { compileGlob, helmGlob } from './glob.js';
export { fromYaml, fromYamlArray } from './from-yaml.js';
export { fromJson, fromJsonArray } from './from-json.js';
export { encodeToml } from './toml.js';
export { fromToml } from './from-toml.js';
