/**
 * Typed reading of a Flux object's fields with CRD-style validation. Problems become
 * diagnostics collected in the context; readers return undefined for absent or invalid values.
 */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { parseDuration, type Duration } from './duration.js';

export interface Where {
  file: string;
  line?: number;
}

export interface FieldContext {
  where: Where;
  /** `Kustomization flux-system/apps`, used in messages. */
  subject: string;
  diagnostics: Diagnostic[];
}

export const RULE_REQUIRED = 'flux-required-field';
export const RULE_INVALID = 'flux-invalid-field';
export const RULE_UNKNOWN = 'flux-unknown-field';
export const RULE_DEPRECATED = 'flux-deprecated-api';
export const RULE_UNSUPPORTED = 'flux-unsupported-api';

export function report(
  ctx: FieldContext,
  severity: Severity,
  rule: string,
  message: string,
  hint?: string,
): void {
  const d: Diagnostic = { severity, rule, message: `${ctx.subject}: ${message}`, file: ctx.where.file };
  if (ctx.where.line !== undefined) d.line = ctx.where.line;
  if (hint !== undefined) d.hint = hint;
  ctx.diagnostics.push(d);
}

export function hasErrors(ctx: FieldContext): boolean {
  return ctx.diagnostics.some((d) => d.severity === 'error');
}

function typeName(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function invalid(ctx: FieldContext, path: string, expected: string, got: JsonValue): undefined {
  report(ctx, 'error', RULE_INVALID, `${path} must be ${expected}, got ${typeName(got)}`);
  return undefined;
}

function missing(ctx: FieldContext, path: string): undefined {
  report(ctx, 'error', RULE_REQUIRED, `${path} is required`);
  return undefined;
}

/** Unknown keys are dropped by Flux's typed decoding; report them since they are usually typos. */
export function checkFields(
  ctx: FieldContext,
  obj: JsonObject,
  allowed: readonly string[],
  path: string,
  hints: Readonly<Record<string, string>> = {},
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    const hint = hints[key] ?? (near ? `did you mean '${near}'?` : `known fields: ${allowed.join(', ')}`);
    report(ctx, 'warning', RULE_UNKNOWN, `unknown field ${path}.${key} is ignored by Flux`, hint);
  }
}

export interface StringRules {
  required?: boolean;
  pattern?: RegExp;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
}

/** A string field; '' counts as absent (omitempty), as Flux's typed struct sees it. */
export function str(
  ctx: FieldContext,
  obj: JsonObject,
  key: string,
  path: string,
  rules: StringRules = {},
): string | undefined {
  const v = obj[key];
  const at = `${path}.${key}`;
  if (v === undefined || v === null || v === '') return rules.required ? missing(ctx, at) : undefined;
  if (typeof v !== 'string') return invalid(ctx, at, 'a string', v);
  if (rules.enum && !rules.enum.includes(v)) {
    report(ctx, 'error', RULE_INVALID, `${at} must be one of ${rules.enum.join(', ')}, got '${v}'`);
    return undefined;
  }
  if (rules.pattern && !rules.pattern.test(v)) {
    report(ctx, 'error', RULE_INVALID, `${at} '${v}' does not match ${String(rules.pattern)}`);
    return undefined;
  }
  if (rules.minLength !== undefined && v.length < rules.minLength) {
    report(ctx, 'error', RULE_INVALID, `${at} must have at least ${rules.minLength} characters`);
    return undefined;
  }
  if (rules.maxLength !== undefined && v.length > rules.maxLength) {
    report(ctx, 'error', RULE_INVALID, `${at} must have at most ${rules.maxLength} characters`);
    return undefined;
  }
  return v;
}

export function bool(
  ctx: FieldContext,
  obj: JsonObject,
  key: string,
  path: string,
  required = false,
): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return required ? missing(ctx, `${path}.${key}`) : undefined;
  if (typeof v !== 'boolean') return invalid(ctx, `${path}.${key}`, 'true or false', v);
  return v;
}

export function int(ctx: FieldContext, obj: JsonObject, key: string, path: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) return invalid(ctx, `${path}.${key}`, 'an integer', v);
  return v;
}

export function dur(
  ctx: FieldContext,
  obj: JsonObject,
  key: string,
  path: string,
  required = false,
): Duration | undefined {
  const v = obj[key];
  const at = `${path}.${key}`;
  if (v === undefined || v === null || v === '') return required ? missing(ctx, at) : undefined;
  if (typeof v !== 'string') return invalid(ctx, at, "a duration string such as '10m'", v);
  const d = parseDuration(v);
  if (!d) {
    report(
      ctx,
      'error',
      RULE_INVALID,
      `${at} '${v}' is not a valid duration`,
      "use digits with units ms, s, m or h, e.g. '30s', '10m', '1h30m' (no 'd')",
    );
  }
  return d;
}

export function obj(
  ctx: FieldContext,
  o: JsonObject,
  key: string,
  path: string,
  required = false,
): JsonObject | undefined {
  const v = o[key];
  if (v === undefined || v === null) return required ? missing(ctx, `${path}.${key}`) : undefined;
  if (!isJsonObject(v)) return invalid(ctx, `${path}.${key}`, 'a map', v);
  return v;
}

/** A list of maps; non-map items are reported and skipped. */
export function objs(ctx: FieldContext, o: JsonObject, key: string, path: string): JsonObject[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return invalid(ctx, `${path}.${key}`, 'a list', v) ?? [];
  const out: JsonObject[] = [];
  v.forEach((item, i) => {
    if (isJsonObject(item)) out.push(item);
    else invalid(ctx, `${path}.${key}[${i}]`, 'a map', item);
  });
  return out;
}

export function strs(
  ctx: FieldContext,
  o: JsonObject,
  key: string,
  path: string,
  allowed?: readonly string[],
): string[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return invalid(ctx, `${path}.${key}`, 'a list of strings', v) ?? [];
  const out: string[] = [];
  v.forEach((item, i) => {
    const at = `${path}.${key}[${i}]`;
    if (typeof item !== 'string') invalid(ctx, at, 'a string', item);
    else if (allowed && !allowed.includes(item))
      report(ctx, 'error', RULE_INVALID, `${at} must be one of ${allowed.join(', ')}, got '${item}'`);
    else out.push(item);
  });
  return out;
}

export function strMap(
  ctx: FieldContext,
  o: JsonObject,
  key: string,
  path: string,
): Record<string, string> | undefined {
  const m = obj(ctx, o, key, path);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === 'string') out[k] = v;
    else invalid(ctx, `${path}.${key}.${k}`, 'a string', v);
  }
  return out;
}
