import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../src/core/json.js';
import { splitDocuments } from '../../src/yaml/documents.js';
import { locateInChunk, locateInDocument, textLocator } from '../../src/yaml/locate.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

// Counts the parses the locators do; the library itself is left as it is.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      parses.count++;
      return yaml.parseDocument(...args);
    },
  };
});

/** Every path of a document's value, and a missing child of each mapping. */
function paths(value: JsonValue, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
    out.push([...prefix, 'noSuchField']);
  }
  return out;
}

/** Positions found with a fresh parse for every question: what the locators must agree with. */
function uncached(text: string, docIndex: number, path: (string | number)[]) {
  const chunk = splitDocuments(text)[docIndex];
  return chunk ? locateInChunk(chunk, path) : undefined;
}

const TRICKY = [
  'first: 1\n---\nbase: &b\n  a: 1\n  nested: {x: 1}\nspec:\n  <<: *b\n  list:\n  - name: one\n  - &item {name: two}\n  - *item\n',
  '# only a comment\n---\n---\nkey: "quoted\\nvalue"\n"odd key": [1, 2]\n? complex\n: value\n',
  'a: 1\r\n---\r\nb:\r\n  c: 2\r\n',
  '\ufeffkind: Bom\nspec: {a: [1, {b: 2}]}\n',
  'folded: >\n  text\n  more\nlist:\n- - nested\n  - seq\n',
];

describe('cached locating', () => {
  beforeEach(() => {
    parses.count = 0;
  });

  it.each(TRICKY.map((t, i) => [i, t] as const))(
    'tricky text %i: same positions as a fresh parse',
    (_i, text) => {
      const locate = textLocator(text);
      parseYamlDocuments(text, 'f.yaml').forEach((doc) => {
        for (const path of paths(doc.value)) {
          const expected = uncached(text, doc.index, path);
          expect(locate(doc.index, path), JSON.stringify(path)).toEqual(expected);
          expect(locateInDocument(text, doc.index, path), JSON.stringify(path)).toEqual(expected);
        }
      });
    },
  );

  it('parses each document of a text once', () => {
    const text = TRICKY[0] as string;
    const locate = textLocator(text);
    locate(1, ['spec', 'list', 0]);
    locate(1, ['spec', 'a']);
    locate(1, []);
    expect(parses.count).toBe(1);
    locate(0, ['first']);
    expect(parses.count).toBe(2);
  });

  it('locateInDocument remembers recent texts, and forgets old ones', () => {
    const text = 'a:\n  b: 1\n';
    expect(locateInDocument(text, 0, ['a', 'b'])).toEqual({ line: 2, column: 3 });
    // Equal text from another string: still one parse.
    expect(locateInDocument(`a:\n  b: ${1}\n`, 0, ['a'])).toEqual({ line: 1, column: 1 });
    expect(parses.count).toBe(1);
    for (let i = 0; i < 40; i++) locateInDocument(`k${i}: 1\n`, 0, [`k${i}`]);
    expect(parses.count).toBe(41);
    expect(locateInDocument(text, 0, ['a', 'b'])).toEqual({ line: 2, column: 3 });
    expect(parses.count).toBe(42);
  });

  it('answers undefined where the uncached locating did', () => {
    const bad = 'a: 1\n--- b\nc: 2\n';
    expect(() => splitDocuments(bad)).toThrow(/invalid document separator/);
    expect(textLocator(bad)(0, ['a'])).toBeUndefined();
    expect(locateInDocument(bad, 0, ['a'])).toBeUndefined();
    expect(locateInDocument('a: 1\n', 3, [])).toBeUndefined();
  });
});

/** The YAML files of a corpus repository, a bounded number, in a stable order. */
function yamlFiles(dir: string, out: string[] = [], limit = 60): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (out.length >= limit || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out, limit);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe.skipIf(!sharedAvailable())('cached locating over corpus files', () => {
  it('finds every path where a fresh parse finds it', () => {
    let checked = 0;
    for (const repo of corpusRepos()) {
      for (const file of yamlFiles(join(CORPUS_DIR, repo))) {
        const text = readFileSync(file, 'utf8');
        let docs;
        try {
          docs = parseYamlDocuments(text, file);
        } catch {
          continue;
        }
        const locate = textLocator(text);
        for (const doc of docs) {
          for (const path of paths(doc.value).slice(0, 40)) {
            expect(locate(doc.index, path), `${file} ${JSON.stringify(path)}`).toEqual(
              uncached(text, doc.index, path),
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(3_000);
  });
});
