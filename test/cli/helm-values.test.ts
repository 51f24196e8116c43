/** User values merged as helm's MergeValues does: files, documents, then the --set family. */
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { composeValues, parseValuesFile } from '../../src/cli/helm-values.js';

const noFiles = (path: string): string => {
  throw new Error(`open ${path}: no such file or directory`);
};

describe('parseValuesFile', () => {
  it.each([
    ['a: 1\n', { a: 1 }],
    ['', {}],
    ['# only a comment\n', {}],
    ['a: 1\nm: {x: 1}\n---\nb: 2\nm: {p: 2}\n', { a: 1, b: 2, m: { x: 1, p: 2 } }],
    ['---\na: 1\n--- # next\na: 2\n---\n', { a: 2 }],
    ['a: [1, 2]\n---\na: [3]\n', { a: [3] }],
    ['a: {x: 1}\n---\na: null\n', { a: null }],
  ])('%j → %j', (text, expected) => {
    expect(parseValuesFile(text, 'v.yaml')).toEqual(expected);
  });

  it('rejects text after a document separator, at its line', () => {
    const e = (() => {
      try {
        parseValuesFile('a: 1\n--- b: 2\n', 'v.yaml');
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(DiagnosticError);
    expect((e as DiagnosticError).diagnostic).toMatchObject({ file: 'v.yaml', line: 2 });
  });

  it('reports a YAML error in a later document at its line in the file', () => {
    const e = (() => {
      try {
        parseValuesFile('a: 1\n---\nb: 2\nc: [\n', 'v.yaml');
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(DiagnosticError);
    expect((e as DiagnosticError).diagnostic.line).toBeGreaterThanOrEqual(4);
  });
});

describe('composeValues', () => {
  it('merges files in order, maps deeply, lists replaced', () => {
    const out = composeValues(
      [
        { kind: 'yaml', name: 'a.yaml', text: 'm: {x: 1, p: 1}\nl: [1, 2]\n' },
        { kind: 'yaml', name: 'b.yaml', text: 'm: {p: 2}\nl: [3]\n' },
        { kind: 'object', value: { m: { z: 3 } } },
      ],
      noFiles,
    );
    expect(out).toEqual({ m: { x: 1, p: 2, z: 3 }, l: [3] });
  });

  it('applies the --set family after the files, in the order given', () => {
    const out = composeValues(
      [
        { kind: 'yaml', name: 'a.yaml', text: 'a: 1\nb: x\n' },
        { kind: 'set', argument: 'a=2' },
        { kind: 'set-string', argument: 'a=3' },
        { kind: 'set-file', argument: 'c=f.txt' },
      ],
      (path) => `read ${path}`,
    );
    expect(out).toEqual({ a: '3', b: 'x', c: 'read f.txt' });
  });

  it('words a --set-file read failure as helm does', () => {
    expect(() => composeValues([{ kind: 'set-file', argument: 'c=f.txt' }], noFiles)).toThrow(
      /failed parsing --set-file data: open f\.txt: no such file or directory/,
    );
  });
});
