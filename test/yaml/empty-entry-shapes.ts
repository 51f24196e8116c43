/**
 * Mapping bodies with empty block sequence entries that a less indented `- ` entry follows,
 * the construct js-yaml misreads (see src/yaml/empty-entry-quirk.ts), plus neighbours it must
 * leave alone. Each body is written at column 0; tests indent it under a key.
 */
export const EMPTY_ENTRY_SHAPES: [name: string, body: string][] = [
  ['inner empty entry, then an outer entry', 'a:\n- - \n- x\n'],
  ['no space after the dash', 'a:\n- -\n- x\n'],
  ['comment after the dash', 'a:\n- - # c\n- x\n'],
  ['three levels', 'a:\n- - - \n- x\n'],
  ['four levels', 'a:\n- - - - \n- x\n'],
  ['three levels, a middle entry follows', 'a:\n- - - \n  - y\n- x\n'],
  ['wide indentation', 'a:\n-   - \n-   x\n'],
  ['blank and comment lines in between', 'a:\n- - \n\n  # c\n- x\n'],
  ['comment at column 0 in between', 'a:\n- - \n# c\n- x\n'],
  ['two empty inner sequences in a row', 'a:\n- - \n- - \n- x\n'],
  ['empty entries at two depths', 'a:\n- - \n  - - \n- x\n'],
  ['second inner entry empty', 'a:\n- -\n  -\n- x\n'],
  ['outer entry empty as well', 'a:\n- - \n-\n'],
  ['outer entries after it', 'a:\n- - \n- x\n-\n'],
  ['sequence in a mapping in a sequence', 'a:\n- k:\n  - \n- x\n'],
  ['the same, more indented', 'a:\n- k:\n    - \n- x\n'],
  ['the same, two empty entries', 'a:\n- k:\n  - \n  - \n- x\n'],
  ['the same, a mapping entry follows', 'a:\n- k:\n  - \n  j: 1\n- x\n'],
  ['explicit key with a sequence value', 'a:\n- ? k\n  : - \n- x\n'],
  ['nested sequence in a mapping in a sequence', 'a:\n- k:\n  - - \n  - x\n- y\n'],
  ['a mapping key follows at the outer level', 'a:\n- - \nb: 1\n'],
  ['an entry at the same column follows', 'a:\n- - \n  - y\n- x\n'],
  ['anchored empty entry', 'a:\n- - &n\n- x\n'],
  ['tagged empty entry', 'a:\n- - !!str\n- x\n'],
  ['dashes inside a literal scalar', 'a:\n- s: |\n    - - \n    - x\n- x\n'],
  ['dashes inside a quoted scalar', 'a:\n- "q\n  - - \n  - x"\n- x\n'],
  ['dashes inside a plain scalar', 'a:\n- p\n  - -\n  - x\n- x\n'],
  ['YAML 1.1 words keep their typing', 'a:\n- - \n- y\n- on\n'],
];

/** Bodies go-yaml (v2 and v3) rejects, where js-yaml alone read the entry into the inner sequence. */
export const EMPTY_ENTRY_ERRORS: [name: string, body: string][] = [
  ['entry between the two columns', 'a:\n- - \n - x\n'],
  ['entry at the column of a mapping', 'a:\n  k:\n    - \n  - x\n'],
  ['entry at the column of a mapping in a sequence', 'a:\n- k:\n    -\n  - x\n'],
];

/** `body` with every non-empty line indented by `n` spaces. */
export function indent(body: string, n: number): string {
  return body.replace(/^(?=.)/gm, ' '.repeat(n));
}
