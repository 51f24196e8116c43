/**
 * A kustomization file decoded the way Flux's generator decodes it: sigs.k8s.io/yaml into
 * kustomize's types.Kustomization, non-strict. Unknown top-level keys are dropped (keys
 * differing only in case match, as encoding/json does), apiVersion/kind are filled in, and
 * empty values vanish on the way back out (omitempty).
 */
import { DiagnosticError, type Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';

/** JSON names of kustomize's types.Kustomization fields; pointers keep an empty `{}`. */
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'inventory',
  'buildMetadata',
] as const;
const POINTER_FIELDS = new Set(['metadata', 'sortOptions', 'helmGlobals', 'generatorOptions', 'inventory']);
const BY_LOWER = new Map<string, string>(FIELDS.map((f) => [f.toLowerCase(), f]));

export const KUSTOMIZATION_API_VERSION = 'kustomize.config.k8s.io/v1beta1';

function isEmpty(key: string, v: JsonValue): boolean {
  if (v === null || v === '' || v === false || v === 0) return true;
  if (POINTER_FIELDS.has(key)) return false;
  if (Array.isArray(v)) return v.length === 0;
  return isJsonObject(v) && Object.keys(v).length === 0;
}

export interface DecodedKustomization {
  value: JsonObject;
  /** Keys Flux dropped: plain `kustomize build` would reject them. */
  diagnostics: Diagnostic[];
}

/** Decodes `text` (the file at `file`) as Flux's generator does. */
export function decodeFluxKustomization(text: string, file: string): DecodedKustomization {
  const raw = parseYaml11(text, file, 'kustomization-invalid');
  if (raw !== null && !isJsonObject(raw)) {
    throw new DiagnosticError({
      rule: 'kustomization-invalid',
      file,
      message: `error unmarshaling JSON: cannot unmarshal ${Array.isArray(raw) ? 'array' : typeof raw} into Go value of type types.Kustomization`,
    });
  }
  const value: JsonObject = { apiVersion: KUSTOMIZATION_API_VERSION, kind: 'Kustomization' };
  const diagnostics: Diagnostic[] = [];
  for (const [key, v] of Object.entries(raw ?? {})) {
    const field = BY_LOWER.get(key.toLowerCase());
    if (field === undefined) {
      diagnostics.push({
        severity: 'warning',
        rule: 'flux-kustomization-unknown-field',
        file,
        message: `unknown field "${key}" in kustomization file is silently dropped by Flux`,
        hint: 'check the spelling: kubectl kustomize rejects this file',
      });
      continue;
    }
    if (v === null) continue; // decoding null leaves the preset value
    value[field] = v;
  }
  for (const [k, v] of Object.entries(value)) if (isEmpty(k, v)) delete value[k];
  return { value, diagnostics };
}

/** True when `resources` (not `bases`) lists nothing: Flux then forces originAnnotations. */
export function hasNoResources(k: JsonObject): boolean {
  return !Array.isArray(k.resources) || k.resources.length === 0;
}
