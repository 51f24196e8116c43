import { createHash } from 'node:crypto';
import { DiagnosticError } from '../core/diagnostic.js';
import type { Gvk } from './types.js';

/**
 * Where CRD schemas live, in kubeconform's layout: a directory, or an http(s) URL,
 * as a template over the kind. Remote schemas are read through a local cache.
 */
export interface SchemaLocation {
  /** With placeholders, e.g. `https://host/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json`. */
  template: string;
  remote: boolean;
}

/** kubeconform's catalog layout, appended to a location given without placeholders. */
export const DEFAULT_LAYOUT = '{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json';

const PLACEHOLDER = /\{\{\s*\.(\w+)\s*\}\}|\{(\w+)\}/g;

function placeholderValue(name: string, gvk: Gvk): string | undefined {
  const kind = gvk.kind.toLowerCase();
  switch (name) {
    case 'Group':
    case 'group':
      return gvk.group;
    case 'ResourceKind':
    case 'kind':
      return kind;
    case 'ResourceAPIVersion':
    case 'version':
      return gvk.version;
    case 'KindSuffix': {
      // kubeconform: `-<first label of the group>-<version>`, or `-<version>` for the core group.
      const first = gvk.group.split('.')[0] ?? '';
      return first === '' ? `-${gvk.version}` : `-${first.toLowerCase()}-${gvk.version.toLowerCase()}`;
    }
    default:
      return undefined;
  }
}

/** Parses `--schema-location`: a directory, a `file://` URL, an http(s) URL, each with or without placeholders. */
export function parseSchemaLocation(text: string): SchemaLocation {
  let template = text.trim();
  if (template === '')
    throw new DiagnosticError({ rule: 'schema-location', message: 'empty schema location' });
  if (template.startsWith('file://')) template = template.slice('file://'.length);
  const remote = /^https?:\/\//i.test(template);
  if (!/\{\{|\{\w+\}/.test(template)) template = `${template.replace(/\/+$/, '')}/${DEFAULT_LAYOUT}`;
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((name) => placeholderValue(name, { group: 'g', version: 'v', kind: 'k' }) === undefined);
  if (unknown.length > 0) {
    throw new DiagnosticError({
      rule: 'schema-location',
      message: `schema location ${text} uses unsupported placeholder(s): ${unknown.join(', ')}`,
      hint: 'use {{.Group}}, {{.ResourceKind}}, {{.ResourceAPIVersion}}, {{.KindSuffix}} or {group}, {kind}, {version}',
    });
  }
  return { template, remote };
}

/** The file path or URL of a kind's schema at a location. */
export function schemaAddress(location: SchemaLocation, gvk: Gvk): string {
  return location.template.replace(PLACEHOLDER, (_m, a: string | undefined, b: string | undefined) => {
    return placeholderValue(a ?? b ?? '', gvk) ?? '';
  });
}

/** One cache folder per location, so two locations never mix: `<cacheDir>/<hash of template>`. */
export function locationCacheDir(cacheDir: string, location: SchemaLocation): string {
  const key = createHash('sha256').update(location.template).digest('hex').slice(0, 16);
  return `${cacheDir.replace(/\/+$/, '')}/${key}`;
}

/** `<cacheDir>/<location key>/<group>/<kind>_<version>.json`, the catalog layout again. */
export function cachePath(cacheDir: string, location: SchemaLocation, gvk: Gvk): string {
  return `${locationCacheDir(cacheDir, location)}/${gvk.group}/${gvk.kind.toLowerCase()}_${gvk.version}.json`;
}

/**
 * Group, version and kind come from manifests; only DNS-like names reach a path or URL
 * (no `..`, no `/`), so a crafted apiVersion cannot read or write outside the location.
 */
export function isSafeGvk(gvk: Gvk): boolean {
  return (
    /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(gvk.group) &&
    /^[a-z0-9]+$/.test(gvk.version) &&
    /^[A-Za-z0-9]+$/.test(gvk.kind)
  );
}
