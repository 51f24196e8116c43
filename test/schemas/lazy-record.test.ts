import { describe, expect, it } from 'vitest';
import { lazyRecord, withEntries } from '../../src/schemas/lazy-record.js';

function counted() {
  const built: string[] = [];
  const record = lazyRecord(['a', 'b', 'c'], (name) => (built.push(name), { name }));
  return { built, record };
}

describe('lazyRecord', () => {
  it('lists its keys in order without building anything', () => {
    const { built, record } = counted();
    expect(Object.keys(record)).toEqual(['a', 'b', 'c']);
    expect('b' in record).toBe(true);
    expect(Object.hasOwn(record, 'c')).toBe(true);
    expect(built).toEqual([]);
  });

  it('builds a value on its first read only, and keeps it', () => {
    const { built, record } = counted();
    const first = record.b;
    expect(record.b).toBe(first);
    expect(built).toEqual(['b']);
    expect(record).toEqual({ a: { name: 'a' }, b: { name: 'b' }, c: { name: 'c' } });
    expect(built).toEqual(['b', 'a', 'c']);
  });

  it('takes an assignment instead of building', () => {
    const { built, record } = counted();
    record.a = { name: 'set' };
    expect(record.a).toEqual({ name: 'set' });
    expect(Object.keys(record)).toEqual(['a', 'b', 'c']);
    expect(built).toEqual([]);
  });
});

describe('withEntries', () => {
  it('is the spread, without reading the values', () => {
    const { built, record } = counted();
    const copy = withEntries(record, { b: { name: 'replaced' }, d: { name: 'added' } });
    expect(built).toEqual([]);
    expect(Object.keys(copy)).toEqual(['a', 'b', 'c', 'd']);
    expect(copy).toEqual({ ...counted().record, b: { name: 'replaced' }, d: { name: 'added' } });
  });

  it('leaves the original as it was', () => {
    const { built, record } = counted();
    const copy = withEntries(record, { b: { name: 'replaced' } });
    expect(copy.a).toEqual({ name: 'a' });
    expect(record.b).toEqual({ name: 'b' });
    expect(built).toEqual(['a', 'b']);
  });
});
