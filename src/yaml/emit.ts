/**
 * Printing resources exactly as kustomize does: `sigs.k8s.io/yaml.JSONToYAML`, i.e. yaml.v2
 * Marshal of the JSON data — keys sorted by yaml.v2's key order, block style, sequences not
 * indented under their key, empty containers in flow style, strings quoted or folded by
 * yaml.v2's emitter rules.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { emitScalar } from './emit-scalar.js';
import { formatNumber } from './emit-number.js';
import { EmitterState } from './emitter-state.js';
import { analyzeScalar } from './scalar-analysis.js';
import { sortKeys } from './sort-keys.js';
import { needsQuotingV2 } from './v2-resolve.js';

interface NodeContext {
  /** The node is a mapping key or value (sequences there are written indentless). */
  mapping: boolean;
  simpleKey: boolean;
}

const VALUE_CONTEXT: NodeContext = { mapping: true, simpleKey: false };
const ITEM_CONTEXT: NodeContext = { mapping: false, simpleKey: false };
const ROOT_CONTEXT: NodeContext = { mapping: false, simpleKey: false };

// Go's encoding/json replaces invalid UTF-16 (lone surrogates) with U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(s: string): string {
  return /[\ud800-\udfff]/.test(s) ? s.replace(LONE_SURROGATE, '\ufffd') : s;
}

// Strings that are written plain, unanalysed: an ASCII word or path that YAML reads back as
// the same string (needsQuotingV2 decides), with no space, colon or indicator to look at.
const PLAIN_WORD = /^[A-Za-z_/][\w./-]{0,127}$/;

/** A plain scalar exactly as emitScalar writes one that has no space or line break. */
function putPlain(st: EmitterState, text: string): void {
  if (!st.whitespace) st.put(' ');
  st.putText(text, text.length);
  st.whitespace = false;
  st.indention = false;
}

function emitString(st: EmitterState, raw: string, ctx: NodeContext): void {
  if (PLAIN_WORD.test(raw) && !needsQuotingV2(raw)) return putPlain(st, raw);
  const s = wellFormed(raw);
  const style = s.includes('\n') ? 'literal' : needsQuotingV2(s) ? 'double' : 'plain';
  emitScalar(st, s, style, ctx.simpleKey);
}

function emitEmptyFlow(st: EmitterState, open: string, close: string): void {
  st.writeIndicator(open, true, true, false);
  st.writeIndicator(close, false, false, false);
}

function emitSequence(st: EmitterState, items: JsonValue[], ctx: NodeContext): void {
  const previousIndent = st.increaseIndent(false, ctx.mapping && !st.indention);
  for (const item of items) {
    st.writeIndent();
    st.writeIndicator('-', true, false, true);
    emitNode(st, item, ITEM_CONTEXT);
  }
  st.indent = previousIndent;
}

// yaml_emitter_check_simple_key for a string key: single line and at most 128 UTF-8 bytes.
export function isSimpleKey(key: string): boolean {
  if (key.length > 42 && Buffer.byteLength(key, 'utf8') > 128) return false;
  return !analyzeScalar(key).multiline;
}

function emitMapping(st: EmitterState, map: JsonObject): void {
  const previousIndent = st.increaseIndent(false, false);
  for (const key of sortKeys(Object.keys(map))) {
    const value = map[key] as JsonValue;
    st.writeIndent();
    if (PLAIN_WORD.test(key) && !needsQuotingV2(key)) {
      putPlain(st, key);
      st.writeIndicator(':', false, false, false);
    } else if (isSimpleKey(key)) {
      emitString(st, key, { mapping: true, simpleKey: true });
      st.writeIndicator(':', false, false, false);
    } else {
      st.writeIndicator('?', true, false, true);
      emitString(st, key, VALUE_CONTEXT);
      st.writeIndent();
      st.writeIndicator(':', true, false, true);
    }
    emitNode(st, value, VALUE_CONTEXT);
  }
  st.indent = previousIndent;
}

function emitNode(st: EmitterState, value: JsonValue, ctx: NodeContext): void {
  // null, booleans and numbers print as short words without spaces: always plain.
  if (value === null) return putPlain(st, 'null');
  switch (typeof value) {
    case 'boolean':
      return putPlain(st, value ? 'true' : 'false');
    case 'number':
      return putPlain(st, formatNumber(value));
    case 'string':
      return emitString(st, value, ctx);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return emitEmptyFlow(st, '[', ']');
    return emitSequence(st, value, ctx);
  }
  if (Object.keys(value).length === 0) return emitEmptyFlow(st, '{', '}');
  return emitMapping(st, value);
}

/** One resource as kustomize prints it (`Resource.AsYAML`), ending with a newline. */
export function emitYaml(value: JsonValue): string {
  const st = new EmitterState();
  emitNode(st, value, ROOT_CONTEXT);
  // Document end: finish the last line.
  st.writeIndent();
  return st.toString();
}

/** Several resources joined the way kustomize's `ResMap.AsYaml` does. */
export function emitDocuments(values: JsonValue[]): string {
  return values.map(emitYaml).join('---\n');
}
