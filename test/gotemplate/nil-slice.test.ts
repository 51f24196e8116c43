import { describe, expect, it } from 'vitest';
import { eq } from '../../src/gotemplate/compare.js';
import { sprintf } from '../../src/gotemplate/fmt.js';
import { jsonMarshal } from '../../src/gotemplate/go-json.js';
import { conversionFuncs as helmConversions } from '../../src/gotemplate/helm/index.js';
import { deepEqual } from '../../src/gotemplate/sprig/reflection.js';
import { defaultSprigEnv, sprigFuncs } from '../../src/gotemplate/sprig/index.js';
import { Templates } from '../../src/gotemplate/template.js';
import { isEmpty, isNilSlice, kindOf, nilSlice, typeOf } from '../../src/gotemplate/value.js';

function render(text: string): string {
  const t = new Templates({ ...sprigFuncs(defaultSprigEnv('test')), ...helmConversions });
  t.parse('t', text);
  return t.execute('t', {});
}

describe('nil slices', () => {
  it('are empty slices everywhere but where Go tells them apart', () => {
    const nil = nilSlice();
    expect(isNilSlice(nil)).toBe(true);
    expect(isNilSlice([])).toBe(false);
    expect(Object.isFrozen(nil)).toBe(true);
    expect([kindOf(nil), typeOf(nil), typeOf(nilSlice('[]string'))]).toEqual([
      'slice',
      '[]interface {}',
      '[]string',
    ]);
    expect(isEmpty(nil)).toBe(true);
    expect(jsonMarshal(nil)).toBe('null');
    expect(jsonMarshal({ a: nil, b: [] })).toBe('{"a":null,"b":[]}');
    expect(sprintf('%v|%#v|%#v|%#v', [nil, nil, nilSlice('[]string'), []])).toBe(
      '[]|[]interface {}(nil)|[]string(nil)|[]interface {}{}',
    );
    expect(deepEqual(nil, [])).toBe(false);
    expect(deepEqual(nil, nilSlice())).toBe(true);
    expect(eq(nil, null)).toBe(true);
    expect(eq(nil, nilSlice())).toBe(true);
    expect(eq([], null)).toBe(false);
  });

  // What Go gives: sprig (list.go, regex.go, strings.go) leaves these slices nil.
  it.each([
    [
      '{{ concat | toJson }}|{{ concat (list) (list) | toJson }}|{{ concat (list 1) | toJson }}',
      'null|null|[1]',
    ],
    ['{{ rest (list) | toJson }}|{{ rest (list 1) | toJson }}|{{ initial (list) | toJson }}', 'null|[]|null'],
    ['{{ regexFindAll "x" "abc" -1 | toJson }}|{{ mustRegexFindAll "a" "aaa" 0 | toJson }}', 'null|null'],
    ['{{ regexSplit "," "a,b" 0 | toJson }}|{{ regexSplit "," "" -1 | toJson }}', 'null|[""]'],
    [
      '{{ regexSplit "," "a" 0 | sortAlpha | toJson }}|{{ regexSplit "," "a" 0 | toStrings | toJson }}',
      'null|null',
    ],
    ['{{ concat | toYaml }}|{{ dict "a" (concat) | toYaml }}', 'null|a: null'],
    [
      '{{ concat }}|{{ len (concat) }}|{{ empty (concat) }}|{{ if concat }}y{{ else }}n{{ end }}',
      '[]|0|true|n',
    ],
    [
      '{{ concat | typeOf }}|{{ concat | kindOf }}|{{ printf "%#v" (concat) }}',
      '[]interface {}|slice|[]interface {}(nil)',
    ],
    ['{{ deepEqual (concat) (list) }}|{{ deepEqual (concat) (rest (list)) }}', 'false|true'],
    ['{{ deepCopy (concat) | toJson }}|{{ dict "a" (concat) | deepCopy | toJson }}', 'null|{"a":null}'],
    ['{{ fromJsonArray "null" | toJson }}|{{ fromJsonArray "[]" | toJson }}', 'null|[]'],
    ['{{ append (concat) 1 | toJson }}|{{ reverse (concat) | toJson }}', '[1]|[]'],
  ])('%s', (text, want) => {
    expect(render(text)).toBe(want);
  });
});
