/**
 * sops's dotenv store: one `KEY=value` per line (split at the first `=`), `#` lines are
 * comments, blank lines dropped; metadata lives in `sops_*` keys flattened with
 * `__map_` / `__list_` and `\n` escaped as a two-character `\n`.
 */
import type { SopsMap, SopsNode } from './nodes.js';
import { sopsError, type SopsWhere } from './where.js';

export type DotenvItem = { comment: string } | { key: string; value: string };

export function parseDotenv(text: string, where: SopsWhere): DotenvItem[] {
  const items: DotenvItem[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    if (line.startsWith('#')) {
      items.push({ comment: line.slice(1) });
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0)
      throw sopsError(where, `invalid dotenv input line: ${line.split('=')[0]?.slice(0, 40) ?? ''}`);
    items.push({ key: line.slice(0, eq), value: line.slice(eq + 1) });
  }
  return items;
}

export function emitDotenv(items: DotenvItem[]): string {
  return items.map((i) => ('comment' in i ? `#${i.comment}\n` : `${i.key}=${i.value}\n`)).join('');
}

type Token = { map: string } | { list: number };

// stores/flatten.go tokenize: split at every `__map_` / `__list_`.
function tokenize(path: string): Token[] {
  const parts = path.split(/(__map_|__list_)/);
  const tokens: Token[] = [{ map: parts[0] ?? '' }];
  for (let i = 1; i < parts.length; i += 2) {
    const text = parts[i + 1] ?? '';
    tokens.push(parts[i] === '__list_' ? { list: Number.parseInt(text, 10) || 0 } : { map: text });
  }
  return tokens;
}

type Plain = string | Plain[] | { [k: string]: Plain };

function setPath(root: { [k: string]: Plain }, tokens: Token[], value: string): void {
  let node: Plain = root;
  tokens.forEach((t, i) => {
    const last = i === tokens.length - 1;
    const next = tokens[i + 1];
    const fresh = (): Plain => (next && 'list' in next ? [] : {});
    if ('map' in t && typeof node === 'object' && !Array.isArray(node)) {
      const obj: { [k: string]: Plain } = node;
      if (last) obj[t.map] = value;
      else node = obj[t.map] ??= fresh();
    } else if ('list' in t && Array.isArray(node)) {
      if (last) node[t.list] = value;
      else node = node[t.list] ??= fresh();
    }
  });
}

function toNode(p: Plain): SopsNode {
  if (typeof p === 'string') return p;
  if (Array.isArray(p)) return p.map(toNode);
  return { entries: Object.entries(p).map(([k, v]) => [k, toNode(v)]) };
}

/** The `sops` metadata map rebuilt from `sops_*` keys. */
export function dotenvMetadata(items: DotenvItem[]): SopsMap {
  const root: { [k: string]: Plain } = {};
  for (const item of items) {
    if ('key' in item && item.key.startsWith('sops_')) {
      setPath(root, tokenize(item.key.slice('sops_'.length)), item.value.replace(/\\n/g, '\n'));
    }
  }
  const node = toNode(root);
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? node : { entries: [] };
}
