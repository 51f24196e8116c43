import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import {
  checkFields,
  obj,
  objs,
  report,
  RULE_DEPRECATED,
  str,
  type FieldContext,
  type Where,
} from './fields.js';

/** What every Flux model carries: identity, where it was read, and the object as written. */
export interface FluxObjectBase {
  apiVersion: string;
  name: string;
  /** metadata.namespace, '' when the object has none (the caller may set it before parsing). */
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  file: string;
  line?: number;
  raw: JsonObject;
}

export interface ParsedMeta {
  ctx: FieldContext;
  base: FluxObjectBase;
  spec: JsonObject;
}

function stringMap(v: unknown): Record<string, string> {
  if (!isJsonObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** Reads metadata and spec; flags a deprecated apiVersion. */
export function readMeta(
  raw: JsonObject,
  where: Where,
  kind: string,
  deprecated: boolean,
  current: string,
  diagnostics: Diagnostic[] = [],
): ParsedMeta {
  const meta = isJsonObject(raw.metadata) ? raw.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const apiVersion = typeof raw.apiVersion === 'string' ? raw.apiVersion : '';
  const ctx: FieldContext = {
    where,
    subject: `${kind} ${namespace ? `${namespace}/` : ''}${name || '<unnamed>'}`,
    diagnostics,
  };
  if (name === '') report(ctx, 'error', 'flux-required-field', 'metadata.name is required');
  if (deprecated) {
    report(
      ctx,
      'warning',
      RULE_DEPRECATED,
      `apiVersion ${apiVersion} is deprecated`,
      `migrate to ${current}; fields removed in ${current} are ignored`,
    );
  }
  const spec = obj(ctx, raw, 'spec', '', true) ?? {};
  const base: FluxObjectBase = {
    apiVersion,
    name,
    namespace,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    file: where.file,
    raw,
  };
  if (where.line !== undefined) base.line = where.line;
  return { ctx, base, spec };
}

/** A namespaced reference `{name, namespace?}` with the namespace defaulted. */
export interface NamespacedRef {
  name: string;
  namespace: string;
}

/** `{kind, name, namespace?, apiVersion?}` source references. */
export interface SourceRef {
  kind: string;
  name: string;
  /** Defaults to the referring object's namespace. */
  namespace: string;
  apiVersion?: string;
}

export function readSourceRef(
  ctx: FieldContext,
  spec: JsonObject,
  key: string,
  path: string,
  kinds: readonly string[],
  ownNamespace: string,
  required = true,
): SourceRef | undefined {
  const o = obj(ctx, spec, key, path, required);
  if (!o) return undefined;
  const at = `${path}.${key}`;
  checkFields(ctx, o, ['apiVersion', 'kind', 'name', 'namespace'], at);
  const kind = str(ctx, o, 'kind', at, { required: true, enum: kinds });
  const name = str(ctx, o, 'name', at, { required: true });
  if (kind === undefined || name === undefined) return undefined;
  const ref: SourceRef = { kind, name, namespace: str(ctx, o, 'namespace', at) ?? ownNamespace };
  const apiVersion = str(ctx, o, 'apiVersion', at);
  if (apiVersion !== undefined) ref.apiVersion = apiVersion;
  return ref;
}

export interface DependsOn extends NamespacedRef {
  readyExpr?: string;
}

export function readDependsOn(ctx: FieldContext, spec: JsonObject, ownNamespace: string): DependsOn[] {
  return objs(ctx, spec, 'dependsOn', 'spec').flatMap((d, i) => {
    const at = `spec.dependsOn[${i}]`;
    checkFields(ctx, d, ['name', 'namespace', 'readyExpr'], at);
    const name = str(ctx, d, 'name', at, { required: true });
    if (name === undefined) return [];
    const dep: DependsOn = { name, namespace: str(ctx, d, 'namespace', at) ?? ownNamespace };
    const readyExpr = str(ctx, d, 'readyExpr', at);
    if (readyExpr !== undefined) dep.readyExpr = readyExpr;
    return [dep];
  });
}

export interface CommonMetadata {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export function readCommonMetadata(ctx: FieldContext, spec: JsonObject): CommonMetadata | undefined {
  const o = obj(ctx, spec, 'commonMetadata', 'spec');
  if (!o) return undefined;
  checkFields(ctx, o, ['labels', 'annotations'], 'spec.commonMetadata');
  return { labels: stringMap(o.labels), annotations: stringMap(o.annotations) };
}

/** `{name}` secret/config map references. */
export function readLocalRef(
  ctx: FieldContext,
  o: JsonObject,
  key: string,
  path: string,
): { name: string } | undefined {
  const r = obj(ctx, o, key, path);
  if (!r) return undefined;
  const name = str(ctx, r, 'name', `${path}.${key}`, { required: true });
  return name === undefined ? undefined : { name };
}
