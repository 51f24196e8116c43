/**
 * YAML read the way sigs.k8s.io/yaml reads it (go-yaml v2, YAML 1.1 scalars: `on`/`yes`/`y`
 * are booleans, `0777` is octal, merge keys apply). kustomize decodes its own configuration
 * this way — kustomization files and JSON patch bodies — unlike manifests (see parse.ts).
 */
import jsYaml from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { expansionProblem } from './alias-expansion.js';
import { fillEmptyEntries } from './empty-entry-quirk.js';
import { dropAppendedBreak, mayEndInBlockScalarLine } from './final-break-quirk.js';
import {
  depthLimitError,
  isDepthReason,
  JS_YAML_MAX_DEPTH,
  MAX_YAML_DEPTH,
  nestsTooDeep,
  type LimitPlace,
} from './limits.js';

/** First YAML document of `text` as JSON data, with go-yaml v2 (YAML 1.1) scalar resolution. */
/**
 * The first YAML document of `text` as JSON data, with go-yaml v2 (YAML 1.1) resolution.
 * js-yaml with a YAML 1.1 schema does the fast path (this runs for every substituted object
 * and every kustomization file); the slower yaml-based reader gives the error positions.
 */
export function parseYaml11(text: string, file: string, rule = 'yaml-syntax'): JsonValue {
  const loaded = loadYaml11(text);
  if ('value' in loaded) return loaded.value;
  // Past a bound the slower reader would only fail later, or expand the aliases.
  if (loaded.limit) {
    // Found on the loaded value, the problem has no position: the document starts at line 1.
    throw limitError(loaded.limit, { file, line: loaded.line ?? 1, column: loaded.column });
  }
  return parseYaml11Slow(text, file, rule);
}

/** The fast path alone: undefined when js-yaml rejects the text (the caller decides why). */
export function parseYaml11Fast(text: string): JsonValue | undefined {
  const loaded = loadYaml11(text);
  return 'value' in loaded ? loaded.value : undefined;
}

type Loaded =
  { value: JsonValue } | { limit?: 'depth-limit' | 'alias-limit'; line?: number; column?: number };

// An alias can only start after a line start, a space or a flow indicator.
const MAY_HAVE_ALIAS = /(?:^|[\s,[{])\*/m;

function loadYaml11(text: string): Loaded {
  let value: JsonValue;
  try {
    // fillEmptyEntries: js-yaml misreads some empty sequence entries (see empty-entry-quirk.ts).
    const filled = fillEmptyEntries(text);
    const opts = {
      schema: YAML11_SCHEMA,
      json: true,
      maxDepth: JS_YAML_MAX_DEPTH,
      ...(mayEndInBlockScalarLine(filled) ? { listener: dropAppendedBreak } : {}),
    };
    value = (jsYaml.load(filled, opts) ?? null) as JsonValue;
  } catch (e) {
    if (e instanceof RangeError) return { limit: 'depth-limit' };
    if (!(e instanceof jsYaml.YAMLException) || !isDepthReason(e.reason)) return {};
    return { limit: 'depth-limit', line: (e.mark?.line ?? 0) + 1, column: (e.mark?.column ?? 0) + 1 };
  }
  // js-yaml shares an anchor's value between its aliases: measure before anything expands it.
  const problem = MAY_HAVE_ALIAS.test(text)
    ? expansionProblem(value)
    : nestsTooDeep(value)
      ? 'depth-limit'
      : undefined;
  return problem ? { limit: problem } : { value };
}

function limitError(kind: 'depth-limit' | 'alias-limit', at: LimitPlace): DiagnosticError {
  if (kind === 'depth-limit') return depthLimitError(at);
  return new DiagnosticError({
    rule: 'yaml-alias-limit',
    message: 'yaml: document contains excessive aliasing',
    hint: 'expand the anchors or reduce how often aliases are reused',
    ...at,
  });
}

const plain11 = new jsYaml.Type('tag:yaml.org,2002:yaml11', {
  kind: 'scalar',
  resolve: (data: string | null) => typeof resolveYaml11Scalar(data ?? '') !== 'string',
  construct: (data: string | null) => resolveYaml11Scalar(data ?? ''),
});

// Plain `<<` is a merge key in go-yaml v2 as well.
const merge11 = new jsYaml.Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: string) => data === '<<',
});

