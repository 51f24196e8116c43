/**
 * Schema files as validation reads them, kept between runs. The Kubernetes swagger is 3.8 MB
 * and CRD schemas run to hundreds of kilobytes, most of it descriptions that validation drops
 * (slim.ts) and, in the swagger, API paths it never reads: reading and parsing them is most of
 * what a check run spends on schemas. A prepared copy holds only what validation uses, and is
 * taken only while the source file is unchanged (its stamp: size and modification time).
 */
import { isJsonObject, type JsonObject } from '../core/json.js';
import { parseSchemaText } from './pull.js';
import { stripDocumentation } from './slim.js';
import type { JsonSchema, SchemaReadIo } from './types.js';

/** Bumped whenever what `prepare` keeps changes, so older copies are never read. */
export const PREPARED_FORMAT = 1;

export type Prepare = (parsed: JsonObject) => JsonObject;

/** A CRD schema (OpenAPI v3) without its documentation. */
export const prepareSchema: Prepare = (parsed) => stripDocumentation(parsed as JsonSchema) as JsonObject;

/** A swagger document reduced to its definitions, without their documentation. */
export const prepareOpenApi: Prepare = (parsed) =>
  isJsonObject(parsed.definitions)
    ? { definitions: stripDocumentation(parsed.definitions as JsonSchema) as JsonObject }
    : parsed;

/**
 * The JSON object in the file at `path`, prepared: undefined when there is no such file, the
 * parse problem (as parseSchemaText words it) when it is not a JSON object. A prepared copy in
 * `io.prepared` is used when its stamp matches; a fresh one is stored after reading the file.
 */
export function readPreparedJson(
  io: SchemaReadIo,
  path: string,
  prepare: Prepare,
): JsonObject | string | undefined {
  const store = io.prepared;
  const stamp = store?.stamp(path);
  if (store && stamp !== undefined) {
    const copy = store.get(path, stamp);
    const parsed = copy === undefined ? undefined : parseSchemaText(copy);
    // A damaged copy is ignored: the source is read again and the copy replaced.
    if (parsed !== undefined && typeof parsed !== 'string') return parsed as JsonObject;
  }
  const text = io.readFile(path);
  if (text === undefined) return undefined;
  const parsed = parseSchemaText(text);
  if (typeof parsed === 'string') return parsed;
  const prepared = prepare(parsed as JsonObject);
  if (store && stamp !== undefined) store.put(path, stamp, JSON.stringify(prepared));
  return prepared;
}
