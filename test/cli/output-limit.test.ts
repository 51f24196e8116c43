/** The output bound: counted as written, in batches, cut only between whole chunks. */
import { describe, expect, it } from 'vitest';
import {
  formatSize,
  newOutputBudget,
  parseOutputSize,
  spend,
  writeChunks,
} from '../../src/cli/output-limit.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('spend', () => {
  it('counts UTF-8 bytes and refuses, counting nothing, what would cross the limit', () => {
    const b = newOutputBudget(5);
    expect(spend(b, 'ab')).toBe(true);
    expect(spend(b, 'é')).toBe(true); // two bytes
    expect(b.used).toBe(4);
    expect(spend(b, 'xy')).toBe(false);
    expect(b.used).toBe(4);
    expect(spend(b, 'x')).toBe(true);
  });
});

describe('writeChunks', () => {
  it('writes every chunk, joined into few writes', () => {
    const writes: string[] = [];
    const chunks = Array.from({ length: 1000 }, (_, i) => `${i}\n`);
    expect(writeChunks(chunks, newOutputBudget(), (t) => writes.push(t))).toBe(true);
    expect(writes.join('')).toBe(chunks.join(''));
    expect(writes.length).toBe(1);
  });

  it('writes in batches of about a mebibyte', () => {
    const writes: string[] = [];
    const chunk = 'x'.repeat(100_000);
    expect(writeChunks(Array(25).fill(chunk), newOutputBudget(), (t) => writes.push(t))).toBe(true);
    expect(writes.length).toBe(3);
    expect(writes.every((w) => w.length <= 1_100_000)).toBe(true);
  });

  it('stops at the limit after the last whole chunk, and says so', () => {
    const writes: string[] = [];
    const ok = writeChunks(['aaa', 'bbb', 'ccc'], newOutputBudget(7), (t) => writes.push(t));
    expect(ok).toBe(false);
    expect(writes.join('')).toBe('aaabbb');
  });

  it('pulls no chunk after the one that crossed the limit', () => {
    let made = 0;
    const chunks = function* () {
      for (;;) {
        made++;
        yield 'chunk';
      }
    };
    expect(writeChunks(chunks(), newOutputBudget(12), () => undefined)).toBe(false);
    expect(made).toBe(3);
  });
});

describe('parseOutputSize', () => {
  it.each<[string, number]>([
    ['1000', 1000],
    ['500K', 500 * 1024],
    ['500M', 500 * 1024 ** 2],
    ['4G', 4 * 1024 ** 3],
    ['4GiB', 4 * 1024 ** 3],
    ['2mb', 2 * 1024 ** 2],
    ['10B', 10],
  ])('%s is %i bytes', (text, bytes) => {
    expect(parseOutputSize(text)).toBe(bytes);
  });

  it.each(['0', '-1', '1.5G', '4T', 'lots', ''])('refuses %j with a usage error', (text) => {
    expect(() => parseOutputSize(text)).toThrow(UsageError);
  });

  it('leaves an absent flag to the default', () => {
    expect(parseOutputSize(undefined)).toBeUndefined();
  });
});

describe('formatSize', () => {
  it.each<[number, string]>([
    [2 * 1024 ** 3, '2 GiB'],
    [500 * 1024 ** 2, '500 MiB'],
    [1024, '1 KiB'],
    [1000, '1000 bytes'],
  ])('%i is %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
