/**
 * The substitution fast path (substitute-in-tree.ts) against the text round trip it replaces:
 * for every object and variable set both give the same JSON (key order included) or the same
 * error. Each case also records which path ran, so the comparison is not vacuous.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import {
  substituteFastPath,
  substituteResource,
  substituteResourceViaText,
  type SubstituteOptions,
} from '../../src/flux/substitute.js';

type Outcome = { result: string } | { error: string };

function outcome(run: () => JsonObject | null): Outcome {
  try {
    return { result: JSON.stringify(run()) };
  } catch (e) {
    if (e instanceof DiagnosticError) {
      const { rule, message, hint, file } = e.diagnostic;
      return { error: JSON.stringify({ rule, message, hint, file }) };
    }
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Runs both paths, expects the same outcome and an untouched input; says which path ran. */
function compare(obj: JsonObject, vars: Record<string, string>, opts: SubstituteOptions): 'fast' | 'text' {
  const input = JSON.stringify(obj);
  const variables = { vars: new Map(Object.entries(vars)) };
  const before = substituteFastPath.fast;
  const fast = outcome(() => substituteResource(obj, variables, opts));
  const path = substituteFastPath.fast > before ? 'fast' : 'text';
  const text = outcome(() => substituteResourceViaText(obj, variables, opts));
  expect(fast, `${input} with ${JSON.stringify(vars)}`).toEqual(text);
  expect(JSON.stringify(obj)).toBe(input);
  return path;
}

const STRICT: SubstituteOptions = { strict: true, file: 'app.yaml' };
const LENIENT: SubstituteOptions = { strict: false };

function configMap(data: JsonObject, extra: JsonObject = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'ns' }, data, ...extra };
}

/** Values that can break the YAML, change type or be folded once substituted. */
const ADVERSARIAL: string[] = [
  ...['', ' ', 'a b', ' lead', 'trail ', 'a: b', 'a:', ':a', 'a :b', 'a #b', '#a', 'a#b', '- x', '-x', '-'],
  ...['? x', '?x', '"q"', "'q'", '"a\'b"', "it's", 'say "hi"', '\\', 'a\\nb', '"\\n"', '*x', '&a', '!x'],
  ...['%x', '@x', '`x`', '|', '>', '[1,2]', '{a: 1}', 'a,b', '{', '}', '---', '...', '--- x', 'x\ty'],
  ...['~', 'null', 'Null', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'False', '0x1F', '0o17', '0755'],
  ...['1_000', '1e3', '1.5', '.5', '1.', '-1', '+1', '.inf', '-.Inf', '.nan', '2001-12-14', '1:20'],
  ...['2001-12-14 21:59:43.10 -5', '9223372036854775808', '18446744073709551616', '<<', '=', '0b101'],
  ...['é', '日本語', '😀', 'a\u2028b', 'a\u0085b', 'a\rb', 'x\u0000y', '\u00a0', '$', '$$', '${X}'],
  ...['$${X}', 'a${', '}', 'word '.repeat(20).trim(), `${'x'.repeat(70)} tail`, 'x'.repeat(200)],
];

/** Values that stay one token everywhere above: the fast path must take them. */
const FAST_VALUES = [
  'a b',
  'yes',
  'OFF',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '~',
  'null',
  '2001-12-14',
  'é',
  '日本語',
];

