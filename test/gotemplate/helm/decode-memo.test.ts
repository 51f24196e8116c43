import { describe, expect, it } from 'vitest';
import { helmFuncs } from '../../../src/gotemplate/helm/funcs.js';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import { Templates } from '../../../src/gotemplate/template.js';

function chartSet(): Templates {
  const holder: { set?: Templates } = {};
  holder.set = new Templates(
    { ...sprigFuncs(defaultSprigEnv('rel/ns')), ...helmFuncs({ templates: () => holder.set! }) },
    { missingKey: 'zero' },
  );
  return holder.set;
}

// Texts read again in the same execution come from a copy of the first reading: what the
// template changed in one result must not show in the next.
const cases: [string, string, string][] = [
  [
    'a changed map',
    '{{ $a := fromYaml "x: 1\\nl:\\n- k: v" }}{{ $_ := set $a "x" 2 }}{{ $_ := set (index $a.l 0) "k" "w" }}{{ $b := fromYaml "x: 1\\nl:\\n- k: v" }}{{ $b.x }} {{ (index $b.l 0).k }} {{ $a.x }}',
    '1 v 2',
  ],
  [
    'a changed list',
    '{{ $a := fromYamlArray "- 1\\n- 2" }}{{ $_ := append $a 3 }}{{ $b := fromYamlArray "- 1\\n- 2" }}{{ len $b }}',
    '2',
  ],
  [
    'an include read many times',
    '{{ define "d" }}v: {{ .n }}{{ end }}{{ range $i := until 3 }}{{ $m := include "d" (dict "n" 1) | fromYaml }}{{ $m.v }}{{ $_ := set $m "v" 9 }}{{ end }}',
    '111',
  ],
];

describe('fromYaml within one execution', () => {
  it.each(cases)('%s', (_label, text, expected) => {
    const set = chartSet();
    set.parse('t', text);
    expect(set.execute('t', {})).toBe(expected);
    // A second execution starts with nothing remembered and gives the same answer.
    expect(set.execute('t', {})).toBe(expected);
  });
});
