import { KUBERNETES_SCHEMA_ID } from './kubernetes-openapi.js';
import type { SchemaObject } from './interpret-keywords.js';
import { hasRules, REF_KEYWORDS } from './interpret-rules.js';
import { isObject } from './interpret-run.js';

/** `$ref` resolution as ajv does it here, over the schema being compiled and the Kubernetes document. */

/** Where `$ref`s without a document id resolve: the schema being compiled, or the Kubernetes document. */
export type Base = unknown;

/** A `$ref` as ajv resolves it here: `[kubernetes]#/json/pointer`, following pure-`$ref` aliases. */
export function resolve(
  document: SchemaObject | undefined,
  ref: string,
  base: Base,
  depth = 0,
): [unknown, Base] {
  const hash = ref.indexOf('#');
  const id = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const root = id === '' ? base : id === KUBERNETES_SCHEMA_ID ? document : undefined;
  // Made only when thrown: an Error captures a stack, and most refs resolve.
  const missing = () => new Error(`can't resolve reference ${ref}`);
  if (root === undefined || !fragment.startsWith('/') || depth > 32) throw missing();
  let node: unknown = root;
  for (const part of fragment.slice(1).split('/')) {
    if (typeof node !== 'object' || node === null) throw missing();
    node = (node as SchemaObject)[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw missing();
  }
  if (isObject(node) && node.$ref && !hasRules(node, '$ref'))
    return resolve(document, String(node.$ref), root, depth + 1);
  if (node === root) throw missing();
  return [node, root];
}

/** Whether `schema` holds a `$ref` anywhere; answers are kept in `refsIn`, per interpreter. */
export function hasRef(schema: unknown, refsIn: WeakMap<object, boolean>): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  let known = refsIn.get(schema);
  if (known === undefined) {
    known = false;
    for (const key in schema) {
      const v = (schema as SchemaObject)[key];
      if (
        REF_KEYWORDS.has(key) ||
        (Array.isArray(v) ? v.some((x) => hasRef(x, refsIn)) : hasRef(v, refsIn))
      ) {
        known = true;
        break;
      }
    }
    refsIn.set(schema, known);
  }
  return known;
}
