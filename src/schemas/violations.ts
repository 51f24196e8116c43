import { isJsonObject } from '../core/json.js';
import { QUANTITY_PATTERN } from './kubernetes-openapi.js';
import { closestName } from './suggest.js';
import type { SchemaViolation } from './types.js';

/** The fields of an ajv-style error read here; the interpreter's errors and ajv's both fit. */
export interface ErrorObject {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: unknown;
  data?: unknown;
}

/** `/spec/containers/0/name` → ['spec', 'containers', 0, 'name']. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

export function pathToPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `spec.containers[0].name`, `metadata.labels["app.kubernetes.io/name"]`; `(root)` for the object. */
export function displayPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(root)' : out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

function typeList(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).filter((t) => t !== 'null');
  return types.join(' or ');
}

function declaredNames(parentSchema: unknown): string[] {
  return isJsonObject(parentSchema) && isJsonObject(parentSchema.properties)
    ? Object.keys(parentSchema.properties)
    : [];
}

function one(error: ErrorObject): SchemaViolation | undefined {
  const base = pointerToPath(error.instancePath);
  const at = displayPath(base);
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const path = [...base, name];
      const guess = closestName(name, declaredNames(error.parentSchema));
      return {
        path,
        pointer: pathToPointer(path),
        keyword: error.keyword,
        message: `unknown field \`${displayPath(path)}\``,
        ...(guess ? { hint: `did you mean \`${guess}\`?` } : {}),
      };
    }
    case 'required': {
      const name = String(params.missingProperty);
      return {
        path: base,
        pointer: error.instancePath,
        keyword: error.keyword,
        message: `missing required field \`${displayPath([...base, name])}\``,
      };
    }
    case 'type':
      return {
        path: base,
        pointer: error.instancePath,
        keyword: error.keyword,
        message: `\`${at}\` must be ${typeList(params.type)}, not ${describeValue(error.data)}`,
      };
    case 'enum':
      return {
        path: base,
        pointer: error.instancePath,
        keyword: error.keyword,
        message: `\`${at}\` must be one of ${(params.allowedValues as unknown[])
          .filter((v) => v !== null)
          .map((v) => JSON.stringify(v))
          .join(', ')}, not ${describeValue(error.data)}`,
      };
    case 'format':
      return {
        path: base,
        pointer: error.instancePath,
        keyword: error.keyword,
        message: `\`${at}\` must be a valid ${String(params.format)}, not ${describeValue(error.data)}`,
      };
    case 'pattern':
      return {
        path: base,
        pointer: error.instancePath,
        keyword: error.keyword,
        message:
          params.pattern === QUANTITY_PATTERN
            ? `\`${at}\` must be a quantity such as 500m, 1Gi or 2, not ${describeValue(error.data)}`
            : `\`${at}\` must match ${String(params.pattern)}, not ${describeValue(error.data)}`,
      };
    default:
      return {
        path: base,
        pointer: error.instancePath,
        keyword: error.keyword,
        message: `\`${at}\` ${error.message ?? 'is invalid'}`,
      };
  }
}

/**
 * Turns ajv-style errors into violations: the `if` of a nullable `$ref` says nothing, and the
 * errors inside a failed anyOf/oneOf are folded into one message listing the alternatives.
 */
export function toViolations(errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  if (!errors) return [];
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inGroup = (e: ErrorObject): ErrorObject | undefined =>
    groups.find(
      (g) =>
        g !== e && e.schemaPath.startsWith(`${g.schemaPath}/`) && e.instancePath.startsWith(g.instancePath),
    );
  const out: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || inGroup(error)) continue;
    let v = one(error);
    if (v && (error.keyword === 'anyOf' || error.keyword === 'oneOf')) {
      const options = errors
        .filter((e) => inGroup(e) === error && e.keyword !== 'if')
        .map(one)
        .filter((x): x is SchemaViolation => x !== undefined)
        .map((x) => x.message);
      const unique = [...new Set(options)];
      const word = error.keyword === 'oneOf' ? 'exactly one' : 'at least one';
      v = {
        ...v,
        message: `\`${displayPath(v.path)}\` must satisfy ${word} of: ${unique.slice(0, 4).join('; or ')}${unique.length > 4 ? '; ...' : ''}`,
      };
      if (error.keyword === 'oneOf' && unique.length === 0) {
        v = {
          ...v,
          message: `\`${displayPath(v.path)}\` matches more than one alternative where exactly one is allowed`,
        };
      }
    }
    if (!v) continue;
    const key = `${v.pointer}\u0000${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
