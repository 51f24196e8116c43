/**
 * The user values of a HelmRelease as helm-controller computes them (values-from.ts), looked up
 * in what the cluster holds. A ConfigMap or Secret that exists only inside the cluster (a SOPS
 * Secret not decrypted, a Secret an ExternalSecret creates) reads as placeholders: the release
 * still renders, and the caller is told which references were placeholders. Every value read
 * from a Secret is recorded as secret text, so output masks it.
 */
import type { SourceLocation } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { GoMap } from '../../gotemplate/value.js';
import { placeholderOf } from '../in-cluster-values.js';
import type { HelmReleaseModel } from '../models/helm-release.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';
import { addSecretObject, addSecretText, type SecretTexts } from '../secret-text.js';
import { chartValues } from './values-from.js';

/** ConfigMap or Secret `namespace/name` as the cluster holds it (placeholders included). */
export type ClusterObjectLookup = (
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
) => JsonObject | undefined;

export interface ReleaseValues {
  values: GoMap;
  /** `Kind namespace/name (origin)` of each reference that read placeholders. */
  placeholders: string[];
}

function leaves(v: JsonValue, out: string[]): void {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (isJsonObject(v)) for (const x of Object.values(v)) leaves(x, out);
}

// A Secret's values, and each value of the YAML it holds: helm prints them one by one.
function recordSecret(secrets: SecretTexts, obj: JsonObject): void {
  addSecretObject(secrets, obj);
  for (const m of [obj.data, obj.stringData]) {
    if (!isJsonObject(m)) continue;
    for (const raw of Object.values(m)) {
      if (typeof raw !== 'string') continue;
      const text = m === obj.data ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      const found: string[] = [];
      try {
        leaves(parseYaml11(text, 'secret', 'helm-values'), found);
      } catch {
        continue; // not YAML: the text itself is recorded already
      }
      for (const f of found) addSecretText(secrets, f);
    }
  }
}

/** Throws DiagnosticError when a reference cannot be resolved (as the controller fails). */
export function releaseValues(
  hr: HelmReleaseModel,
  lookup: ClusterObjectLookup,
  where: SourceLocation,
  secrets?: SecretTexts,
): ReleaseValues {
  const placeholders: string[] = [];
  const values = chartValues({
    namespace: hr.namespace,
    ...(hr.values ? { values: hr.values } : {}),
    valuesFrom: hr.valuesFrom,
    lookup: (kind, name) => {
      const obj = lookup(kind, hr.namespace, name);
      if (!obj) return undefined;
      const placeholder = placeholderOf(obj);
      if (placeholder) placeholders.push(`${kind} ${hr.namespace}/${name} (${placeholder.origin})`);
      else if (kind === 'Secret' && secrets) recordSecret(secrets, obj);
      return obj;
    },
    where,
  });
  return { values, placeholders };
}
