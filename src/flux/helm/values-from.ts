/**
 * The values helm-controller hands to helm for a HelmRelease (fluxcd/pkg chartutil
 * ChartValuesFromReferences): each `valuesFrom` ConfigMap/Secret in order, merged over the
 * previous ones, then the inline `spec.values` over all. A reference with `targetPath` sets one
 * value the way `helm --set path=value` would. Pure: the caller looks the objects up.
 */
import { DiagnosticError, type SourceLocation } from '../../core/diagnostic.js';
import { deepClone, isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { isGoMap, setMapKey, type GoMap } from '../../gotemplate/value.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';
import type { ValuesReference } from '../models/helm-release.js';
import { setPathValue } from './target-path.js';

/** The ConfigMap or Secret `name` in the HelmRelease's namespace, or undefined when absent. */
export type ValuesObjectLookup = (kind: ValuesReference['kind'], name: string) => JsonObject | undefined;

export interface ValuesFromInput {
  /** The HelmRelease's namespace: where the referenced objects are looked up. */
  namespace: string;
  /** `spec.values` (after postBuild substitution). */
  values?: JsonObject;
  valuesFrom: readonly ValuesReference[];
  lookup: ValuesObjectLookup;
  /** Where the HelmRelease is declared, for diagnostics. */
  where: SourceLocation;
}

const RULE = 'flux-helm-values';

// Flux's MergeMaps: maps merge key by key, anything else replaces. Like Go, a map of `b` that `a`
// lacks is shared, not copied — a later targetPath write lands in it (see chartValues).
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = {};
  for (const k of Object.keys(a)) setMapKey(out, k, a[k]);
  for (const k of Object.keys(b)) {
    const v = b[k];
    const prev = Object.hasOwn(out, k) ? out[k] : undefined;
    setMapKey(out, k, isGoMap(v) && prev !== undefined && isGoMap(prev) ? mergeMaps(prev, v) : v);
  }
  return out;
}

// The apiserver stores `stringData` into `data`; a manifest may carry either.
function secretData(obj: JsonObject, key: string): string | undefined {
  const str = isJsonObject(obj.stringData) ? obj.stringData[key] : undefined;
  if (typeof str === 'string') return str;
  const b64 = isJsonObject(obj.data) ? obj.data[key] : undefined;
  return typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('utf8') : undefined;
}

function configMapData(obj: JsonObject, key: string): string | undefined {
  const v = isJsonObject(obj.data) ? obj.data[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

function refError(input: ValuesFromInput, ref: ValuesReference, reason: string, hint: string) {
  const optional = ref.optional ? ' optional' : '';
  return new DiagnosticError({
    rule: RULE,
    ...input.where,
    message: `could not resolve${optional} ${ref.kind} chart values reference '${input.namespace}/${ref.name}' with key '${ref.valuesKey}': ${reason}`,
    hint,
  });
}

function readValues(text: string, input: ValuesFromInput, ref: ValuesReference): GoMap {
  const origin = `${ref.kind} ${input.namespace}/${ref.name} key ${ref.valuesKey}`;
  let doc: JsonValue;
  try {
    doc = parseYaml11(text, origin, RULE);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    throw refError(input, ref, `failed to read values data: ${e.message}`, 'make the key hold a YAML map');
  }
  if (doc === null) return {};
  if (!isJsonObject(doc)) {
    throw refError(input, ref, 'failed to read values data: not a YAML map', 'make the key hold a YAML map');
  }
  return doc;
}

/**
 * The merged values, or a DiagnosticError saying which reference cannot be resolved. Numbers are
 * float64 as the controller decodes them, except what a targetPath sets: int64, as `--set` types it.
 */
export function chartValues(input: ValuesFromInput): GoMap {
  // The controller decodes spec.values afresh for each reconcile; targetPath writes may land in
  // it (shared maps, as in Go), so work on a copy.
  const values: GoMap = deepClone(input.values ?? {});
  let result: GoMap = {};
  for (const ref of input.valuesFrom) {
    const obj = input.lookup(ref.kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      throw refError(
        input,
        ref,
        'resource not found',
        `create the ${ref.kind} or mark the reference optional`,
      );
    }
    const data = ref.kind === 'Secret' ? secretData(obj, ref.valuesKey) : configMapData(obj, ref.valuesKey);
    if (data === undefined) {
      if (ref.optional) continue;
      throw refError(input, ref, 'key not found', `add key ${ref.valuesKey} or set valuesKey`);
    }
    if (ref.targetPath) {
      result = mergeMaps(result, values);
      try {
        setPathValue(result, ref.targetPath, data);
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        throw refError(input, ref, `failed to merge value: ${e.message}`, e.diagnostic.hint ?? '');
      }
      continue;
    }
    result = mergeMaps(result, readValues(data, input, ref));
  }
  return mergeMaps(result, values);
}
