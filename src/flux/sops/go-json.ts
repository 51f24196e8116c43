/**
 * sops's JSON store output for a decrypted tree: Go `json.Marshal` scalars (HTML-safe
 * string escapes) re-indented by `json.Indent(…, "", "\t")`, no trailing newline.
 */
import { isSopsMap, type SopsNode } from './nodes.js';

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    const short = SHORT[ch];
    if (short) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

function scalar(v: SopsNode): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return 'null';
}

export function emitGoJson(node: SopsNode, indent = ''): string {
  const inner = indent + '\t';
  if (Array.isArray(node)) {
    if (node.length === 0) return '[]';
    return `[\n${node.map((v) => inner + emitGoJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (isSopsMap(node)) {
    if (node.entries.length === 0) return '{}';
    const items = node.entries.map(([k, v]) => `${inner}${goJsonString(k)}: ${emitGoJson(v, inner)}`);
    return `{\n${items.join(',\n')}\n${indent}}`;
  }
  return scalar(node);
}
