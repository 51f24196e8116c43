/**
 * Typed field readers for `k8s-ops.yaml`: each reads one value of the expected type and
 * reports a diagnostic at the value's line otherwise, so the section readers stay short
 * and every error message has the same form.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { normalizePath } from '../tree/paths.js';
import type { EntryType, RepoTree } from '../tree/repo-tree.js';
import { locateInDocument } from '../yaml/parse.js';

export type Path = (string | number)[];

export interface Ctx {
  tree: RepoTree;
  file: string;
  text: string;
  docIndex: number;
  docLine: number;
  diagnostics: Diagnostic[];
}

export function typeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function report(
  ctx: Ctx,
  path: Path,
  rule: string,
  message: string,
  hint?: string,
  severity: Severity = 'error',
): void {
  const at = locateInDocument(ctx.text, ctx.docIndex, path);
  ctx.diagnostics.push({
    severity,
    rule,
    message,
    file: ctx.file,
    line: at?.line ?? ctx.docLine,
    ...(at ? { column: at.column } : {}),
    ...(hint ? { hint } : {}),
  });
}

export function lineOf(ctx: Ctx, path: Path): number {
  return locateInDocument(ctx.text, ctx.docIndex, path)?.line ?? ctx.docLine;
}

/** A mapping with only `allowed` keys; unknown keys are reported and dropped. */
export function mapping(
  ctx: Ctx,
  value: JsonValue | undefined,
  path: Path,
  allowed: string[],
): JsonObject | undefined {
  if (!isJsonObject(value)) {
    const what = path.length === 0 ? ctx.file : `'${pathText(path)}'`;
    report(ctx, path, 'config-type', `${what} must be a mapping, not ${typeName(value)}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      report(
        ctx,
        [...path, key],
        'config-unknown-key',
        `unknown key '${key}'${path.length ? ` in '${pathText(path)}'` : ''}`,
        `allowed keys: ${allowed.join(', ')}`,
      );
    }
  }
  return value;
}

/** The value at `key`, treating an explicit null as absent. */
export function field(obj: JsonObject, key: string): JsonValue | undefined {
  const v = obj[key];
  return v === null ? undefined : v;
}

export function str(
  ctx: Ctx,
  obj: JsonObject,
  key: string,
  path: Path,
  required: boolean,
): string | undefined {
  const v = field(obj, key);
  if (v === undefined) {
    if (required) report(ctx, path, 'config-required', `'${pathText([...path, key])}' is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    const hint = typeof v === 'number' || typeof v === 'boolean' ? 'quote the value' : undefined;
    report(
      ctx,
      [...path, key],
      'config-type',
      `'${pathText([...path, key])}' must be a string, not ${typeName(v)}`,
      hint,
    );
    return undefined;
  }
  return v;
}

export function list(ctx: Ctx, obj: JsonObject, key: string, path: Path): JsonValue[] {
  const v = field(obj, key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    report(
      ctx,
      [...path, key],
      'config-type',
      `'${pathText([...path, key])}' must be a list, not ${typeName(v)}`,
    );
    return [];
  }
  return v;
}

/** A normalised repository path that exists with the wanted type. */
export function repoPath(ctx: Ctx, raw: string, at: Path, want: EntryType): string | undefined {
  const norm = raw.startsWith('/') ? undefined : normalizePath(raw);
  if (norm === undefined) {
    report(
      ctx,
      at,
      'config-value',
      `path '${raw}' must be relative to the repository root and stay inside it`,
      "write it like 'clusters/production'",
    );
    return undefined;
  }
  const found = ctx.tree.stat(norm);
  if (found !== want) {
    const what = want === 'dir' ? 'directory' : 'file';
    report(
      ctx,
      at,
      'config-path-missing',
      found ? `'${raw}' is not a ${what}` : `${what} '${raw}' does not exist`,
      'paths are relative to the repository root',
    );
    return undefined;
  }
  return norm;
}
