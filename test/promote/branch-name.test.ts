/** Branch names: the pure validator agrees with `git check-ref-format --branch`, and is stricter only where promotion needs it. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchNameProblem, gitBranchNameProblem } from '../../src/promote/branch-name.js';
import { removeDir, tempDir } from './git-fixture.js';

const NAMES = [
  'main',
  'release',
  'feature/x',
  'a@b',
  '@',
  'a{b',
  'ab-',
  'foo/HEAD',
  'HEAD/x',
  'refs',
  'refs/heads/x',
  'ä',
  'x.lock.y',
  'foo./bar',
  'HEAD',
  '-x',
  '-',
  '',
  '.',
  '..',
  '.a',
  'a/.b',
  'a..b',
  'a.',
  'x/.',
  'a.lock',
  'a/b.lock/c',
  'a.lock/b',
  'a/',
  '/a',
  'a//b',
  'a b',
  'a~',
  'a^',
  'a:b',
  'a?',
  'a*',
  'a[b',
  'a\\b',
  'a\tb',
  'a\u007fb',
  'x@{y}',
  '@{',
  '@{-1}',
];

let cwd: string;
beforeAll(() => {
  cwd = tempDir('refname'); // outside any repository: git does not expand @{-1} or @
});
afterAll(() => removeDir(cwd));

describe('gitBranchNameProblem', () => {
  it.each(NAMES)('agrees with git check-ref-format --branch on %j', (name) => {
    const git = spawnSync('git', ['check-ref-format', '--branch', name], { cwd, encoding: 'utf8' });
    expect(gitBranchNameProblem(name) === undefined).toBe(git.status === 0);
  });
});

describe('branchNameProblem', () => {
  it.each([
    ['main', undefined],
    ['refs/heads/x', "it is a full ref name; name the branch without 'refs/heads/'"],
    ['refs', undefined],
    ['@', "'@' stands for HEAD in git"],
    ['HEAD', "'HEAD' is not a branch"],
    ['-x', "it starts with '-' (git would read it as an option)"],
    ['a\u0000b', 'it contains a space, a control character or one of ~ ^ : ? * [ \\'],
  ])('%j', (name, problem) => {
    expect(branchNameProblem(name)).toBe(problem);
  });
});
