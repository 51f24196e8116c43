/** Go's filepath.Match cases (a malformed pattern matches nothing, as helm treats it). */
import { describe, expect, it } from 'vitest';
import { goPathMatch } from '../../src/cli/go-path-match.js';

describe('goPathMatch', () => {
  it.each([
    ['abc', 'abc', true],
    ['*', 'abc', true],
    ['*c', 'abc', true],
    ['a*', 'a', true],
    ['a*', 'abc', true],
    ['a*', 'ab/c', false],
    ['a*/b', 'abc/b', true],
    ['a*/b', 'a/c/b', false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[e-g]', 'abc', false],
    ['ab[^c]', 'abc', false],
    ['ab[^b-d]', 'abc', false],
    ['ab[^e-g]', 'abc', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true],
    ['a???b', 'a☺b', false],
    ['[a-ζ]*', 'α', true],
    ['*[a-ζ]', 'A', false],
    ['a?b', 'a/b', false],
    ['a*b', 'a/b', false],
    ['[\\]a]', ']', true],
    ['[\\-]', '-', true],
    ['[x\\-]', 'x', true],
    ['[x\\-]', '-', true],
    ['[x\\-]', 'z', false],
    ['*x', 'xxx', true],
    ['templates/*.yaml', 'templates/deployment.yaml', true],
    ['templates/*', 'templates/sub/x.yaml', false],
    ['charts/*/templates/*.yaml', 'charts/sub/templates/x.yaml', true],
    ['templates/(x).yaml', 'templates/(x).yaml', true],
    ['templates/a+b.yaml', 'templates/aab.yaml', false],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(goPathMatch(pattern, name)).toBe(expected);
  });

  it.each([
    ['[]a]', ']'],
    ['[-]', '-'],
    ['[x-]', 'x'],
    ['[-x]', 'x'],
    ['\\', 'a'],
    ['[a-b-c]', 'a'],
    ['[', 'a'],
    ['[^', 'a'],
    ['[^bc', 'a'],
    ['a[', 'a'],
    ['[z-a]', 'm'],
  ])('malformed %s matches nothing', (pattern, name) => {
    expect(goPathMatch(pattern, name)).toBe(false);
  });
});
