import { isJsonObject, type JsonObject } from './json.js';

/** Identity of a Kubernetes object: group/version/kind plus namespace and name ('' when absent). */
export interface ResourceId {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function stringField(obj: JsonObject, key: string): string {
  const v = obj[key];
  return typeof v === 'string' ? v : '';
}

export function gvkOf(obj: JsonObject): Gvk {
  return { ...parseApiVersion(stringField(obj, 'apiVersion')), kind: stringField(obj, 'kind') };
}

export function idOf(obj: JsonObject): ResourceId {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  return { ...gvkOf(obj), namespace: stringField(meta, 'namespace'), name: stringField(meta, 'name') };
}

export function apiVersionOf(gvk: { group: string; version: string }): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/** Human form used in messages: `apps/v1 Deployment ns/name`. */
export function formatId(id: ResourceId): string {
  const where = id.namespace ? `${id.namespace}/${id.name}` : id.name;
  return `${apiVersionOf(id)} ${id.kind} ${where}`;
}
