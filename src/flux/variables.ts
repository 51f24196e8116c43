/**
 * postBuild variables of a Flux Kustomization: `substituteFrom`
 * ConfigMaps/Secrets in list order (later keys win), then inline `substitute` over all of them;
 * every value loses its `\n` characters (not `\r`). A missing non-optional source is not an
 * error yet: Flux raises it for each resource it goes on to substitute.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../core/json.js';

export type VarSourceKind = 'ConfigMap' | 'Secret';

/** One `spec.postBuild.substituteFrom` entry, resolved in the Kustomization's namespace. */
export interface VarSource {
  kind: VarSourceKind;
  name: string;
  optional?: boolean;
  /** The ConfigMap/Secret as it exists in the cluster, or undefined when there is none. */
  object: JsonObject | undefined;
}

export interface VariableInput {
  substituteFrom: readonly VarSource[];
  /** `spec.postBuild.substitute`. */
  inline?: Readonly<Record<string, string>>;
}

export interface PostBuildVariables {
  vars: ReadonlyMap<string, string>;
  /** Flux's error for a missing non-optional source (`substitute from 'Secret/s' error: …`). */
  sourceError?: string;
  /** Source data the API server would have rejected (the key is skipped). */
  diagnostics: Diagnostic[];
}

export const SOURCE_RULE = 'flux-substitute-source';

const RESOURCE_PLURAL: Record<VarSourceKind, string> = { ConfigMap: 'configmaps', Secret: 'secrets' };

export function collectVariables(input: VariableInput): PostBuildVariables {
  const vars = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const source of input.substituteFrom) {
    if (!source.object) {
      if (source.optional) continue;
      return {
        vars: new Map(),
        diagnostics,
        sourceError: `substitute from '${source.kind}/${source.name}' error: ${RESOURCE_PLURAL[source.kind]} "${source.name}" not found`,
      };
    }
    const found = sourceValues(source.kind, source.name, source.object);
    diagnostics.push(...found.diagnostics);
    for (const [k, v] of found.values) vars.set(k, stripNewlines(v));
  }
  for (const [k, v] of Object.entries(input.inline ?? {})) vars.set(k, stripNewlines(v));
  return { vars, diagnostics };
}

function stripNewlines(v: string): string {
  return v.replaceAll('\n', '');
}

/**
 * The string data Flux reads from a ConfigMap (`data`; `binaryData` is ignored) or a Secret
 * (`data` base64-decoded, with `stringData` on top as the API server merges it).
 */
export function sourceValues(
  kind: VarSourceKind,
  name: string,
  object: JsonObject,
): { values: Map<string, string>; diagnostics: Diagnostic[] } {
  const values = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const problem = (key: string, what: string): void => {
    diagnostics.push({
      severity: 'warning',
      rule: SOURCE_RULE,
      message: `${kind}/${name}: ${key} ${what}; the API server rejects this object, so the variable is ignored`,
    });
  };
  const data = isJsonObject(object.data) ? object.data : {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') {
      problem(`data.${key}`, `is not a string (${JSON.stringify(value)})`);
      continue;
    }
    if (kind === 'ConfigMap') {
      values.set(key, value);
      continue;
    }
    const decoded = decodeBase64(value);
    if (decoded === undefined) problem(`data.${key}`, 'is not valid base64');
    else values.set(key, decoded);
  }
  if (kind === 'Secret' && isJsonObject(object.stringData)) {
    for (const [key, value] of Object.entries(object.stringData)) {
      if (typeof value === 'string') values.set(key, value);
      else problem(`stringData.${key}`, `is not a string (${JSON.stringify(value)})`);
    }
  }
  return { values, diagnostics };
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// Go's base64.StdEncoding as used by encoding/json for []byte: padded, `\r`/`\n` ignored.
function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/[\r\n]/g, '');
  if (!BASE64_RE.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}
