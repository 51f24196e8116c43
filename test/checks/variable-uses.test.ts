/** The `${VAR}` scan of unresolved-variable: one pass over the text, same uses as line by line. */
import { describe, expect, it } from 'vitest';
import { usedVariables, VariableSources } from '../../src/checks/cluster/variable-uses.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { splitDocuments } from '../../src/yaml/documents.js';

/** The reference: each line matched on its own, comment lines skipped. */
function byLine(text: string, firstLine: number): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('#')) return;
    for (const m of line.matchAll(/\$\$|\$\{([_A-Za-z][_A-Za-z0-9]*)([^}]*)\}/g)) {
      const [, name, op = ''] = m;
      if (name !== undefined && !/^:?[-=+?]/.test(op)) out.push({ name, line: firstLine + i + 1 });
    }
  });
  return out;
}

const TEXTS: Record<string, string> = {
  plain: 'a: ${A}\nb: x-${B}-${C}\n',
  fallbacks: 'a: ${A:-x} ${B-x} ${C:=y} ${D=y} ${E:+z} ${F?e} ${G:?e} ${H:0:2} ${I/x/y}\n',
  escapes: 'a: $${A} $$${B} $$$${C} $$\n$${D}\n',
  comments: '# ${A}\n  # ${B}\n\t# ${C}\na: ${D} # ${E}\n \u00a0# ${F}\n\ufeff# ${G}\n',
  'unclosed across lines': 'a: ${A\n}\nb: ${B:-x\n} ${C}\nc: ${D',
  'bad names': 'a: ${1A} ${} ${-} ${A-B} ${_} ${a_1}\n',
  crlf: 'a: ${A}\r\n# ${B}\r\nb: ${C:-x\r}\r\n',
  'no trailing newline': 'a: x\n\nb: ${A}',
  'several on a line after a comment-like value': 'a: "#" ${A}\nb: ${B}${C}${B}\n',
  none: 'a: $A $(B) {C}\n',
  empty: '',
};

describe('usedVariables', () => {
  it.each(Object.entries(TEXTS))('%s', (_, text) => {
    for (const firstLine of [0, 7]) expect(usedVariables(text, firstLine)).toEqual(byLine(text, firstLine));
  });
});

describe('VariableSources', () => {
  const files = {
    'a.yaml': 'x: ${A}\n---\n# c\ny: ${B}\n---\nz: 1\n',
    'plain.yaml': 'x: 1\n',
    'broken.yaml': 'x: ${A}\n--- y\n',
  };
  const sources = new VariableSources(memoryTree(files));

  it('scans each document of a file, found by its content line', () => {
    for (const chunk of splitDocuments(files['a.yaml'])) {
      expect(sources.inDocument('a.yaml', chunk.contentLine)).toEqual(
        usedVariables(chunk.text, chunk.firstLine),
      );
    }
    expect(sources.inDocument('a.yaml', 2)).toBeUndefined();
    expect(sources.inFile('a.yaml')).toEqual([
      { name: 'A', line: 1 },
      { name: 'B', line: 4 },
    ]);
  });

  it('has no documents for files without variables, that do not split, or are missing', () => {
    expect(sources.inDocument('plain.yaml', 1)).toBeUndefined();
    expect(sources.inDocument('broken.yaml', 1)).toBeUndefined();
    expect(sources.inDocument('missing.yaml', 1)).toBeUndefined();
    expect(sources.inFile('missing.yaml')).toBeUndefined();
  });
});
