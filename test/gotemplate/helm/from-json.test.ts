import { describe, expect, it } from 'vitest';
import { fromJson, fromJsonArray } from '../../../src/gotemplate/helm/from-json.js';

// [input, fromJson, fromJsonArray] as helm v4.1.4 answered them (through toJson).
const recorded: [string, unknown, unknown][] = [
  ['', { Error: 'unexpected end of JSON input' }, ['unexpected end of JSON input']],
  ['   ', { Error: 'unexpected end of JSON input' }, ['unexpected end of JSON input']],
  ['{', { Error: 'unexpected end of JSON input' }, ['unexpected end of JSON input']],
  ['{"a":1', { Error: 'unexpected end of JSON input' }, ['unexpected end of JSON input']],
  [
    '{"a" 1}',
    { Error: "invalid character '1' after object key" },
    ["invalid character '1' after object key"],
  ],
  [
    '{"a":1,}',
    { Error: "invalid character '}' looking for beginning of object key string" },
    ["invalid character '}' looking for beginning of object key string"],
  ],
  [
    '{a:1}',
    { Error: "invalid character 'a' looking for beginning of object key string" },
    ["invalid character 'a' looking for beginning of object key string"],
  ],
  [
    '[1,]',
    { Error: "invalid character ']' looking for beginning of value" },
    ["invalid character ']' looking for beginning of value"],
  ],
  [
    '[1 2]',
    { Error: "invalid character '2' after array element" },
    ["invalid character '2' after array element"],
  ],
  ['[1,2]', { Error: 'json: cannot unmarshal array into Go value of type map[string]interface {}' }, [1, 2]],
  [
    '"s"',
    { Error: 'json: cannot unmarshal string into Go value of type map[string]interface {}' },
    ['json: cannot unmarshal string into Go value of type []interface {}'],
  ],
  [
    '12',
    { Error: 'json: cannot unmarshal number into Go value of type map[string]interface {}' },
    ['json: cannot unmarshal number into Go value of type []interface {}'],
  ],
  [
    'true',
    { Error: 'json: cannot unmarshal bool into Go value of type map[string]interface {}' },
    ['json: cannot unmarshal bool into Go value of type []interface {}'],
  ],
  [
    'nul',
    { Error: "invalid character ' ' in literal null (expecting 'l')" },
    ["invalid character ' ' in literal null (expecting 'l')"],
  ],
  [
    'tru',
    { Error: "invalid character ' ' in literal true (expecting 'e')" },
    ["invalid character ' ' in literal true (expecting 'e')"],
  ],
  [
    'trux',
    { Error: "invalid character 'x' in literal true (expecting 'e')" },
    ["invalid character 'x' in literal true (expecting 'e')"],
  ],
  [
    '{"a":1} x',
    { Error: "invalid character 'x' after top-level value" },
    ["invalid character 'x' after top-level value"],
  ],
  [
    '01',
    { Error: "invalid character '1' after top-level value" },
    ["invalid character '1' after top-level value"],
  ],
  [
    '1.',
    { Error: "invalid character ' ' after decimal point in numeric literal" },
    ["invalid character ' ' after decimal point in numeric literal"],
  ],
  [
    '1.5e',
    { Error: "invalid character ' ' in exponent of numeric literal" },
    ["invalid character ' ' in exponent of numeric literal"],
  ],
  [
    '1.5e+x',
    { Error: "invalid character 'x' in exponent of numeric literal" },
    ["invalid character 'x' in exponent of numeric literal"],
  ],
  ['-', { Error: "invalid character ' ' in numeric literal" }, ["invalid character ' ' in numeric literal"]],
  ['-a', { Error: "invalid character 'a' in numeric literal" }, ["invalid character 'a' in numeric literal"]],
  [
    '"a\tb"',
    { Error: "invalid character '\\t' in string literal" },
    ["invalid character '\\t' in string literal"],
  ],
  [
    '"\\x"',
    { Error: "invalid character 'x' in string escape code" },
    ["invalid character 'x' in string escape code"],
  ],
  [
    '"\\u12g4"',
    { Error: "invalid character 'g' in \\u hexadecimal character escape" },
    ["invalid character 'g' in \\u hexadecimal character escape"],
  ],
  [
    '{"a":{"b":[1,{"c":null}]}}',
    { a: { b: [1, { c: null }] } },
    ['json: cannot unmarshal object into Go value of type []interface {}'],
  ],
  [
    "'a'",
    { Error: "invalid character '\\'' looking for beginning of value" },
    ["invalid character '\\'' looking for beginning of value"],
  ],
  [
    'é',
    { Error: "invalid character 'Ã' looking for beginning of value" },
    ["invalid character 'Ã' looking for beginning of value"],
  ],
  ['{"a":1}\n', { a: 1 }, ['json: cannot unmarshal object into Go value of type []interface {}']],
  [
    '[1]]',
    { Error: "invalid character ']' after top-level value" },
    ["invalid character ']' after top-level value"],
  ],
  ['{"a":1,"a":2}', { a: 2 }, ['json: cannot unmarshal object into Go value of type []interface {}']],
  [
    '[ ]',
    { Error: "invalid character 'Â' looking for beginning of value" },
    ["invalid character 'Â' looking for beginning of value"],
  ],
];

describe('fromJson / fromJsonArray', () => {
  it.each(recorded)('%j', (input, map, list) => {
    expect(JSON.parse(JSON.stringify(fromJson(input)))).toEqual(map);
    expect(JSON.parse(JSON.stringify(fromJsonArray(input)))).toEqual(list);
  });

  it('keeps __proto__ as a key', () => {
    expect(Object.hasOwn(fromJson('{"__proto__":{"x":1}}'), '__proto__')).toBe(true);
  });

  // Go gives a nil map or slice for `null`; the value model has no typed nil, so they are empty.
  it('reads null as empty', () => {
    expect(fromJson('null')).toEqual({});
    expect(fromJsonArray('null')).toEqual([]);
  });

  it('refuses nesting deeper than Go does, without overflowing', () => {
    expect(fromJson('['.repeat(20000))).toEqual({ Error: "invalid character '[' exceeded max depth" });
  });
});
