import { describe, expect, it } from 'vitest';
import { mentionsText, type JsonValue } from '../../src/core/json.js';

describe('mentionsText', () => {
  it.each<[JsonValue, boolean]>([
    ['a $b', true],
    ['plain', false],
    [null, false],
    [42, false],
    [true, false],
    [[1, 'x', ['y$']], true],
    [{ a: { b: [{ c: 'no' }] } }, false],
    [{ a: { b: [{ c: '${X}' }] } }, true],
    [{ key$: 1 }, true],
    [{}, false],
  ])('%j: %s', (value, want) => {
    expect(mentionsText(value, '$')).toBe(want);
  });
});
