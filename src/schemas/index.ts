export type {
  FetchResult,
  Gvk,
  JsonSchema,
  OpenApiDoc,
  SchemaCacheIo,
  SchemaLookup,
  SchemaReadIo,
  SchemaSource,
  SchemaViolation,
  Validator,
} from './types.js';
export { apiVersionOf, formatGvk, gvkKey, isFluxGroup, parseApiVersion, toGvk } from './gvk.js';
export {
  createSchemaCatalog,
  createSchemaRegistry,
  type SchemaCatalog,
  type SchemaCatalogOptions,
  type SchemaRegistry,
  type SchemaRegistryOptions,
} from './registry.js';
export { convertKubernetesOpenApi, QUANTITY_PATTERN, type KubernetesSchemas } from './kubernetes-openapi.js';
export { crdVersions, customResourceSchema, type CrdVersion } from './crd.js';
export {
  cachePath,
  DEFAULT_LAYOUT,
  parseSchemaLocation,
  schemaAddress,
  type SchemaLocation,
} from './location.js';
export { pullSchemas, type PullOptions, type PullResult, type PullStatus } from './pull.js';
export {
  kubernetesSchemaAddress,
  loadKubernetesOpenApi,
  normalizeKubernetesVersion,
  type KubernetesLoadIo,
} from './kubernetes-version.js';
export { displayPath, pathToPointer, pointerToPath } from './violations.js';
