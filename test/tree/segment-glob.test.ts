import { describe, expect, it } from 'vitest';
import { compileSegmentGlob, matchSegmentGlob } from '../../src/tree/segment-glob.js';

function match(glob: string, name: string): boolean | 'bad' {
  const compiled = compileSegmentGlob(glob);
  return compiled === undefined ? 'bad' : matchSegmentGlob(compiled, name);
}

describe('segment globs (Go filepath.Match)', () => {
  it.each([
    ['abc', 'abc', true],
    ['*', 'abc', true],
    ['*c', 'abc', true],
    ['a*', 'a', true],
    ['a*/b', 'abc/b', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[e-g]', 'abc', false],
    ['ab[^c]', 'abc', false],
    ['ab[^b-d]', 'abe', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true],
    ['*x', 'xxx', true],
    ['a[', 'a', 'bad'],
    ['a[]', 'a', 'bad'],
    ['[x', 'x', 'bad'],
    ['a\\', 'a', 'bad'],
    ['*.yaml', 'kustomization.yaml', true],
    ['*.yaml', 'kustomization.yml', false],
    ['', '', true],
    ['', 'a', false],
  ])('%s matches %s: %s', (glob, name, expected) => {
    expect(match(glob, name)).toBe(expected);
  });

  it('matches a pathological glob in linear time, where a backtracking regex never ends', () => {
    const glob = `**/${'*a'.repeat(40)}*b`;
    const segment = compileSegmentGlob(glob.split('/')[1] as string);
    expect(segment).toBeDefined();
    // A regex translation of the same glob takes longer than the test timeout on this input.
    expect(matchSegmentGlob(segment!, 'a'.repeat(5000))).toBe(false);
    expect(matchSegmentGlob(segment!, `${'a'.repeat(5000)}b`)).toBe(true);
  });
});
