/**
 * `.Files` as helm v4 builds it: an `engine.files` (a `map[string][]byte` of the chart's
 * non-template files) with Get, GetBytes, Glob, Lines, AsConfig and AsSecrets. The map itself
 * ranges and indexes like Go's: keys are paths, values `[]uint8`.
 */
import { emitYaml } from '../../yaml/emit.js';
import type { JsonObject } from '../../core/json.js';
import {
  GoCallError,
  goInt,
  newMap,
  typedSlice,
  withMethods,
  type GoFunc,
  type GoMap,
  type GoSlice,
} from '../value.js';
import { helmGlob } from './glob.js';

const decoder = new TextDecoder();

function byteSlice(bytes: Uint8Array): GoSlice {
  return typedSlice(
    Array.from(bytes, (b) => goInt(b, 'uint8')),
    '[]uint8',
  );
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

// files.toYAML of a map[string]string: sigs.k8s.io/yaml, final newline trimmed.
function yamlOfStrings(entries: [string, string][]): string {
  const map: JsonObject = {};
  for (const [k, v] of entries) Object.defineProperty(map, k, { value: v, enumerable: true, writable: true });
  return emitYaml(map).replace(/\n$/, '');
}

function method(params: string[], result: string, fn: GoFunc['fn']): GoFunc {
  return { params, result, fn };
}

/** `.Files` of a chart: path → content. Paths use `/`, relative to the chart root. */
export function makeFiles(
  files: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>,
): GoMap {
  const contents = new Map(files instanceof Map ? files : Object.entries(files));
  const map = newMap('engine.files');
  for (const [path, bytes] of [...contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // A []uint8 per file is large: build it only when a template reads it.
    let cached: GoSlice | undefined;
    Object.defineProperty(map, path, {
      enumerable: true,
      configurable: true,
      get: () => (cached ??= byteSlice(bytes)),
    });
  }
  const text = (path: string): string => {
    const bytes = contents.get(path);
    return bytes ? decoder.decode(bytes) : '';
  };
  return withMethods(map, {
    Get: method(['string'], 'string', (name) => text(name as string)),
    GetBytes: method(['string'], '[]uint8', (name) =>
      byteSlice(contents.get(name as string) ?? new Uint8Array()),
    ),
    Glob: method(['string'], 'engine.files', (pattern) => {
      const matcher = helmGlob(pattern as string);
      return makeFiles(new Map([...contents].filter(([path]) => matcher.match(path))));
    }),
    Lines: method(['string'], '[]string', (name) => {
      const bytes = contents.get(name as string);
      if (!bytes) return typedSlice([], '[]string');
      // helm indexes the last byte without checking: an empty file panics.
      if (bytes.length === 0) throw new GoCallError('runtime error: index out of range [-1]');
      let s = decoder.decode(bytes);
      if (bytes[bytes.length - 1] === 0x0a) s = s.slice(0, -1);
      return typedSlice(s.split('\n'), '[]string');
    }),
    AsConfig: method([], 'string', () =>
      yamlOfStrings([...contents].map(([k, v]) => [baseName(k), decoder.decode(v)])),
    ),
    AsSecrets: method([], 'string', () =>
      yamlOfStrings([...contents].map(([k, v]) => [baseName(k), Buffer.from(v).toString('base64')])),
    ),
  });
}