describe('fast path agrees with the text round trip', () => {
  it.each(ADVERSARIAL.map((v) => [v]))('value %j in every position', (value) => {
    const obj: JsonObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', labels: { 'app.kubernetes.io/version': '${V}', n: '${V}' } },
      data: { plain: '${V}', prefixed: 'x-${V}', block: 'line ${V}\n${V} end\n\nlast\n', lead: '  ${V}\nb' },
      spec: {
        list: ['${V}', 'a${V}', ['${V}'], { k: '${V}', deeper: { q: '${V}' } }],
        quoted: '*.${V}',
        spaced: 'echo ${V} done',
        // The value as data, untouched by envsubst: it must read back as itself.
        raw: value,
        rawKey: { [value]: 1 },
        rawList: [value],
        n: 3,
        f: 1.5,
        b: true,
        z: null,
        e: [],
        o: {},
      },
    };
    const path = compare(obj, { V: value }, STRICT);
    compare(obj, { V: value }, LENIENT);
    if (FAST_VALUES.includes(value)) expect(path).toBe('fast');
  });

  it.each<[string, JsonObject, Record<string, string>, SubstituteOptions, 'fast' | 'text']>([
    ['plain', configMap({ a: '${X}' }), { X: 'v' }, STRICT, 'fast'],
    ['typed int', configMap({ a: '${X}' }), { X: '8080' }, STRICT, 'fast'],
    ['typed bool', configMap({ a: '${X}' }), { X: 'on' }, STRICT, 'fast'],
    ['empty ⇒ null', configMap({ a: '${X}' }), { X: '' }, STRICT, 'fast'],
    [
      'emptied nested item before an outer one',
      configMap({}, { l: [['${X}'], 'x'] }),
      { X: '' },
      STRICT,
      'fast',
    ],
    ['$$ escape', configMap({ a: '$${X}', b: 'a$$b', c: '$$$' }), { X: 'v' }, STRICT, 'fast'],
    ['$VAR stays', configMap({ a: '$X', b: 'cost: $5' }), { X: 'v' }, STRICT, 'fast'],
    ['defaults', configMap({ a: '${X:=d}', b: '${U:-a b}', c: '${U:=${X}y}' }), { X: 'v' }, STRICT, 'fast'],
    [
      'operators',
      configMap({ a: '${X:1:2}', b: '${#X}', c: '${X^^}', d: '${X/a/b}' }),
      { X: 'abc' },
      STRICT,
      'fast',
    ],
    ['pre-quoted', configMap({ a: '${X}', b: '${Y}' }), { X: '"true"', Y: "'1'" }, STRICT, 'fast'],
    ['quote workaround', configMap({ a: '${q}${X}${q}' }), { q: '"', X: '42' }, STRICT, 'fast'],
    ['single-quoted token', configMap({ a: '*.${X}' }), { X: 'example.com' }, STRICT, 'fast'],
    ['literal block', configMap({ a: 'host=${X}\nport=${P}\n' }), { X: 'h', P: '1' }, STRICT, 'fast'],
    ['literal, indent indicator', configMap({ a: ' ${X}\nb\n' }), { X: 'h' }, STRICT, 'fast'],
    ['literal, keep chomping', configMap({ a: '${X}\n\n' }), { X: 'h' }, STRICT, 'fast'],
    ['literal line emptied', configMap({ a: '${X}\nb\n' }), { X: '' }, STRICT, 'text'],
    ['literal expression over lines', configMap({ a: '${X:=a\nb}\n' }), { X: '' }, STRICT, 'text'],
    ['unset, strict', configMap({ a: '${U}' }), { X: 'v' }, STRICT, 'text'],
    ['unset, lenient', configMap({ a: '${U}' }), { X: 'v' }, LENIENT, 'fast'],
    ['unterminated', configMap({ a: '${X', b: 'c}' }), { X: 'v' }, LENIENT, 'text'],
    ['bad name', configMap({ a: '${ X}' }), { X: 'v' }, LENIENT, 'text'],
    ['key with ${', configMap({ '${X}': 'v' }), { X: 'k' }, STRICT, 'text'],
    ['key with $ only', configMap({ $k: '${X}' }), { X: 'v' }, STRICT, 'fast'],
    ['value reads as a map', configMap({ a: '${X}' }), { X: 'a: b' }, STRICT, 'text'],
    ['value starts a comment', configMap({ a: 'x ${X}' }), { X: '#c' }, STRICT, 'text'],
    ['.inf', configMap({ a: '${X}' }), { X: '.inf' }, STRICT, 'text'],
    ['name emptied ⇒ dropped', configMap({}, { metadata: { name: '${X}' } }), { X: '' }, STRICT, 'fast'],
    ['kind emptied ⇒ dropped', { ...configMap({}), kind: '${X}' }, { X: '' }, LENIENT, 'fast'],
    ['Always, no variables', configMap({ a: '${X:=d}' }), {}, { strict: true, strategy: 'Always' }, 'fast'],
    [
      '-0 and big numbers',
      configMap({ a: '${X}' }, { n: [-0, 1e21, 2 ** 60, 0.1] }),
      { X: '1' },
      STRICT,
      'fast',
    ],
    ['merge key', configMap({ a: '${X}' }, { m: { '<<': { b: 1 } } }), { X: '1' }, STRICT, 'text'],
    [
      '__proto__ key',
      configMap({ a: '${X}' }, JSON.parse('{"m":{"__proto__":1}}') as JsonObject),
      { X: '1' },
      STRICT,
      'text',
    ],
    ['lone surrogate', configMap({ a: '${X}', b: 'x\ud800' }), { X: '1' }, STRICT, 'text'],
    [
      'number-like keys',
      configMap({ a: '${X}', '1': 'a', '0x1F': 'b', on: 'c', '1.5': 'd' }),
      { X: '1' },
      STRICT,
      'fast',
    ],
    ['multi-byte cut', configMap({ a: '${X:0:1}' }), { X: 'é' }, STRICT, 'text'],
  ])('%s', (_name, obj, vars, opts, path) => {
    expect(compare(obj, vars, opts)).toBe(path);
  });

  it('folds: the fast path declines exactly where the printer folds', () => {
    const paths = new Set<string>();
    // Keys and values of growing length move the last space across column 80.
    for (let k = 1; k <= 30; k += 1) {
      for (let n = 40; n <= 90; n += 1) {
        const key = 'k'.repeat(k);
        const value = `${'w'.repeat(n - 10)} ${'${X}'} end`;
        const seq = { l: [value, { [key]: value }] };
        paths.add(compare(configMap({ [key]: value }, { spec: seq }), { X: 'v' }, STRICT));
        paths.add(compare(configMap({ [key]: `*${value}` }), { X: 'v' }, STRICT));
      }
    }
    expect([...paths].sort()).toEqual(['fast', 'text']);
  });

  it('generated objects and templates', () => {
    const random = prng(20240611);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const counts = { fast: 0, text: 0 };
    // SUBST_FUZZ=<n> runs a longer search.
    for (let i = 0; i < Number(process.env.SUBST_FUZZ ?? 5000); i++) {
      const vars: Record<string, string> = {};
      for (const name of ['A', 'B', 'C']) if (random() < 0.8) vars[name] = pick(ADVERSARIAL_VALUES);
      // Half the objects hold only well-formed templates, so that the fast path gets to run.
      const parts = random() < 0.5 ? TEMPLATE_PARTS : BENIGN_PARTS;
      const template = (): string => {
        let s = '';
        const n = 1 + Math.floor(random() * 4);
        for (let p = 0; p < n; p++) s += pick(parts);
        return s;
      };
      const obj = randomObject(template, random, pick);
      counts[compare(obj, vars, random() < 0.5 ? STRICT : LENIENT)]++;
    }
    // Most generated cases must exercise the fast path, else the comparison proves little.
    expect(counts.fast).toBeGreaterThan(800);
    expect(counts.text).toBeGreaterThan(1000);
  });
});

