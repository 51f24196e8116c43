import { describe, expect, it } from 'vitest';
import { emptyTree, memoryTree, overlayTree } from '../../src/tree/overlay-tree.js';

describe('overlayTree', () => {
  const base = memoryTree({ 'a/x.yaml': 'x', 'a/y.yaml': 'y', 'b/z.yaml': 'z' });
  const tree = overlayTree(
    base,
    new Map([
      ['a/x.yaml', 'X'],
      ['a/new/n.yaml', 'n'],
      ['c/k.yaml', 'k'],
    ]),
  );

  it.each([
    ['a/x.yaml', 'X'],
    ['a/y.yaml', 'y'],
    ['a/new/n.yaml', 'n'],
    ['c/k.yaml', 'k'],
  ])('reads %s', (path, text) => {
    expect(tree.readText(path)).toBe(text);
    expect(new TextDecoder().decode(tree.readBytes(path))).toBe(text);
  });

  it.each([
    ['', 'dir'],
    ['a', 'dir'],
    ['a/new', 'dir'],
    ['c', 'dir'],
    ['c/k.yaml', 'file'],
    ['b/z.yaml', 'file'],
    ['nope', undefined],
  ])('stat %s', (path, type) => expect(tree.stat(path)).toBe(type));

  it('lists merged entries sorted byte-wise', () => {
    expect(tree.list('').map((e) => e.name)).toEqual(['a', 'b', 'c']);
    expect(tree.list('a')).toEqual([
      { name: 'new', type: 'dir' },
      { name: 'x.yaml', type: 'file' },
      { name: 'y.yaml', type: 'file' },
    ]);
    expect(tree.list('b')).toEqual([{ name: 'z.yaml', type: 'file' }]);
  });

  it('leaves the base untouched and reports missing files as the base does', () => {
    expect(base.readText('a/x.yaml')).toBe('x');
    expect(base.stat('c')).toBeUndefined();
    expect(() => tree.readText('a/missing.yaml')).toThrow(/does not exist/);
    expect(() => emptyTree().list('x')).toThrow(/does not exist/);
  });
});

describe('overlayTree cache keys', () => {
  it('in-memory files are never cached; others keep the base key', () => {
    const base = memoryTree({ 'a.yaml': 'a' });
    const tree = overlayTree(base, new Map([['k.yaml', 'k']]));
    expect(tree.cacheKey?.('k.yaml')).toBeUndefined();
    expect(tree.cacheKey?.('a.yaml')).toBeUndefined(); // the base is itself in memory
    const disk = { ...emptyTree(), cacheKey: (p: string) => `disk:${p}` };
    expect(overlayTree(disk, new Map([['k.yaml', 'k']])).cacheKey?.('x.yaml')).toBe('disk:x.yaml');
  });
});
