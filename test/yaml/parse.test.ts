import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonValue } from '../../src/core/json.js';
import { locateInDocument, parseYamlDocuments } from '../../src/yaml/parse.js';

function values(text: string): JsonValue[] {
  return parseYamlDocuments(text, 'f.yaml').map((d) => d.value);
}

function failure(text: string): DiagnosticError {
  try {
    parseYamlDocuments(text, 'f.yaml');
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

describe('scalar resolution (go-yaml v3)', () => {
  it.each<[string, JsonValue]>([
    ['true', true],
    ['True', true],
    ['yes', 'yes'],
    ['on', 'on'],
    ['~', null],
    ['', null],
    ['0755', 493],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['08', 8],
    ['1e3', 1000],
    ['.5', 0.5],
    ['.inf', Infinity],
    ['-.inf', -Infinity],
    ['1e400', '1e400'],
    ['2001-01-02', '2001-01-02T00:00:00Z'],
    ['2001-02-30', '2001-02-30'],
    ['"123"', '123'],
    ["'true'", 'true'],
    ['!!str 12', '12'],
    ['!!int "12"', 12],
    ['!!float 1', 1],
    ['!Custom x', 'x'],
    ['!!binary aGk=', 'hi'],
  ])('%s', (scalar, expected) => {
    expect(values(`v: ${scalar}\n`)).toEqual([{ v: expected }]);
  });

  it('keeps NaN from .nan', () => {
    expect(values('v: .nan\n')).toEqual([{ v: NaN }]);
  });

  it('applies merge keys with explicit keys winning', () => {
    const doc = values('a: &a {x: 1, y: 2}\nb:\n  y: 3\n  <<: [*a, {z: 4}]\n')[0] as Record<
      string,
      JsonValue
    >;
    expect(doc.b).toEqual({ x: 1, y: 3, z: 4 });
  });

  it('gives aliases their own copies', () => {
    const doc = values('a: &a {x: [1]}\nb: *a\n')[0] as Record<string, Record<string, number[]>>;
    expect(doc.b).toEqual(doc.a);
    expect(doc.b).not.toBe(doc.a);
    expect(doc.b!.x).not.toBe(doc.a!.x);
  });

  it('turns top-level non-string keys into their text', () => {
    expect(values('1: a\ntrue: b\n~: c\n')).toEqual([{ '1': 'a', true: 'b', '': 'c' }]);
  });
});

describe('documents', () => {
  it('numbers documents and finds where content starts', () => {
    const text = '# header\n---\n\n# c\na: 1\n---\nb: 2\n---\n# only a comment\n';
    const docs = parseYamlDocuments(text, 'f.yaml');
    expect(docs.map((d) => [d.index, d.line, d.value])).toEqual([
      [0, 1, null],
      [1, 5, { a: 1 }],
      [2, 7, { b: 2 }],
      [3, 9, null],
    ]);
  });

  it.each<[string, string, JsonValue[]]>([
    ['leading marker', '---\na: 1\n', [{ a: 1 }]],
    ['BOM', '\ufeffa: 1\n', [{ a: 1 }]],
    ['CRLF', 'a: 1\r\n---\r\nb: |\r\n  x\r\n', [{ a: 1 }, { b: 'x\n' }]],
    ['empty file', '', []],
    ['end marker', 'a: 1\n...\n', [{ a: 1 }]],
    ['marker with comment', 'a: 1\n--- # next\nb: 2\n', [{ a: 1 }, { b: 2 }]],
  ])('%s', (_name, text, expected) => {
    expect(values(text).filter((v) => v !== null)).toEqual(expected);
  });
});

describe('errors', () => {
  it('reports duplicate keys with both lines', () => {
    const e = failure('a: 1\nspec:\n  x: 1\n  y: 2\n  x: 3\n');
    expect(e.diagnostic).toMatchObject({
      rule: 'yaml-duplicate-key',
      message: 'mapping key "x" already defined at line 3',
      file: 'f.yaml',
      line: 5,
      column: 3,
    });
  });

  it('reports duplicate keys in later documents at file lines', () => {
    const e = failure('a: 1\n---\nb: 1\nb: 2\n');
    expect(e.diagnostic).toMatchObject({ rule: 'yaml-duplicate-key', line: 4, column: 1 });
  });

  it('reports syntax errors with a position', () => {
    const e = failure('a: 1\n---\nb: [1\n');
    expect(e.diagnostic.rule).toBe('yaml-syntax');
    expect(e.diagnostic.file).toBe('f.yaml');
    expect(e.diagnostic.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects content on a separator line', () => {
    expect(failure('a: 1\n--- b: 2\n').diagnostic).toMatchObject({ rule: 'yaml-syntax', line: 2 });
  });

  it('reports non-string keys inside mappings', () => {
    expect(failure('spec:\n  a: 1\n  2: b\n').diagnostic).toMatchObject({
      rule: 'yaml-non-string-key',
      line: 3,
    });
  });

  it('stops alias bombs quickly', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    }
    const started = Date.now();
    expect(failure(lines.join('\n') + '\n').diagnostic.rule).toBe('yaml-alias-limit');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('explains wrong explicit tags', () => {
    expect(failure('v: !!int abc\n').diagnostic.message).toBe('yaml: cannot decode !!str `abc` as a !!int');
  });
});

describe('locateInDocument', () => {
  const text = 'a: 1\n---\nkind: X\nspec:\n  list:\n  - name: one\n  - name: two\n    value: 2\n';
  it.each<[(string | number)[], { line: number; column: number } | undefined]>([
    [[], { line: 3, column: 1 }],
    [['spec'], { line: 4, column: 1 }],
    [['spec', 'list', 1], { line: 7, column: 5 }],
    [['spec', 'list', 1, 'value'], { line: 8, column: 5 }],
    [['spec', 'missing'], undefined],
  ])('%j', (path, expected) => {
    expect(locateInDocument(text, 1, path)).toEqual(expected);
  });
});
