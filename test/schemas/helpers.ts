import { readFileSync } from 'node:fs';
import type { JsonObject } from '../../src/core/json.js';
import type { OpenApiDoc, SchemaReadIo } from '../../src/schemas/index.js';

/** Synchronous reads from the real file system, `undefined` for a missing file. */
export const readIo: SchemaReadIo = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const docs = new Map<string, OpenApiDoc>();

/** The reference swagger document of a Kubernetes version, parsed once per test file. */
export function swagger(path: string): OpenApiDoc {
  let doc = docs.get(path);
  if (!doc) {
    doc = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDoc;
    docs.set(path, doc);
  }
  return doc;
}

/** An apiextensions.k8s.io/v1 CRD serving example.io/v1 Widget with `schema` as its OpenAPI schema. */
export function widgetCrd(schema: JsonObject): JsonObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.io' },
    spec: {
      group: 'example.io',
      names: { kind: 'Widget' },
      versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}
