import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonObject } from '../core/json.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { isValidUtf8, loadKvPairs, makeDataMap, type KvContext, type KvPair } from './kv-sources.js';
import { generationBehavior } from './generated-merge.js';
import { ANN_GEN_BEHAVIOR, ANN_NEEDS_HASH, type KResource } from './resource.js';

// The build stages import the whole generator API from here.
export { generationBehavior, mergeGenerated, type GenerationBehavior } from './generated-merge.js';
export { applyNameHashes } from './hash.js';

/** `generatorOptions`, globally or on one generator. */
export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

/** One entry of `configMapGenerator` or `secretGenerator`. */
export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  /** create (default), merge or replace; anything else counts as unspecified, like create. */
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  /** Deprecated single env file; kustomize appends it to `envs`. */
  env?: string;
  options?: GeneratorOptions;
  /** Secrets only; default Opaque. */
  type?: string;
}

/**
 * kustomize's MergeGlobalOptionsIntoLocal: local labels/annotations win over global ones;
 * a global `true` for a boolean cannot be turned off locally.
 */
export function mergeGlobalOptionsIntoLocal(
  local: GeneratorOptions | undefined,
  global: GeneratorOptions | undefined,
): GeneratorOptions | undefined {
  if (!global) return local;
  const out: GeneratorOptions = { ...local };
  if (global.labels) out.labels = { ...global.labels, ...local?.labels };
  if (global.annotations) out.annotations = { ...global.annotations, ...local?.annotations };
  if (global.disableNameSuffixHash) out.disableNameSuffixHash = true;
  if (global.immutable) out.immutable = true;
  return out;
}

function badField(file: string | undefined, field: string, want: string): never {
  throw new DiagnosticError({
    rule: 'kustomize-generator',
    message: `invalid generator field '${field}': expected ${want}`,
    file,
  });
}

function optString(file: string | undefined, o: Record<string, unknown>, field: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : badField(file, field, 'a string');
}

function optStrings(
  file: string | undefined,
  o: Record<string, unknown>,
  field: string,
): string[] | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    return badField(file, field, 'a list of strings');
  return v as string[];
}

function optStringMap(
  file: string | undefined,
  o: Record<string, unknown>,
  field: string,
): Record<string, string> | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) {
    return badField(file, field, 'a map of strings');
  }
  return v as Record<string, string>;
}

function optBool(file: string | undefined, o: Record<string, unknown>, field: string): boolean | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'boolean' ? v : badField(file, field, 'true or false');
}

/** Options as written in a kustomization (plain data), checked the way Go's decoder types them. */
export function toGeneratorOptions(
  raw: GeneratorOptions | JsonObject | undefined,
  kustFile?: string,
): GeneratorOptions | undefined {
  if (raw === undefined) return undefined;
  const o = raw as Record<string, unknown>;
  const out: GeneratorOptions = {};
  const labels = optStringMap(kustFile, o, 'labels');
  const annotations = optStringMap(kustFile, o, 'annotations');
  const disable = optBool(kustFile, o, 'disableNameSuffixHash');
  const immutable = optBool(kustFile, o, 'immutable');
  if (labels) out.labels = labels;
  if (annotations) out.annotations = annotations;
  if (disable !== undefined) out.disableNameSuffixHash = disable;
  if (immutable !== undefined) out.immutable = immutable;
  return out;
}

/** A generator entry as written in a kustomization (plain data), checked and typed. */
export function toGeneratorArgs(raw: GeneratorArgs | JsonObject, kustFile?: string): GeneratorArgs {
  const o = raw as Record<string, unknown>;
  const out: GeneratorArgs = {};
  for (const f of ['name', 'namespace', 'behavior', 'env', 'type'] as const) {
    const v = optString(kustFile, o, f);
    if (v !== undefined) out[f] = v;
  }
  for (const f of ['literals', 'files', 'envs'] as const) {
    const v = optStrings(kustFile, o, f);
    if (v !== undefined) out[f] = v;
  }
  const options = o.options;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' || Array.isArray(options)) badField(kustFile, 'options', 'a map');
    out.options = toGeneratorOptions(options as JsonObject, kustFile);
  }
  return out;
}

function envSources(args: GeneratorArgs): string[] {
  const envs = [...(args.envs ?? [])];
  if (args.env) envs.push(args.env);
  return envs;
}

function loadPairs(ctx: KvContext, args: GeneratorArgs): KvPair[] {
  return loadKvPairs(ctx, { envs: envSources(args), literals: args.literals, files: args.files });
}

/**
 * kustomize hands the generator's arguments to the builtin plugin as JSON turned into YAML;
 * characters Go's JSON leaves unescaped but the YAML reader rejects (DEL, C1 controls other
 * than NEL, U+FFFE/U+FFFF) make that step fail.
 */
function rejectYamlControlChars(ctx: KvContext, plugin: string, args: GeneratorArgs): void {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        strings.push(k);
        walk(x);
      }
    }
  };
  walk(args);
  if (strings.some((s) => /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.test(s))) {
    throw new DiagnosticError({
      rule: 'kustomize-generator',
      message: `builtin ${plugin} marshal: yaml: control characters are not allowed`,
      file: ctx.file,
    });
  }
}

