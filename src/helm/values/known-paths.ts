/**
 * The values paths a chart knows: its values.yaml key tree, what its templates read, and the
 * same of each subchart under its name or alias (a library chart's at the root too, since its
 * templates run with the including chart's values). Free-form maps (empty `{}` defaults, maps
 * handed whole to `toYaml`, `range`, `include`…, `global`) accept any key below them. Pure.
 */
import { editDistance } from '../../core/edit-distance.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { Chart } from '../chart/types.js';
import { templateReads } from './template-reads.js';

/** One key of the known tree; a node without children accepts anything below it. */
export interface KnownNode {
  free: boolean;
  children: Map<string, KnownNode>;
}

/** A key path of the user's values that the chart does not know, with the closest known key. */
export interface UnknownValuePath {
  path: string[];
  closest?: string;
}

const node = (): KnownNode => ({ free: false, children: new Map() });
const decoder = new TextDecoder();

function child(n: KnownNode, key: string): KnownNode {
  let c = n.children.get(key);
  if (!c) n.children.set(key, (c = node()));
  return c;
}

function insert(root: KnownNode, path: readonly string[], free: boolean): void {
  let n = root;
  for (const k of path) n = child(n, k);
  if (free) n.free = true;
}

function addValues(n: KnownNode, values: JsonValue): void {
  if (!isJsonObject(values)) return;
  if (Object.keys(values).length === 0) n.free = true;
  for (const [k, v] of Object.entries(values)) addValues(child(n, k), v);
}

function merge(into: KnownNode, from: KnownNode): void {
  if (from.free) into.free = true;
  for (const [k, c] of from.children) merge(child(into, k), c);
}

/** The names a subchart's values sit under: each alias the parent gives it, else its name. */
function namesOf(parent: Chart, sub: Chart): string[] {
  const deps = (parent.metadata.dependencies ?? []).filter((d) => d.name === sub.metadata.name);
  const aliases = deps.map((d) => d.alias).filter((a): a is string => !!a);
  return deps.length > 0 && deps.every((d) => d.alias) ? aliases : [sub.metadata.name, ...aliases];
}

/** The known tree of `chart` (memoise it per chart: templates are parsed here). */
export function knownValuePaths(chart: Chart, depth = 0): KnownNode {
  const root = node();
  addValues(root, chart.values);
  for (const t of chart.templates) {
    for (const r of templateReads(t.name, decoder.decode(t.data))) insert(root, r.path, r.free);
  }
  for (const d of chart.metadata.dependencies ?? []) {
    for (const c of (d.condition ?? '').split(',')) if (c.trim()) insert(root, c.trim().split('.'), false);
    if (d.tags && d.tags.length > 0) insert(root, ['tags'], true);
  }
  if (depth < 16) {
    for (const sub of chart.dependencies) {
      const known = knownValuePaths(sub, depth + 1);
      for (const name of namesOf(chart, sub)) merge(child(root, name), known);
      if (sub.metadata.type === 'library') merge(root, known);
    }
  }
  insert(root, ['global'], true);
  return root;
}

/** The known key nearest to `key` (case first, then edits), if near enough to be a typo. */
export function closestKey(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d =
      k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key.toLowerCase(), k.toLowerCase()) + 0.5;
    if (d < bestD) [best, bestD] = [k, d];
  }
  // Short keys allow one edit, never as many edits as they have letters.
  const allowed = Math.min(key.length <= 3 ? 1 : Math.max(2, Math.floor(key.length / 3)), key.length - 1);
  return bestD <= allowed + 0.5 ? best : undefined;
}

/** Key paths of `values` the chart knows nowhere (not below a free-form or leaf key). */
export function unknownValuePaths(known: KnownNode, values: JsonObject): UnknownValuePath[] {
  const out: UnknownValuePath[] = [];
  const walk = (n: KnownNode, v: JsonObject, prefix: string[]) => {
    for (const [k, sub] of Object.entries(v)) {
      const c = n.children.get(k);
      if (!c) {
        const closest = closestKey(k, n.children.keys());
        out.push({ path: [...prefix, k], ...(closest !== undefined ? { closest } : {}) });
      } else if (!c.free && c.children.size > 0 && isJsonObject(sub)) walk(c, sub, [...prefix, k]);
    }
  };
  if (!known.free) walk(known, values, []);
  return out;
}
