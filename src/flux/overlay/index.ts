export { prepareFluxBuild, type PrepareOptions, type PreparedBuild } from './prepare.js';
export { secureJoin } from './secure-join.js';
export { isLocalRelativePath } from './local-path.js';
export { findKustomizationFile, generateKustomization, scanManifests } from './generate.js';
export { decodeFluxKustomization } from './kustomization-file.js';
export { applyFluxSpec } from './apply-spec.js';