/** A NEL (U+0085) survives that round trip as a YAML line break, folded like one: a space, or n-1 newlines for n. */
function foldNel(s: string): string {
  return s.replace(/[ \t]*(?:\u0085[ \t]*)+/g, (run) => {
    const n = run.split('\u0085').length - 1;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

/** The arguments as the builtin plugin receives them after that round trip. */
function roundTripArgs(args: GeneratorArgs): GeneratorArgs {
  const fold = (v: unknown): unknown => {
    if (typeof v === 'string') return foldNel(v);
    if (Array.isArray(v)) return v.map(fold);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [foldNel(k), fold(x)]));
    }
    return v;
  };
  return fold(args) as GeneratorArgs;
}

/** The object both kinds start from; kustomize's message says "configmap" for Secrets too. */
function baseObject(ctx: KvContext, kind: string, args: GeneratorArgs): JsonObject {
  if (!args.name) {
    throw new DiagnosticError({
      rule: 'kustomize-generator',
      message: 'a configmap must have a name',
      file: ctx.file,
    });
  }
  const metadata: JsonObject = { name: args.name };
  if (args.namespace) metadata.namespace = args.namespace;
  return { apiVersion: 'v1', kind, metadata };
}

function sortedCopy(m: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Options' labels and annotations, `immutable`, and the build annotations kustomize puts on
 * every generated resource: its behavior and, unless disabled, the hash-suffix marker.
 */
function finish(obj: JsonObject, args: GeneratorArgs, options: GeneratorOptions | undefined): JsonObject {
  const metadata = obj.metadata as JsonObject;
  const labels = sortedCopy(options?.labels);
  if (labels) metadata.labels = labels;
  const annotations: Record<string, string> = { ...sortedCopy(options?.annotations) };
  annotations[ANN_GEN_BEHAVIOR] = generationBehavior(args.behavior);
  if (!options?.disableNameSuffixHash) annotations[ANN_NEEDS_HASH] = 'enabled';
  metadata.annotations = annotations;
  if (options?.immutable) obj.immutable = true;
  return obj;
}

/**
 * kyaml's encodeBase64: standard base64, but once it reaches 70 characters it is cut into
 * 70-character lines, each ending in a newline. The newlines are part of the value (and of
 * the hash).
 */
export function kyamlBase64(bytes: Uint8Array): string {
  const enc = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const lineLen = 70;
  if (enc.length < lineLen) return enc;
  let out = '';
  for (let i = 0; i < enc.length; i += lineLen) out += `${enc.slice(i, i + lineLen)}\n`;
  return out;
}

// ignoreBOM: a leading BOM is content, kustomize keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** What both generators do first: read and check the arguments, start the object, load the data. */
function prepare(
  tree: RepoTree,
  kustDir: string,
  rawArgs: GeneratorArgs | JsonObject,
  rawGlobalOptions: GeneratorOptions | JsonObject | undefined,
  kustFile: string | undefined,
  kind: 'ConfigMap' | 'Secret',
) {
  const ctx: KvContext = { tree, dir: kustDir, file: kustFile };
  const checked = toGeneratorArgs(rawArgs, kustFile);
  const globalOptions = toGeneratorOptions(rawGlobalOptions, kustFile);
  rejectYamlControlChars(ctx, `${kind}Generator`, checked);
  const args = roundTripArgs(checked);
  const obj = baseObject(ctx, kind, args);
  const data = makeDataMap(ctx, args.name as string, loadPairs(ctx, args));
  return { ctx, args, globalOptions, obj, data };
}

/**
 * A configMapGenerator entry as kustomize builds it. File paths are relative to `kustDir`
 * (repository-relative); `globalOptions` is the kustomization's `generatorOptions`;
 * `kustFile` is only used in diagnostics. UTF-8 values go to `data`, anything else base64 to `binaryData`;
 * either map appears only when it has an entry.
 */
export function generateConfigMap(
  tree: RepoTree,
  kustDir: string,
  rawArgs: GeneratorArgs | JsonObject,
  rawGlobalOptions?: GeneratorOptions | JsonObject,
  kustFile?: string,
): KResource {
  const { args, globalOptions, obj, data } = prepare(
    tree,
    kustDir,
    rawArgs,
    rawGlobalOptions,
    kustFile,
    'ConfigMap',
  );
  const text: JsonObject = {};
  const binary: JsonObject = {};
  for (const [k, v] of data) {
    if (isValidUtf8(v)) text[k] = decoder.decode(v);
    else binary[k] = kyamlBase64(v);
  }
  if (Object.keys(text).length > 0) obj.data = text;
  if (Object.keys(binary).length > 0) obj.binaryData = binary;
  return { obj: finish(obj, args, mergeGlobalOptionsIntoLocal(args.options, globalOptions)), file: '' };
}

/** A secretGenerator entry: `type` (default Opaque) and every value base64 in `data` (always present). */
export function generateSecret(
  tree: RepoTree,
  kustDir: string,
  rawArgs: GeneratorArgs | JsonObject,
  rawGlobalOptions?: GeneratorOptions | JsonObject,
  kustFile?: string,
): KResource {
  const { args, globalOptions, obj, data } = prepare(
    tree,
    kustDir,
    rawArgs,
    rawGlobalOptions,
    kustFile,
    'Secret',
  );
  obj.type = args.type || 'Opaque';
  const encoded: JsonObject = {};
  for (const k of [...data.keys()].sort()) encoded[k] = kyamlBase64(data.get(k) as Uint8Array);
  obj.data = encoded;
  return { obj: finish(obj, args, mergeGlobalOptionsIntoLocal(args.options, globalOptions)), file: '' };
}
