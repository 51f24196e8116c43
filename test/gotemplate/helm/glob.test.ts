import { describe, expect, it } from 'vitest';
import { compileGlob, helmGlob } from '../../../src/gotemplate/helm/glob.js';

const FILES = ['cfg/z.yaml', 'files/a.txt', 'files/b.txt', 'files/empty.txt', 'files/sub/c.txt'];

// Expected sets recorded from helm v4.1.4's .Files.Glob over the same paths.
const cases: [pattern: string, want: string[]][] = [
  ['files/*', ['files/a.txt', 'files/b.txt', 'files/empty.txt']],
  ['files/**', ['files/a.txt', 'files/b.txt', 'files/empty.txt', 'files/sub/c.txt']],
  ['**.txt', ['files/a.txt', 'files/b.txt', 'files/empty.txt', 'files/sub/c.txt']],
  ['{cfg,files}/?.*', ['cfg/z.yaml', 'files/a.txt', 'files/b.txt']],
  ['[', FILES],
  ['*', []],
  ['files/[ab].txt', ['files/a.txt', 'files/b.txt']],
  ['files/[!ab].txt', []],
  ['files/[a-c].txt', ['files/a.txt', 'files/b.txt']],
  ['files/\\*', []],
  ['files/{a,sub/*}.txt', ['files/a.txt', 'files/sub/c.txt']],
  ['cfg/z.yaml', ['cfg/z.yaml']],
];

describe('helmGlob', () => {
  it.each(cases)('%s', (pattern, want) => {
    const m = helmGlob(pattern);
    expect(FILES.filter((f) => m.match(f))).toEqual(want);
  });

  it('rejects unclosed classes and alternatives', () => {
    expect(() => compileGlob('[ab')).toThrow();
    expect(() => compileGlob('{a,b')).toThrow();
    expect(() => compileGlob('a\\')).toThrow();
  });

  it('matches in linear time where a backtracking matcher would not', () => {
    const m = helmGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b');
    expect(m.match('a'.repeat(5000))).toBe(false);
  });
});
