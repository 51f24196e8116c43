import { describe, expect, it } from 'vitest';
import { Templates } from '../../src/gotemplate/template.js';
import type { FuncMap } from '../../src/gotemplate/value.js';

const fn = (out: string): FuncMap[string] => ({ params: [], result: 'string', fn: () => out });

describe('clones of a template set (a copy of the set, as Go’s Clone)', () => {
  it('do not see what the parent parses after the clone', () => {
    const t = new Templates({});
    t.parse('a', '{{ define "d" }}one{{ end }}');
    const c = t.clone();
    t.parse('b', '{{ define "d" }}two{{ end }}{{ define "e" }}e{{ end }}');
    c.parse('m', '{{ template "d" }}');
    expect(c.execute('m', {})).toBe('one');
    expect(c.has('e')).toBe(false);
    expect(t.has('m')).toBe(false);
    t.parse('n', '{{ template "d" }}');
    expect(t.execute('n', {})).toBe('two');
  });

  it('keep an existing template when a clone parses an empty definition of it', () => {
    const t = new Templates({});
    t.parse('a', '{{ define "d" }}kept{{ end }}');
    const c = t.clone();
    c.parse('b', '{{ define "d" }} {{ end }}{{ template "d" }}');
    expect(c.execute('b', {})).toBe('kept');
  });

  it('see every layer when clones of clones nest deeply, nearest definition first', () => {
    const root = new Templates({ f: fn('root') });
    root.parse('t0', '{{ define "d0" }}0{{ end }}');
    let set = root;
    for (let i = 1; i <= 20; i++) {
      set = set.clone(i % 5 === 0 ? { f: fn(`f${i}`) } : {});
      set.parse(`t${i}`, `{{ define "d${i}" }}${i}{{ end }}`);
      if (i === 12) set.parse('redefine', '{{ define "d0" }}zero{{ end }}');
    }
    set.parse('all', '{{ template "d0" }}{{ template "d7" }}{{ template "d20" }}-{{ f }}-{{ len "ab" }}');
    expect(set.execute('all', {})).toBe('zero720-f20-2');
    expect(set.names()).toHaveLength(44);
    expect(root.names()).toEqual(['t0', 'd0'].sort());
  });

  it('add functions without changing the parent’s', () => {
    const t = new Templates({ f: fn('parent') });
    const c = t.clone({ f: fn('child'), g: fn('g') });
    c.parse('a', '{{ f }}{{ g }}');
    t.parse('a', '{{ f }}');
    expect(c.execute('a', {})).toBe('childg');
    expect(t.execute('a', {})).toBe('parent');
    expect(() => t.parse('b', '{{ g }}')).toThrow('function "g" not defined');
  });
});
