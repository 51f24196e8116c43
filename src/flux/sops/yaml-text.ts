/** YAML (and JSON, a subset) text to SOPS's ordered tree, one branch per document. */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { SopsMap, SopsNode } from './nodes.js';
import { sopsError, type SopsWhere } from './where.js';

function convert(node: unknown, doc: Document, where: SopsWhere): SopsNode {
  if (isAlias(node)) return convert(node.resolve(doc), doc, where);
  if (isMap(node)) {
    return {
      entries: node.items.map((pair) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        return [key, convert(pair.value, doc, where)];
      }),
    };
  }
  if (isSeq(node)) return node.items.map((item) => convert(item, doc, where));
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return Number(v);
    return String(v);
  }
  return null;
}

export function parseSopsYaml(text: string, where: SopsWhere): SopsMap[] {
  const out: SopsMap[] = [];
  for (const doc of parseAllDocuments(text, { version: '1.2', uniqueKeys: false })) {
    if (!('contents' in doc)) continue;
    if (doc.errors.length > 0)
      throw sopsError(where, `failed to load encrypted data: ${doc.errors[0]?.message ?? ''}`);
    if (doc.contents === null) continue;
    const tree = convert(doc.contents as Node, doc, where);
    if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
      throw sopsError(
        where,
        'failed to load encrypted data: documents that are not mappings are not supported',
      );
    }
    out.push(tree);
  }
  return out;
}
