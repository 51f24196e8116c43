import { describe, expect, it } from 'vitest';
import { call, rows } from './call.js';
import type { GoValue } from '../../../src/gotemplate/value.js';

// Expected values are helm v4.1.4's output for the same calls.
const cases: [string, GoValue[], GoValue][] = [
  ['base', ['/a/b/'], 'b'],
  ['base', [''], '.'],
  ['base', ['///'], '/'],
  ['dir', ['a/b'], 'a'],
  ['dir', ['b'], '.'],
  ['dir', ['/'], '/'],
  ['clean', ['a//b/../../..'], '..'],
  ['clean', ['/../a/.'], '/a'],
  ['clean', [''], '.'],
  ['ext', ['a/b.tar.gz'], '.gz'],
  ['ext', ['a.b/c'], ''],
  ['isAbs', ['/x'], true],
  ['isAbs', ['x'], false],
  ['osDir', ['/a/b'], '/a'],
  ['osBase', ['a/b'], 'b'],
  ['osClean', ['a/./b/'], 'a/b'],
  ['osExt', ['x.yaml'], '.yaml'],
  ['osIsAbs', ['/'], true],
];

describe('sprig path functions', () => {
  it.each(rows(cases))('%s', (_, name, args, want) => {
    expect(call(name, ...args)).toBe(want);
  });
});