const ADVERSARIAL_VALUES = ADVERSARIAL.filter((v) => !v.includes('\n'));

const TEMPLATE_PARTS: readonly string[] = [
  ...['${A}', '${B}', '${C}', '${U}', '${A:=d}', '${U:-a b}', '${U:=${A}x}', '${A:0:2}', '${#B}', '${C^^}'],
  ...['${A/a/b}', '${B%.*}', '$${A}', '$$', '$A', '$', '${', '}', '${A', ' ', ': ', ' #', '#', '-', '"'],
  ...["'", '\\', 'x', 'é', '0', '1_0', '.', '~', '\n', 'word '.repeat(12), 'k=v', '*', '[', '{'],
];

const BENIGN_PARTS: readonly string[] = TEMPLATE_PARTS.filter((p) => !['${U}', '${', '}', '${A'].includes(p));

function randomObject(
  template: () => string,
  random: () => number,
  pick: <T>(xs: readonly T[]) => T,
): JsonObject {
  const value = (depth: number): JsonValue => {
    const r = random();
    if (depth > 3 || r < 0.5)
      return random() < 0.85 ? template() : pick<JsonValue>([1, 2.5, true, null, 'plain', '8080']);
    if (r < 0.8) return Array.from({ length: 1 + Math.floor(random() * 3) }, () => value(depth + 1));
    const map: JsonObject = {};
    for (let i = 0; i < 1 + random() * 3; i++) map[pick(KEYS)] = value(depth + 1);
    return map;
  };
  const data: JsonObject = {};
  for (let i = 0; i < 1 + random() * 4; i++) data[pick(KEYS)] = value(0);
  const name = random() < 0.1 ? '${A}' : 'app';
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { l: template() } }, data };
}

const KEYS: readonly string[] = [
  ...['a', 'b', 'z1', 'z10', 'z2', 'Key', 'long-key-'.repeat(5), '1', 'on', 'a b', '-x', '$k', '', '日本'],
  ...["it's", 'a: b', 'x'.repeat(130), 'ключ-'.repeat(30)],
];

// mulberry32: a small deterministic generator, so failures reproduce.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
