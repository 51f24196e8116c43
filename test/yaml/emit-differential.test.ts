import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { emitDocuments, emitYaml } from '../../src/yaml/emit.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';
import { TRICKY_KEYS, TRICKY_NUMBERS, TRICKY_STRINGS } from './tricky-values.js';

const HAS_KUBECTL = kubectlAvailable();

const KUSTOMIZATION = 'resources:\n- resources.yaml\n';

function keyed(values: JsonValue[], prefix: string): JsonObject {
  return Object.fromEntries(values.map((v, i) => [`${prefix}${String(i).padStart(3, '0')}`, v]));
}

function resource(name: string, spec: JsonObject, annotations?: JsonObject): JsonObject {
  const metadata: JsonObject = { name };
  if (annotations) metadata.annotations = annotations;
  return { apiVersion: 'example.com/v1', kind: 'Tricky', metadata, spec };
}

/** The same values at different depths and in different collection contexts (folding depends on the column). */
function trickyResources(): JsonObject[] {
  const s = TRICKY_STRINGS;
  return [
    resource('r1-map', { map: keyed(s, 's') }, keyed(s, 'a')),
    resource('r2-list', { list: s, nested: s.map((x) => [x]), inList: s.map((v) => ({ v })) }),
    resource('r3-deep', { a: { b: { c: { d: [{ e: keyed(s, 'x') }] } } } }),
    resource('r4-keys', {
      keys: Object.fromEntries(TRICKY_KEYS.map((k) => [k, 'v'])),
      keyToMap: Object.fromEntries(TRICKY_KEYS.map((k) => [k, { x: 1 }])),
      keyToList: Object.fromEntries(TRICKY_KEYS.map((k) => [k, ['a', ['b']]])),
    }),
    resource('r5-shapes', {
      numbers: TRICKY_NUMBERS,
      numberMap: keyed(TRICKY_NUMBERS, 'n'),
      scalars: [null, true, false, 0, '', 'x'],
      empty: { list: [], map: {}, nestedList: [[], [[]], {}], listOfMaps: [{}, { a: {} }, { a: [] }] },
      listOfLists: [[1, [2, [3, []]]], [{ a: [{ b: [] }] }]],
      mapsInLists: [{ a: 1, b: [1, 2], c: { d: null } }, [{ x: 'y' }]],
      nulls: { a: null, b: [null, null], c: [[null]] },
    }),
  ];
}

// go-yaml refuses raw control characters in a stream, so JSON escapes them.
const NOT_ALLOWED_RAW = /[\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]/g;

function toFixture(objects: JsonObject[]): string {
  const json = objects.map((o) => JSON.stringify(o)).join('\n---\n') + '\n';
  return json.replace(NOT_ALLOWED_RAW, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function kubectlOutput(objects: JsonObject[]): string {
  const fixture = toFixture(objects);
  return withFixture({ 'kustomization.yaml': KUSTOMIZATION, 'resources.yaml': fixture }, (root) => {
    const real = realKustomize(root);
    if (!real.ok) throw new Error(`kubectl kustomize failed: ${real.stderr}`);
    return real.stdout;
  });
}

describe.skipIf(!HAS_KUBECTL)('emitYaml against kubectl kustomize', () => {
  const objects = trickyResources();
  const fixture = toFixture(objects);
  const expected = HAS_KUBECTL ? kubectlOutput(objects) : '';

  it('prints the parsed fixture byte for byte like kubectl', () => {
    const parsed = parseYamlDocuments(fixture, 'resources.yaml').map((d) => d.value);
    expect(parsed).toEqual(objects);
    const ours = emitDocuments(parsed);
    // Compare per document first for a readable diff.
    const ourDocs = ours.split(/^---\n/m);
    const realDocs = expected.split(/^---\n/m);
    expect(ourDocs.length).toBe(realDocs.length);
    ourDocs.forEach((doc, i) => expect(doc).toBe(realDocs[i]));
    expect(ours).toBe(expected);
  });

  it('round-trips kubectl output through parse and emit', () => {
    const docs = parseYamlDocuments(expected, 'kubectl').map((d) => d.value);
    expect(docs).toEqual(objects);
    expect(emitDocuments(docs)).toBe(expected);
  });
});

describe('emitYaml basics', () => {
  it.each<[string, JsonValue, string]>([
    ['empty map', {}, '{}\n'],
    ['empty list', [], '[]\n'],
    ['null', null, 'null\n'],
    ['root string', 'a', 'a\n'],
    ['root quoted', 'yes', '"yes"\n'],
    ['sequence under key', { k: ['a', 'b'] }, 'k:\n- a\n- b\n'],
    ['nested sequences', [['a', 'b'], 'c'], '- - a\n  - b\n- c\n'],
    ['map in sequence', [{ a: 1, b: 2 }], '- a: 1\n  b: 2\n'],
    ['empty containers as values', { a: [], b: {} }, 'a: []\nb: {}\n'],
    ['sorted keys', { b: 1, a10: 2, a9: 3, A: 4 }, 'A: 4\na9: 3\na10: 2\nb: 1\n'],
    ['literal', { s: 'a\nb\n' }, 's: |\n  a\n  b\n'],
    ['literal strip', { s: 'a\nb' }, 's: |-\n  a\n  b\n'],
    ['literal keep', { s: 'a\n\n' }, 's: |+\n  a\n\n'],
    ['literal indent hint', { s: ' a\nb' }, 's: |2-\n   a\n  b\n'],
    ['trailing space forces double quotes', { s: 'a \nb' }, 's: "a \\nb"\n'],
    ['key needing quotes', { n: 'x', on: 'y' }, '"n": x\n"on": "y"\n'],
    ['indicator start', { s: '- a', t: '*x', u: 'a: b' }, "s: '- a'\nt: '*x'\nu: 'a: b'\n"],
    [
      'numbers',
      [1, 1.5, 1e6, 1234567.5, 1e21, 1e-7],
      '- 1\n- 1.5\n- 1000000\n- 1.2345675e+06\n- 1e+21\n- 1e-07\n',
    ],
  ])('%s', (_name, value, out) => {
    expect(emitYaml(value)).toBe(out);
  });

  it('joins documents like kustomize', () => {
    expect(emitDocuments([])).toBe('');
    expect(emitDocuments([{ a: 1 }])).toBe('a: 1\n');
    expect(emitDocuments([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});
