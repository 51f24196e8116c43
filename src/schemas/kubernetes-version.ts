import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject } from '../core/json.js';
import { prepareOpenApi, readPreparedJson } from './prepared.js';
import { parseSchemaText } from './pull.js';
import type { FetchResult, OpenApiDoc, SchemaReadIo } from './types.js';

/** `1.35`, `v1.35`, `1.35.2`, `v1.35.2` → `1.35`. */
export function normalizeKubernetesVersion(version: string): string {
  const m = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(version.trim());
  if (!m) {
    throw new DiagnosticError({
      rule: 'kubernetes-version',
      message: `${JSON.stringify(version)} is not a Kubernetes version`,
      hint: 'write it as 1.35 (or v1.35.2)',
    });
  }
  return `${m[1]}.${m[2]}`;
}

/**
 * Where the swagger document of `version` is: `location` is a directory holding
 * `swagger-v<major.minor>.json`, an http(s) base URL, or a path/URL with `{version}`.
 */
export function kubernetesSchemaAddress(location: string, version: string): string {
  const v = normalizeKubernetesVersion(version);
  if (location.includes('{version}')) return location.replaceAll('{version}', v);
  if (location.endsWith('.json')) return location;
  return `${location.replace(/\/+$/, '')}/swagger-v${v}.json`;
}

export interface KubernetesLoadIo extends SchemaReadIo {
  fetch?(url: string): Promise<FetchResult>;
}

function asOpenApi(parsed: Record<string, unknown> | string, where: string): OpenApiDoc {
  if (typeof parsed === 'string' || !isJsonObject(parsed.definitions)) {
    throw new DiagnosticError({
      rule: 'kubernetes-schema',
      message: `${where} is ${typeof parsed === 'string' ? parsed : 'not an OpenAPI v2 document (no definitions)'}`,
    });
  }
  return parsed as OpenApiDoc;
}

/** Loads the Kubernetes OpenAPI v2 document of a version from a directory or URL. */
export async function loadKubernetesOpenApi(
  version: string,
  location: string,
  io: KubernetesLoadIo,
): Promise<OpenApiDoc> {
  const address = kubernetesSchemaAddress(location, version);
  if (/^https?:\/\//i.test(address)) {
    if (!io.fetch)
      throw new DiagnosticError({ rule: 'kubernetes-schema', message: `cannot fetch ${address} offline` });
    const response = await io.fetch(address);
    if (response.status !== 200) {
      throw new DiagnosticError({
        rule: 'kubernetes-schema',
        message: `${address} answered HTTP ${response.status}`,
      });
    }
    return asOpenApi(parseSchemaText(response.text), address);
  }
  const parsed = readPreparedJson(io, address, prepareOpenApi);
  if (parsed === undefined) {
    throw new DiagnosticError({
      rule: 'kubernetes-schema',
      message: `no Kubernetes ${normalizeKubernetesVersion(version)} OpenAPI document at ${address}`,
      hint: 'pick a version whose swagger-v<version>.json is in the schema location',
    });
  }
  return asOpenApi(parsed, address);
}
