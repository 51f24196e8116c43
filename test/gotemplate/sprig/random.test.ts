import { describe, expect, it } from 'vitest';

import { randomFuncs, type Entropy } from '../../../src/gotemplate/sprig/random.js';
import { GoCallError, GoInt, type GoValue } from '../../../src/gotemplate/value.js';

/** A repeatable generator (a small LCG) that records the values reported as volatile. */
function entropy(seed = 1): Entropy & { values: string[] } {
  let state = seed;
  const values: string[] = [];
  return {
    random: () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    },
    volatile: (v) => values.push(v),
    values,
  };
}

const int = (n: number): GoInt => new GoInt('int', BigInt(n));

function call(env: Entropy, name: string, ...args: GoValue[]): GoValue {
  const f = randomFuncs(env)[name];
  if (!f) throw new Error(`no function ${name}`);
  return f.fn(...args);
}

function error(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GoCallError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('random strings', () => {
  it.each([
    ['randAlphaNum', /^[0-9A-Za-z]{40}$/],
    ['randAlpha', /^[A-Za-z]{40}$/],
    ['randNumeric', /^[0-9]{40}$/],
    ['randAscii', /^[\x20-\x7e]{40}$/],
  ])('%s draws from its alphabet and reports the value', (name, pattern) => {
    const env = entropy();
    const s = call(env, name, int(40)) as string;
    expect(s).toMatch(pattern);
    expect(env.values).toEqual([s]);
  });

  it('is repeatable for the same seed and differs for another', () => {
    expect(call(entropy(7), 'randAlphaNum', int(16))).toBe(call(entropy(7), 'randAlphaNum', int(16)));
    expect(call(entropy(7), 'randAlphaNum', int(16))).not.toBe(call(entropy(8), 'randAlphaNum', int(16)));
  });

  it('gives the empty string for a zero or negative count, as helm does', () => {
    expect(call(entropy(), 'randAlphaNum', int(-1))).toBe('');
    expect(call(entropy(), 'randAscii', int(0))).toBe('');
  });

  it('refuses a count that would exhaust memory', () => {
    expect(error(() => call(entropy(), 'randAlpha', int(1e9)))).toMatch(/more than the limit/);
  });
});

describe('randBytes, randInt, shuffle, uuidv4', () => {
  it('encodes random bytes in base64', () => {
    const s = call(entropy(), 'randBytes', int(4)) as string;
    expect(Buffer.from(s, 'base64')).toHaveLength(4);
    expect(call(entropy(), 'randBytes', int(0))).toBe('');
    expect(error(() => call(entropy(), 'randBytes', int(-1)))).toBe(
      'runtime error: makeslice: len out of range',
    );
  });

  it('draws randInt in [min, max) as an int', () => {
    const env = entropy();
    for (let i = 0; i < 50; i++) {
      const n = call(env, 'randInt', int(3), int(6)) as GoInt;
      expect(n.type).toBe('int');
      expect(n.value >= 3n && n.value < 6n).toBe(true);
    }
    expect(error(() => call(env, 'randInt', int(5), int(5)))).toBe('invalid argument to Intn');
  });

  it('shuffles the runes of a string', () => {
    const s = call(entropy(), 'shuffle', 'abcdé😀') as string;
    expect([...s].sort()).toEqual([...'abcdé😀'].sort());
    expect(call(entropy(), 'shuffle', '')).toBe('');
  });

  it('formats a version 4 UUID', () => {
    const env = entropy();
    const id = call(env, 'uuidv4') as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(env.values).toEqual([id]);
  });
});
