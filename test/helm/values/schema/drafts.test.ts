import { describe, expect, it } from 'vitest';
import { compileSchema, SchemaCompileError } from '../../../../src/helm/values/schema/compile.js';
import { draftOf } from '../../../../src/helm/values/schema/draft.js';
import { parseSchemaJson } from '../../../../src/helm/values/schema/json.js';
import { errorsOf } from './helpers.js';

const D4 = 'http://json-schema.org/draft-04/schema#';
const D6 = 'http://json-schema.org/draft-06/schema#';
const D7 = 'http://json-schema.org/draft-07/schema#';
const D2019 = 'https://json-schema.org/draft/2019-09/schema';
const D2020 = 'https://json-schema.org/draft/2020-12/schema';
const withDraft = (draft: string, rest: string) => `{"$schema":"${draft}",${rest}}`;

describe('$schema', () => {
  it.each([
    [D4, 4],
    [D6, 6],
    [D7, 7],
    ['https://json-schema.org/draft-07/schema', 7],
    [D2019, 2019],
    [D2020, 2020],
    ['http://json-schema.org/schema#', 2020],
    ['http://example.com/schema', undefined],
  ])('%s is draft %s', (url, draft) => {
    expect(draftOf(url)).toBe(draft);
  });

  it('an unknown $schema is reported, never fetched', () => {
    expect(() => compileSchema(parseSchemaJson('{"$schema":"http://example.com/s"}'))).toThrow(
      SchemaCompileError,
    );
  });
});

// [name, schema, values, helm's lines]
const CASES: [string, string, unknown, string][] = [
  [
    'format asserted in draft-07',
    withDraft(D7, '"format":"email"'),
    'x',
    "- at '': 'x' is not valid email: missing @",
  ],
  [
    'format asserted in draft-04',
    withDraft(D4, '"format":"ipv4"'),
    '1.2.3',
    "- at '': '1.2.3' is not valid ipv4: expected four decimals",
  ],
  ['format not asserted in 2019-09', withDraft(D2019, '"format":"email"'), 'x', ''],
  ['format not asserted by default', '{"format":"email"}', 'x', ''],
  ['unknown format ignored', withDraft(D7, '"format":"int32"'), 'x', ''],
  [
    '$ref hides siblings in draft-07',
    withDraft(D7, '"$ref":"#/definitions/s","type":"number","definitions":{"s":{}}'),
    'x',
    '',
  ],
  [
    '$ref keeps siblings in 2019-09',
    withDraft(D2019, '"$ref":"#/$defs/s","type":"number","$defs":{"s":{}}'),
    'x',
    "- at '': got string, want number",
  ],
  [
    'exclusiveMaximum boolean in draft-04',
    withDraft(D4, '"maximum":5,"exclusiveMaximum":true'),
    5,
    "- at '': exclusiveMaximum: got 5, want 5",
  ],
  ['const ignored in draft-04', withDraft(D4, '"const":1'), 2, ''],
  ['const in draft-06', withDraft(D6, '"const":1'), 2, "- at '': value must be 1"],
  ['if ignored in draft-06', withDraft(D6, '"if":true,"then":false'), 1, ''],
  ['if in draft-07', withDraft(D7, '"if":true,"then":false'), 1, "- at '': false schema"],
  [
    'dependencies in draft-07',
    withDraft(D7, '"dependencies":{"k":["x"]}'),
    { k: 1 },
    "- at '': properties 'x' required, if 'k' exists",
  ],
  ['dependentRequired ignored in draft-07', withDraft(D7, '"dependentRequired":{"k":["x"]}'), { k: 1 }, ''],
  [
    'items list in draft-07',
    withDraft(D7, '"items":[{"type":"string"}],"additionalItems":false'),
    ['x', 1, 2],
    "- at '': last 2 additionalItem(s) not allowed",
  ],
  [
    'items list ignored as prefix in 2020',
    withDraft(D2020, '"prefixItems":[{"type":"string"}]'),
    [1],
    "- at '/0': got number, want string",
  ],
  ['propertyNames ignored in draft-04', withDraft(D4, '"propertyNames":false'), { a: 1 }, ''],
  [
    '$id anchors in draft-07',
    withDraft(D7, '"$ref":"#s","definitions":{"s":{"$id":"#s","type":"string"}}'),
    1,
    "- at '': got number, want string",
  ],
  [
    'id anchors in draft-04',
    withDraft(D4, '"$ref":"#s","definitions":{"s":{"id":"#s","type":"string"}}'),
    1,
    "- at '': got number, want string",
  ],
];

describe('keywords per draft', () => {
  it.each(CASES)('%s', (_name, schema, values, expected) => {
    expect(errorsOf(schema, values)).toBe(expected);
  });
});
