import { describe, expect, it } from 'vitest';
import { Templates, TemplateError } from '../../src/gotemplate/template.js';
import type { FuncMap, GoValue } from '../../src/gotemplate/value.js';

function errorOf(f: () => unknown): TemplateError {
  try {
    f();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('the template namespace', () => {
  it('shares defines across parsed texts; the last non-empty definition wins', () => {
    const t = new Templates({});
    t.parse('sub/_helpers.tpl', '{{ define "name" }}sub{{ end }}');
    t.parse('parent/_helpers.tpl', '{{ define "name" }}parent{{ end }}');
    t.parse('empty.tpl', '{{ define "name" }}  {{ end }}');
    t.parse('main.yaml', 'x={{ template "name" }}');
    expect(t.execute('main.yaml', {})).toBe('x=parent');
    expect(t.names()).toEqual(['empty.tpl', 'main.yaml', 'name', 'parent/_helpers.tpl', 'sub/_helpers.tpl']);
    expect(t.has('name')).toBe(true);
    expect(t.has('nope')).toBe(false);
  });

  it('adds nothing when a text fails to parse', () => {
    const t = new Templates({});
    expect(() => t.parse('bad', '{{ define "d" }}x{{ end }}{{ if }}')).toThrow(
      'template: bad:1: missing value for if',
    );
    expect(t.has('d')).toBe(false);
  });

  it('reports a parse error with its file and line', () => {
    const e = errorOf(() => new Templates({}).parse('f.yaml', 'a\n{{ nosuch }}'));
    expect([e.message, e.kind, e.template, e.line]).toEqual([
      'template: f.yaml:2: function "nosuch" not defined',
      'parse',
      'f.yaml',
      2,
    ]);
  });

  it('reports an execution error with its file, line and column', () => {
    const t = new Templates({}, { missingKey: 'zero' });
    t.parse('f.yaml', 'a\n  {{ .a.b.c }}');
    const e = errorOf(() => t.execute('f.yaml', {}));
    expect([e.kind, e.template, e.line, e.column, e.limit]).toEqual(['exec', 'f.yaml', 2, 7, undefined]);
  });

  it('names the root template when asked for one it does not have', () => {
    expect(() => new Templates({}).execute('nope', {})).toThrow(
      'template: no template "nope" associated with template "gotpl"',
    );
  });

  it('clones share parsed templates but not later definitions', () => {
    const t = new Templates({});
    t.parse('a', '{{ define "d" }}outer{{ end }}');
    const c = t.clone();
    c.parse('b', '{{ define "d" }}inner{{ end }}{{ template "d" }}');
    expect(c.execute('b', {})).toBe('inner');
    t.parse('m', '{{ template "d" }}');
    expect(t.execute('m', {})).toBe('outer');
    expect(t.has('b')).toBe(false);
  });

  it('clones can add functions', () => {
    const t = new Templates({});
    const extra: FuncMap = { hi: { params: [], result: 'string', fn: () => 'hi' } };
    expect(() => t.parse('a', '{{ hi }}')).toThrow('function "hi" not defined');
    const c = t.clone(extra);
    c.parse('a', '{{ hi }}');
    expect(c.execute('a', {})).toBe('hi');
  });

  it('treats break and continue as functions when the map defines them', () => {
    const t = new Templates({ break: { params: [], result: 'string', fn: () => 'B' } });
    t.parse('a', '{{ break }}');
    expect(t.execute('a', {})).toBe('B');
  });

  it('executes the same parse many times', () => {
    const t = new Templates({});
    t.parse('a', '{{ range . }}{{ . }}{{ end }}');
    for (let i = 0; i < 3; i++) expect(t.execute('a', [i, i + 1])).toBe(`${i}${i + 1}`);
  });
});

describe('limits', () => {
  it('stops runaway {{template}} recursion as Go does', () => {
    const t = new Templates({});
    t.parse('main', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" 1 }}');
    const e = errorOf(() => t.execute('main', {}));
    expect(e.message).toBe(
      'template: main:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)',
    );
    // Go's own limit: an ordinary execution error, which functions such as tpl wrap.
    expect(e.limit).toBeUndefined();
  });

  it('honours a configured template depth', () => {
    const t = new Templates({}, { limits: { maxTemplateDepth: 10 } });
    t.parse('main', '{{ define "r" }}x{{ template "r" . }}{{ end }}{{ template "r" 1 }}');
    expect(errorOf(() => t.execute('main', {})).message).toMatch(/exceeded maximum template depth \(10\)$/);
  });

  it('stops recursion through functions that execute templates', () => {
    const holder: { t?: Templates } = {};
    const include: FuncMap = {
      include: {
        params: ['string', 'interface {}'],
        result: 'string',
        fn: (name, data) => (holder.t as Templates).execute(name as string, data),
      },
    };
    const t = new Templates(include);
    holder.t = t;
    t.parse('main', '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" 1 }}');
    const e = errorOf(() => t.execute('main', {}));
    expect(e.limit).toBe('depth');
    expect(e.message).toContain('exceeded maximum template depth');
  });

  it('bounds the steps of one execution', () => {
    const t = new Templates({}, { limits: { maxSteps: 1000 } });
    t.parse('a', '{{ range 10 }}{{ range 1000 }}{{ end }}{{ end }}');
    const e = errorOf(() => t.execute('a', {}));
    expect(e.limit).toBe('steps');
    expect(e.message).toMatch(/exceeded the limit of 1000 evaluation steps$/);
    t.parse('b', '{{ range 10 }}{{ . }}{{ end }}');
    expect(t.execute('b', {})).toBe('0123456789');
  });

  it('bounds the output of one execution', () => {
    const t = new Templates({}, { limits: { maxOutputBytes: 100 } });
    t.parse('a', '{{ range 200 }}x{{ end }}');
    const e = errorOf(() => t.execute('a', {}));
    expect(e.limit).toBe('output');
    expect(e.message).toBe('template: a:1:15: executing "a" at <x>: exceeded the output limit of 100 bytes');
  });

  it('gives an error, not a stack overflow, for hostile nesting', () => {
    const t = new Templates({});
    const n = 10_000;
    expect(() => t.parse('ifs', '{{ if 1 }}'.repeat(n) + '{{ end }}'.repeat(n))).toThrow(
      'template: ifs:1: max expression depth exceeded',
    );
    expect(() => t.parse('parens', '{{ ' + '('.repeat(n) + '1' + ')'.repeat(n) + ' }}')).toThrow(
      'template: parens:1: max expression depth exceeded',
    );
    const ok = '{{ if 1 }}'.repeat(500) + 'deep' + '{{ end }}'.repeat(500);
    t.parse('ok', ok);
    expect(t.execute('ok', {} as GoValue)).toBe('deep');
  });
});
