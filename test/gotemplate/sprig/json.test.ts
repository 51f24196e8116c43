import { describe, expect, it } from 'vitest';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import { Templates } from '../../../src/gotemplate/template.js';
import type { GoValue } from '../../../src/gotemplate/value.js';
import { call, callError } from './call.js';

function render(text: string): string {
  const t = new Templates(sprigFuncs(defaultSprigEnv('test')));
  t.parse('t', text);
  return t.execute('t', {});
}

describe("sprig's JSON functions", () => {
  // Answers of helm v4.1.4 (the battery's sprig-defaults cases) and of sprig's Go code.
  it.each<[string, string]>([
    [
      '{{ toPrettyJson (dict "b" (list 1 2) "a" (dict) "c" (list)) }}',
      '{\n  "a": {},\n  "b": [\n    1,\n    2\n  ],\n  "c": []\n}',
    ],
    ['{{ toPrettyJson "<x>" }}|{{ toPrettyJson 1 }}', '"\\u003cx\\u003e"|1'],
    [
      '{{ toRawJson (dict "h" "<a&b>" "l" (list 1)) }}|{{ mustToRawJson "<>" }}',
      '{"h":"<a&b>","l":[1]}|"<>"',
    ],
    ['{{ mustToPrettyJson (list) }}|{{ mustToJson "<>" }}', '[]|"\\u003c\\u003e"'],
    ['[{{ toPrettyJson (mulf 1e200 1e200) }}]|[{{ toJson (mulf 1e200 1e200) }}]', '[]|[]'],
    [
      '{{ mustFromJson "{\\"a\\":1}" | toJson }}|{{ mustFromJson "[1]" | toJson }}|{{ mustFromJson "\\"s\\"" }}',
      '{"a":1}|[1]|s',
    ],
    ['{{ fromJson "{bad" | toJson }}|{{ fromJson "2" | typeOf }}', 'null|float64'],
  ])('%s', (text, want) => {
    expect(render(text)).toBe(want);
  });

  it.each<[string, GoValue, string]>([
    ['mustFromJson', '{bad', "invalid character 'b' looking for beginning of object key string"],
    ['mustToPrettyJson', Infinity, 'json: unsupported value: +Inf'],
    ['toRawJson', NaN, 'json: unsupported value: NaN'],
    ['mustToRawJson', -Infinity, 'json: unsupported value: -Inf'],
  ])('%s fails with Go words', (name, arg, want) => {
    expect(callError(name, arg)).toBe(want);
  });

  it('keeps __proto__ as a key', () => {
    expect(Object.keys(call('mustFromJson', '{"__proto__":1}') as object)).toEqual(['__proto__']);
  });
});