const YAML11_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [plain11, merge11] });

function parseYaml11Slow(text: string, file: string, rule = 'yaml-syntax'): JsonValue {
  const doc = parseDocument(text, { schema: 'failsafe', merge: false, uniqueKeys: false, strict: false });
  const err = doc.errors[0];
  if (err) {
    throw new DiagnosticError({
      rule,
      file,
      line: err.linePos?.[0].line,
      message: `invalid YAML: ${err.message.split('\n')[0]}`,
    });
  }
  try {
    return toJson(doc, doc.contents as YamlNode | null);
  } catch (e) {
    throw new DiagnosticError({ rule, file, message: (e as Error).message });
  }
}

function toJson(doc: Document, node: YamlNode | null, depth = 0): JsonValue {
  if (node === null) return null;
  if (depth > MAX_YAML_DEPTH) throw new Error(depthLimitError({}).message);
  if (isAlias(node)) return toJson(doc, node.resolve(doc) as YamlNode, depth + 1);
  if (isScalar(node)) {
    const text = String(node.value ?? '');
    const tag = node.tag ? node.tag.replace(/^tag:yaml\.org,2002:/, '!!') : '';
    if (tag === '!!str' || tag === '!!binary') return text;
    if (node.type !== 'PLAIN' && tag === '') return text;
    return resolveYaml11Scalar(text);
  }
  if (isSeq(node)) return node.items.map((item) => toJson(doc, item as YamlNode, depth + 1));
  if (isMap(node)) {
    const out: JsonObject = {};
    const merges: JsonValue[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const value = toJson(doc, pair.value as YamlNode | null, depth + 1);
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<' && !keyNode.tag) {
        merges.push(value);
        continue;
      }
      out[keyString(toJson(doc, keyNode, depth + 1))] = value;
    }
    // `<<` merge keys (go-yaml v2 supports them): explicit keys win over merged ones
    for (const m of merges.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (!isJsonObject(m)) throw new Error('map merge requires map or sequence of maps as the value');
      for (const [k, v] of Object.entries(m)) if (!Object.hasOwn(out, k)) out[k] = v;
    }
    return out;
  }
  return null;
}

function keyString(key: JsonValue): string {
  if (typeof key === 'string') return key;
  if (key === null) return 'null';
  if (typeof key === 'object') return JSON.stringify(key);
  return String(key);
}

const YAML11_BOOL: Readonly<Record<string, boolean>> = Object.fromEntries([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false]),
]);
const YAML11_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const YAML11_FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP_RE =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

/** Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x / 0o / 0b / leading-0 octal). */
function goParseInt(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2] as string;
  let n: bigint;
  if (/^0[oO]/.test(body)) n = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  if (m[1] === '-') n = -n;
  if (n < -(2n ** 63n) || n >= 2n ** 64n) return undefined;
  return Number(n);
}

/** A plain YAML scalar resolved as go-yaml v2 does (what sigs.k8s.io/yaml feeds into JSON). */
export function resolveYaml11Scalar(text: string): JsonValue {
  if (Object.hasOwn(YAML11_BOOL, text)) return YAML11_BOOL[text] as boolean;
  if (YAML11_NULL.has(text)) return null;
  const c = text[0] as string;
  if (c === '.') {
    if (/^\.(inf|Inf|INF|nan|NaN|NAN)$/.test(text)) throw new Error(`json: unsupported value: ${text}`);
    const f = YAML11_FLOAT_RE.test(text) ? Number(text) : NaN;
    return Number.isNaN(f) ? text : f;
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (/^[-+]\.(inf|Inf|INF)$/.test(text)) throw new Error(`json: unsupported value: ${text}`);
    // timestamps stay strings (go-yaml v2 keeps them textual when decoding into interface{})
    if (TIMESTAMP_RE.test(text)) return text;
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return i;
    if (YAML11_FLOAT_RE.test(plain)) return Number(plain);
    return text;
  }
  return text;
}
