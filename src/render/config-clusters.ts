/**
 * The `clusters` entries of `k8s-ops.yaml`: name, entry directory, root Kustomization,
 * the Flux sources that stand for this repository, extra variables and stub objects.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import {
  field,
  lineOf,
  list,
  mapping,
  pathText,
  repoPath,
  report,
  str,
  typeName,
  type Ctx,
  type Path,
} from './config-fields.js';
import {
  SOURCE_KINDS,
  type ClusterConfig,
  type ObjectName,
  type SourceKind,
  type SourceMapping,
} from './config-types.js';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const VAR_NAME = /^[_A-Za-z][_A-Za-z0-9]*$/;

function objectName(ctx: Ctx, value: JsonValue | undefined, path: Path): ObjectName | undefined {
  const obj = mapping(ctx, value, path, ['name', 'namespace']);
  if (!obj) return undefined;
  const name = str(ctx, obj, 'name', path, true);
  const namespace = str(ctx, obj, 'namespace', path, false) ?? 'flux-system';
  return name === undefined ? undefined : { name, namespace };
}

function source(ctx: Ctx, value: JsonValue, path: Path): SourceMapping | undefined {
  const obj = mapping(ctx, value, path, ['kind', 'name', 'namespace', 'path']);
  if (!obj) return undefined;
  const kind = str(ctx, obj, 'kind', path, true);
  const name = str(ctx, obj, 'name', path, true);
  const namespace = str(ctx, obj, 'namespace', path, false) ?? 'flux-system';
  const rawPath = str(ctx, obj, 'path', path, false) ?? '';
  const subPath = repoPath(ctx, rawPath, [...path, 'path'], 'dir');
  if (kind !== undefined && !SOURCE_KINDS.includes(kind as SourceKind)) {
    report(
      ctx,
      [...path, 'kind'],
      'config-value',
      `unknown source kind '${kind}'`,
      `use one of ${SOURCE_KINDS.join(', ')}`,
    );
    return undefined;
  }
  if (kind === undefined || name === undefined || subPath === undefined) return undefined;
  return { kind: kind as SourceKind, namespace, name, path: subPath };
}

function variables(ctx: Ctx, obj: JsonObject, path: Path): Record<string, string> {
  const out: Record<string, string> = {};
  const v = field(obj, 'variables');
  if (v === undefined) return out;
  if (!isJsonObject(v)) {
    report(
      ctx,
      [...path, 'variables'],
      'config-type',
      `'${pathText([...path, 'variables'])}' must be a mapping, not ${typeName(v)}`,
    );
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    const at = [...path, 'variables', key];
    if (!VAR_NAME.test(key)) {
      report(
        ctx,
        at,
        'config-value',
        `variable name '${key}' is invalid`,
        'Flux accepts names matching ^[_A-Za-z][_A-Za-z0-9]*$',
      );
    } else if (typeof value !== 'string') {
      report(
        ctx,
        at,
        'config-type',
        `variable '${key}' must be a string, not ${typeName(value)}`,
        'quote the value: Flux variables are strings',
      );
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function cluster(ctx: Ctx, value: JsonValue, path: Path): ClusterConfig | undefined {
  const obj = mapping(ctx, value, path, [
    'name',
    'path',
    'rootKustomization',
    'sources',
    'variables',
    'objects',
  ]);
  if (!obj) return undefined;
  const name = str(ctx, obj, 'name', path, true);
  if (name !== undefined && !NAME.test(name)) {
    report(
      ctx,
      [...path, 'name'],
      'config-value',
      `cluster name '${name}' is invalid`,
      'use lower-case letters, digits and dashes, e.g. production',
    );
  }
  const rawPath = str(ctx, obj, 'path', path, true);
  const entry = rawPath === undefined ? undefined : repoPath(ctx, rawPath, [...path, 'path'], 'dir');
  const root = field(obj, 'rootKustomization');
  const rootKustomization =
    root === undefined ? undefined : objectName(ctx, root, [...path, 'rootKustomization']);

  const sources: SourceMapping[] = [];
  list(ctx, obj, 'sources', path).forEach((item, i) => {
    const s = source(ctx, item, [...path, 'sources', i]);
    if (!s) return;
    if (sources.some((o) => o.kind === s.kind && o.namespace === s.namespace && o.name === s.name)) {
      report(
        ctx,
        [...path, 'sources', i],
        'config-duplicate',
        `source ${s.kind}/${s.namespace}/${s.name} is listed twice`,
      );
      return;
    }
    sources.push(s);
  });
  const objects: string[] = [];
  list(ctx, obj, 'objects', path).forEach((item, i) => {
    const at = [...path, 'objects', i];
    if (typeof item !== 'string') {
      report(ctx, at, 'config-type', `'${pathText(at)}' must be a file path, not ${typeName(item)}`);
      return;
    }
    const file = repoPath(ctx, item, at, 'file');
    if (file !== undefined && !objects.includes(file)) objects.push(file);
  });
  const vars = variables(ctx, obj, path);
  if (name === undefined || !NAME.test(name) || entry === undefined) return undefined;
  return {
    name,
    path: entry,
    ...(rootKustomization ? { rootKustomization } : {}),
    sources,
    variables: vars,
    objects,
    line: lineOf(ctx, path),
  };
}
