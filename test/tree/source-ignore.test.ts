import { describe, expect, it } from 'vitest';
import { isIgnored, parsePattern, readPatterns } from '../../src/tree/gitignore.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { filteredTree, loadIgnorePatterns } from '../../src/tree/source-ignore.js';

const ignored = (lines: string, path: string, isDir = false, domain: string[] = []): boolean =>
  isIgnored(readPatterns(lines, domain), path.split('/'), isDir);

describe('gitignore matcher (go-git semantics)', () => {
  const cases: [string, string, boolean, boolean][] = [
    // pattern, path, isDir, ignored
    ['*.md', 'README.md', false, true],
    ['*.md', 'docs/x/README.md', false, true],
    ['*.md', 'a.mdx', false, false],
    ['docs/', 'docs', true, true],
    ['docs/', 'docs', false, false],
    ['docs/', 'docs/a.yaml', false, true],
    ['docs/', 'x/docs/a.yaml', false, true],
    ['/docs', 'docs/a.yaml', false, true],
    ['/docs', 'x/docs/a.yaml', false, false],
    ['a/b', 'a/b/c.yaml', false, true],
    ['a/b', 'x/a/b', false, false],
    ['**/.sops.yaml', 'deep/er/.sops.yaml', false, true],
    ['**/.sops.yaml', '.sops.yaml', false, true],
    ['a/**/c', 'a/x/y/c', false, true],
    ['a/**', 'a/x/y', false, true],
    ['fo?.yaml', 'foo.yaml', false, true],
    ['fo?.yaml', 'fooo.yaml', false, false],
    ['[a-c]*.yaml', 'b1.yaml', false, true],
    ['[^a-c]*.yaml', 'b1.yaml', false, false],
    ['*.yaml\n!keep.yaml', 'keep.yaml', false, false],
    ['*.yaml\n!keep.yaml', 'drop.yaml', false, true],
    ['# comment\n\n*.md', '# comment', false, false],
    ['trailing.yaml   ', 'trailing.yaml', false, true],
    ['[', '[', false, false],
  ];
  it.each(cases)('%j vs %s (dir %s) ⇒ %s', (pattern, path, isDir, expected) => {
    expect(ignored(pattern, path, isDir)).toBe(expected);
  });

  it('patterns are scoped to their domain', () => {
    expect(ignored('*.yaml', 'apps/a.yaml', false, ['apps'])).toBe(true);
    expect(ignored('*.yaml', 'other/a.yaml', false, ['apps'])).toBe(false);
    expect(ignored('*.yaml', 'apps', true, ['apps'])).toBe(false);
  });

  it('parsePattern flags', () => {
    expect(parsePattern('!a/b/')).toMatchObject({
      include: true,
      dirOnly: true,
      anchored: true,
      segments: ['a', 'b'],
    });
  });
});

describe('filteredTree (source-controller artifact)', () => {
  const files = {
    'apps/a.yaml': 'a',
    'apps/.sops.yaml': 's',
    'apps/logo.png': 'p',
    '.github/workflows/ci.yaml': 'w',
    '.git/config': 'g',
    '.gitignore': 'i',
    'docs/x.yaml': 'd',
  };

  it('without .sourceignore the defaults apply', () => {
    const t = filteredTree(memoryTree(files));
    expect(t.list('').map((e) => e.name)).toEqual(['apps', 'docs']);
    expect(t.list('apps').map((e) => e.name)).toEqual(['a.yaml']);
    expect(t.stat('apps/.sops.yaml')).toBeUndefined();
    expect(() => t.readText('apps/.sops.yaml')).toThrow(/not in the source artifact/);
  });

  it('any .sourceignore replaces the defaults (VCS patterns stay)', () => {
    const t = filteredTree(
      memoryTree({ ...files, 'apps/.sourceignore': '*.png\n', '.sourceignore': 'docs/\n' }),
    );
    expect(t.list('').map((e) => e.name)).toEqual(['.github', '.sourceignore', 'apps']);
    expect(t.list('apps').map((e) => e.name)).toEqual(['.sops.yaml', '.sourceignore', 'a.yaml']);
  });

  it('spec.ignore adds patterns; a re-included file keeps its excluded directory visible', () => {
    const t = filteredTree(memoryTree(files), { ignore: 'docs/\n!docs/x.yaml\n' });
    expect(t.stat('docs')).toBe('dir');
    expect(t.readText('docs/x.yaml')).toBe('d');
  });

  it('bucket: only the root .sourceignore, which is itself excluded; no defaults', () => {
    const t = filteredTree(
      memoryTree({ ...files, '.sourceignore': 'docs/\n', 'apps/.sourceignore': 'a.yaml\n' }),
      { kind: 'bucket' },
    );
    expect(t.list('').map((e) => e.name)).toEqual(['.git', '.github', '.gitignore', 'apps']);
    expect(t.list('apps').map((e) => e.name)).toEqual(['.sops.yaml', '.sourceignore', 'a.yaml', 'logo.png']);
  });

  it('loadIgnorePatterns reads the directory file first, then sub-directories in order', () => {
    const t = memoryTree({ '.sourceignore': 'a\n', 'x/.sourceignore': 'b\n', '.y/.sourceignore': 'c\n' });
    expect(loadIgnorePatterns(t).map((p) => [p.domain.join('/'), p.segments[0]])).toEqual([
      ['', 'a'],
      ['.y', 'c'],
      ['x', 'b'],
    ]);
  });
});
