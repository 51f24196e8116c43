import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conversionFuncs as helmConversions } from '../../../src/gotemplate/helm/index.js';
import { Templates } from '../../../src/gotemplate/template.js';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import type { GoValue } from '../../../src/gotemplate/value.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

function render(text: string, data: GoValue = {}): string {
  // helm's toJson and friends, to compare with the battery's recorded output
  const funcs = { ...sprigFuncs(defaultSprigEnv('test')), ...helmConversions };
  const t = new Templates(funcs, { missingKey: 'zero' });
  t.parse('t', text);
  return t.execute('t', data);
}

describe('sprig functions through the template engine', () => {
  it.each([
    ['{{ "abcdef" | trunc 3 }}', 'abc'],
    ['{{ list 1 2 3 | last }}', '3'],
    ['{{ add 1 2 | typeOf }}', 'int64'],
    ['{{ until 3 }}', '[0 1 2]'],
    ['{{ splitList "," "a,b" }}', '[a b]'],
    ['{{ (split "," "a,b")._1 }}', 'b'],
    ['{{ rest (list) }}', '[]'],
    ['{{ dict "b" 2 "a" 1 }}', 'map[a:1 b:2]'],
    ['{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ keys $d | sortAlpha }}', '[a b]'],
    ['{{ plural "one" "many" 1.0 }}', 'one'],
    ['{{ seq 3 }}|{{ seq 5 2 }}', '1 2 3|5 4 3 2'],
    ['{{ divf 1 3 }}|{{ mulf 1.1 3 }}', '0.3333333333333333|3.3'],
  ])('%s', (text, want) => {
    expect(render(text)).toBe(want);
  });

  it.each([
    ['{{ first "abc" }}', 'error calling first: Cannot find first on type string'],
    ['{{ trunc (int64 2) "abc" }}', 'wrong type for value; expected int; got int64'],
    ['{{ div 1 0 }}', 'error calling div: runtime error: integer divide by zero'],
    ['{{ until 100000000 }}', 'error calling until: until would produce 100000000 elements'],
  ])('%s fails as helm does', (text, message) => {
    expect(() => render(text)).toThrow(message);
  });
});

describe.skipIf(!sharedAvailable())('the battery cases of these functions', () => {
  const ids = [
    ...['indent', 'default', 'quote', 'int-conv', 'toString', 'trunc-trim', 'kindIs', 'ternary'],
    ...['math', 'empty', 'coalesce', 'strings', 'dict-set', 'merge', 'mergeOverwrite', 'merge-falsy'],
    ...['list-append', 'until-join', 'dig-get-pick', 'deepCopy-uniq', 'slice-sprig'],
  ];

  it.each(ids)('%s renders as helm v4.1.4', async (id) => {
    const battery = join(SHARED_DIR, 'helm/battery');
    const { cases, data } = (await import(pathToFileURL(join(battery, 'cases.mjs')).href)) as {
      cases: [string, string, string][];
      data: GoValue;
    };
    const { readFile } = await import('node:fs/promises');
    const answers = JSON.parse(await readFile(join(battery, 'helm-v4.1.4-out.json'), 'utf8')) as Record<
      string,
      { ok: boolean; v?: string; err?: string }
    >;
    const text = cases.find(([name]) => name === id)?.[1] ?? '';
    const answer = answers[id];
    expect(answer).toBeDefined();
    if (answer?.ok) {
      expect(render(text, { Values: data })).toBe(answer.v);
    } else {
      // helm wraps the error in its tpl and file context; the function's own words must match.
      const err = (answer?.err ?? '').split('\n')[0] ?? '';
      expect(err).toContain('error calling ');
      const words = err.slice(err.lastIndexOf('error calling '));
      expect(() => render(text, { Values: data })).toThrow(words);
    }
  });
});
