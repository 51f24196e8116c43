/** Recording values taken from Secrets and masking them wherever they are printed. */
import { describe, expect, it } from 'vitest';
import {
  addSecretObject,
  addSecretText,
  redactDeep,
  redactText,
  SECRET_TEXT_MASK as M,
} from '../../src/flux/secret-text.js';

const secrets = (...values: string[]) => {
  const s = new Set<string>();
  for (const v of values) addSecretText(s, v);
  return s;
};

describe('redactText', () => {
  it.each<[string, string[], string, string]>([
    ['a value in a line', ['hunter22'], 'password: hunter22 # set', `password: ${M} # set`],
    ['every occurrence', ['hunter22'], 'hunter22/hunter22', `${M}/${M}`],
    ['the longest first', ['abcd', 'abcdefgh'], 'x abcdefgh y abcd', `x ${M} y ${M}`],
    ['regex characters literally', ['a.b*c(d)'], 'a.b*c(d) aXbbc(d)', `${M} aXbbc(d)`],
    ['the newline-free form substitution uses', ['line-one\nline-two'], 'v: line-oneline-two', `v: ${M}`],
    ['one line of a multi-line value', ['first-line\nsecond-line'], 'at: second-line', `at: ${M}`],
    ['a dotenv value on its own', ['USER=admin\nPASS=s3cr3t-pass\n'], 'got s3cr3t-pass', `got ${M}`],
    ['as JSON escapes it', ['say "hi" now'], 'v: "say \\"hi\\" now"', `v: "${M}"`],
    ['as YAML single quotes escape it', ["it's mine"], "v: 'it''s mine'", `v: '${M}'`],
    ['not values shorter than four characters', ['abc', 'yes'], 'abc yes', 'abc yes'],
    ['nothing when nothing is secret', [], 'plain text', 'plain text'],
  ])('%s', (_name, values, text, want) => {
    expect(redactText(text, secrets(...values))).toBe(want);
  });

  it('learns values added after it was first used', () => {
    const s = secrets('first-secret');
    expect(redactText('second-secret', s)).toBe('second-secret');
    addSecretText(s, 'second-secret');
    expect(redactText('second-secret', s)).toBe(M);
  });
});

describe('addSecretObject', () => {
  it('records data decoded from base64 and stringData as written', () => {
    const s = new Set<string>();
    addSecretObject(s, {
      data: { a: Buffer.from('decoded-value').toString('base64'), b: 'not base64!' },
      stringData: { c: 'string-value', d: 12345 },
    });
    expect(redactText('decoded-value string-value not base64! 12345', s)).toBe(`${M} ${M} ${M} ${M}`);
  });
});

describe('redactDeep', () => {
  const s = secrets('topsecret', '8443');

  it('masks string values at any depth and keeps keys', () => {
    const obj = { data: { topsecret: 'is topsecret' }, list: ['topsecret', 1] };
    expect(redactDeep(obj, s)).toEqual({ data: { topsecret: `is ${M}` }, list: [M, 1] });
  });

  it('masks numbers only when asked (object values, never line numbers)', () => {
    expect(redactDeep({ port: 8443 }, s, true)).toEqual({ port: M });
    expect(redactDeep({ line: 8443 }, s)).toEqual({ line: 8443 });
  });

  it('returns what it did not change as it was', () => {
    const untouched = { a: { b: 'public' } };
    const obj = { untouched, changed: 'topsecret' };
    const out = redactDeep(obj, s);
    expect(out.untouched).toBe(untouched);
    expect(redactDeep(untouched, s)).toBe(untouched);
    expect(redactDeep(obj, new Set())).toBe(obj);
  });
});
