/**
 * Which fields `yaml-ambiguous-scalar` looks at, which scalar texts it reports, and a cheap
 * test on a document's decoded value that says when the (costly) source scan may report.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';

/**
 * go-yaml v2 (sigs.k8s.io/yaml: kubectl, Helm, kustomize's own config) reads these as
 * booleans; go-yaml v3 (kustomize's manifest reader) as strings. Base-60 `1:20` is left
 * out on purpose: no Go decoder implements it, so it is a string everywhere that matters.
 */
export const LEGACY_BOOLS: ReadonlySet<string> = new Set('y Y yes Yes YES n N no No NO'.split(' '));
export const ON_OFF: ReadonlySet<string> = new Set(['on', 'On', 'ON', 'off', 'Off', 'OFF']);
export const LEADING_ZERO = /^[-+]?0[0-9]+$/;

/** True for the plain-scalar texts the rule reports. */
export function isAmbiguousText(text: string): boolean {
  return LEGACY_BOOLS.has(text) || ON_OFF.has(text) || LEADING_ZERO.test(text);
}

export type Mode = 'keys-and-values' | 'values';
type Step = string | number | undefined;

/**
 * Maps whose entries Kubernetes types as strings (map[string]string), by the map's path:
 * its last two steps and its length (the document root has length 0).
 */
export function stringMap(last: Step, prev: Step, length: number, kind: string): Mode | undefined {
  if ((last === 'labels' || last === 'annotations') && prev === 'metadata') return 'keys-and-values';
  if (last === 'matchLabels' || last === 'nodeSelector') return 'keys-and-values';
  if (last === 'commonLabels' || last === 'commonAnnotations' || last === 'pairs') return 'keys-and-values';
  if (length === 1 && kind === 'ConfigMap' && last === 'data') return 'keys-and-values';
  if (length === 1 && kind === 'Secret' && (last === 'data' || last === 'stringData')) {
    return 'keys-and-values';
  }
  if (last === 'substitute' && prev === 'postBuild') return 'values';
  return undefined;
}

/** A map that is an item of an `env` list: its `value` is checked. */
export const inEnvList = (last: Step, prev: Step): boolean => typeof last === 'number' && prev === 'env';

/** A list whose items are checked. */
export const isArgList = (last: Step): boolean => last === 'args' || last === 'command';

// The two scans below go by hand from `<<` to `<<` and `!` to `!`: a regex that cannot start
// at a fixed character is many times slower on large documents.
const isBreak = (c: string | undefined): boolean =>
  c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

// A plain `<<` key merges maps: `<<`, blanks, then `:` (or, to be safe, a comment or line end).
function hasMergeKey(text: string): boolean {
  for (let i = text.indexOf('<<'); i >= 0; i = text.indexOf('<<', i + 1)) {
    let j = i + 2;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (j >= text.length || text[j] === ':' || text[j] === '#' || isBreak(text[j])) return true;
  }
  return false;
}

// Tags that change what the decoded value shows: !!merge (a quoted or escaped `<<` merges
// too), and !!binary and !!timestamp, which go-yaml v3 decodes to other text (the source scan
// cannot report those today, but the test is cheap) — spelt out, %-escaped or through a
// %TAG directive. A tag starts a token (after a blank, `[{,` or a flow `:`).
function hasRewritingTag(text: string): boolean {
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) {
    if (i > 0 && !/[\s[{,:]/.test(text[i - 1] as string)) continue;
    let end = i + 1;
    while (end < text.length && !/[ \t\n\r]/.test(text[end] as string)) end++;
    const tag = text.slice(i, end);
    if (['merge', 'binary', 'timestamp', '%'].some((s) => tag.includes(s))) return true;
  }
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
    if (i === 0 || isBreak(text[i - 1])) return true;
  }
  return false;
}

/**
 * Documents whose decoded value does not show every source scalar the scan reads: merges
 * drop overridden source entries, some tags decode a scalar to other text.
 */
export function valueHidesSource(text: string): boolean {
  return hasMergeKey(text) || (text.includes('!') && hasRewritingTag(text));
}

// A reportable plain scalar decodes (go-yaml v3) to its own text or, for leading zeros, a
// number; booleans are let through too, to be safe.
function suspect(value: JsonValue | undefined): boolean {
  if (typeof value === 'string') return isAmbiguousText(value);
  return typeof value === 'number' || typeof value === 'boolean';
}

// Same paths as the source scan; steps are passed apart so no path is built.
function walk(node: JsonValue, last: Step, prev: Step, length: number, kind: string): boolean {
  if (Array.isArray(node)) {
    const listed = isArgList(last);
    for (let i = 0; i < node.length; i++) {
      const item = node[i] as JsonValue;
      if (listed && suspect(item)) return true;
      if (item !== null && typeof item === 'object' && walk(item, i, last, length + 1, kind)) return true;
    }
    return false;
  }
  if (node === null || typeof node !== 'object') return false;
  const mode = stringMap(last, prev, length, kind);
  const inEnv = inEnvList(last, prev);
  for (const key of Object.keys(node)) {
    const value = node[key] as JsonValue;
    // Non-string keys never get here: below the root the parse rejects them.
    if (mode === 'keys-and-values' && isAmbiguousText(key)) return true;
    if ((mode !== undefined || (inEnv && key === 'value')) && suspect(value)) return true;
    if (value !== null && typeof value === 'object' && walk(value, key, last, length + 1, kind)) return true;
  }
  return false;
}

/**
 * False only when the source scan of a document cannot report anything: no field it checks
 * holds a value (or key) that a reportable plain scalar decodes to. The scan walks the same
 * paths in the source, minus aliases; `valueHidesSource` documents are never ruled out.
 */
export function mayHaveAmbiguousScalar(value: JsonObject, kind: string, text: string): boolean {
  return valueHidesSource(text) || walk(value, undefined, undefined, 0, kind);
}
