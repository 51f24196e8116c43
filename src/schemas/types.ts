import type { JsonObject } from '../core/json.js';

/** A JSON Schema (draft-07 dialect as ajv reads it), held as plain JSON data. */
export type JsonSchema = JsonObject;

/** An OpenAPI v2 (swagger) document as Kubernetes publishes it; only `definitions` is read. */
export interface OpenApiDoc {
  swagger?: string;
  definitions: Record<string, JsonObject>;
  [key: string]: unknown;
}

/** Group/version/kind; the core group is ''. */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** One problem found by a validator. */
export interface SchemaViolation {
  /**
   * Where to point in the source: the offending field for unknown fields and bad values,
   * the parent object for a missing required field. Feed it to `locateInDocument`.
   */
  path: (string | number)[];
  /** The same place as a JSON pointer. */
  pointer: string;
  /** The JSON Schema keyword that failed (`additionalProperties`, `required`, `type`, ...). */
  keyword: string;
  /** A sentence a person can act on, naming the field as `spec.template.spec.containers[0].name`. */
  message: string;
  /** A suggestion, e.g. `did you mean \`replicas\`?`. */
  hint?: string;
}

/** Where a validator's schema came from. */
export type SchemaSource = 'kubernetes' | 'crd' | 'location';

export interface Validator {
  readonly gvk: Gvk;
  readonly source: SchemaSource;
  /** Empty when the object is valid. */
  validate(obj: unknown): SchemaViolation[];
}

/** The answer to "which schema validates this apiVersion/kind?". */
export type SchemaLookup =
  | { status: 'found'; validator: Validator }
  /** The caller asked to leave this kind to another stage (Flux kinds). */
  | { status: 'skipped'; reason: string }
  /** No schema anywhere; `reason` says where we looked. Report once per kind per cluster. */
  | { status: 'missing'; reason: string }
  /** A schema exists but cannot be used (corrupt file, schema the interpreter refuses). */
  | { status: 'invalid'; reason: string };

/** Synchronous reads for the registry: `undefined` when the file does not exist. */
export interface SchemaReadIo {
  readFile(path: string): string | undefined;
  /** Prepared copies of schema files kept between runs (see prepared.ts). */
  prepared?: PreparedStore;
}

/** Where prepared schema copies live; every method is best effort (a failure only costs speed). */
export interface PreparedStore {
  /** A string that changes whenever the file at `path` does; undefined when it is absent. */
  stamp(path: string): string | undefined;
  get(path: string, stamp: string): string | undefined;
  put(path: string, stamp: string, text: string): void;
}

export interface FetchResult {
  status: number;
  text: string;
}

/** What `pullSchemas` needs: reads, atomic writes into the cache, and HTTP GET. */
export interface SchemaCacheIo extends SchemaReadIo {
  writeFile(path: string, text: string): void;
  rename(from: string, to: string): void;
  removeFile(path: string): void;
  mkdirp(dir: string): void;
  fetch(url: string): Promise<FetchResult>;
}
