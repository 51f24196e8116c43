/**
 * Schemas and values for the values.schema.json differential test: each keyword of each draft
 * helm's validator knows, its error text, and the ways a schema itself can be broken.
 */
export interface SchemaCase {
  name: string;
  /** values.schema.json (omitted: the chart has none). */
  schema?: string;
  /** The user values file. */
  values: string;
  /** Other chart files (subcharts, values.yaml). */
  files?: Record<string, string>;
  chartYaml?: string;
  /** Whether helm must reject the values (guards against a case that tests nothing). */
  fails?: boolean;
}

const D4 = '"$schema": "http://json-schema.org/draft-04/schema#"';
const D6 = '"$schema": "http://json-schema.org/draft-06/schema#"';
const D7 = '"$schema": "http://json-schema.org/draft-07/schema#"';
const D2019 = '"$schema": "https://json-schema.org/draft/2019-09/schema"';
const D2020 = '"$schema": "https://json-schema.org/draft/2020-12/schema"';

const props = (draft: string, properties: string, extra = ''): string =>
  `{${draft}${draft ? ',' : ''}"properties":{${properties}}${extra}}`;

const SUB = (name: string, schema: string): Record<string, string> => ({
  [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
  [`charts/${name}/values.schema.json`]: schema,
});

export const CASES: SchemaCase[] = [
  { name: 'type string', schema: props('', '"a":{"type":"string"}'), values: 'a: 1\n', fails: true },
  {
    name: 'type integer vs float',
    schema: props(D7, '"a":{"type":"integer"}'),
    values: 'a: 1.5\n',
    fails: true,
  },
  {
    name: 'type integer admits 2.0',
    schema: props(D7, '"a":{"type":"integer"}'),
    values: 'a: 2.0\n',
    fails: false,
  },
  {
    name: 'type list',
    schema: props('', '"a":{"type":["string","null","object"]}'),
    values: 'a: [1]\n',
    fails: true,
  },
  { name: 'required one', schema: '{"required":["a"]}', values: 'b: 1\n', fails: true },
  { name: 'required several', schema: '{"required":["a","b","c"]}', values: 'b: 1\n', fails: true },
  {
    name: 'enum primitives',
    schema: props('', '"a":{"enum":["x", 1, 1e21, 0.00001, true, null]}'),
    values: 'a: zz\n',
    fails: true,
  },
  { name: 'enum single', schema: props('', '"a":{"enum":["x"]}'), values: 'a: y\n', fails: true },
  { name: 'enum composite', schema: props('', '"a":{"enum":[{"x":1}, 2]}'), values: 'a: y\n', fails: true },
  { name: 'const', schema: props(D6, '"a":{"const":"it\'s"}'), values: 'a: y\n', fails: true },
  { name: 'const composite', schema: props('', '"a":{"const":[1]}'), values: 'a: [2]\n', fails: true },
  {
    name: 'numbers localised',
    schema: props('', '"a":{"minimum":1000,"maximum":2000}'),
    values: 'a: 5\n',
    fails: true,
  },
  {
    name: 'numbers in powers of ten',
    schema: props('', '"a":{"maximum":-5000000}'),
    values: 'a: 12345678.125\n',
    fails: true,
  },
  {
    name: 'tiny numbers',
    schema: props('', '"a":{"minimum":1}'),
    values: 'a: 0.0000015\n',
    fails: true,
  },
  {
    name: 'exclusive bounds 2020',
    schema: props(D2020, '"a":{"exclusiveMinimum":5},"b":{"exclusiveMaximum":5}'),
    values: 'a: 5\n',
    fails: true,
  },
  {
    name: 'exclusiveMaximum boolean draft-04',
    schema: props(D4, '"a":{"maximum":5,"exclusiveMaximum":true}'),
    values: 'a: 5\n',
    fails: true,
  },
  {
    name: 'multipleOf exact decimals',
    schema: props('', '"a":{"multipleOf":0.1},"b":{"multipleOf":0.3}'),
    values: 'a: 0.3\nb: 1\n',
    fails: true,
  },
  {
    name: 'string lengths in runes',
    schema: props('', '"a":{"minLength":5},"b":{"maxLength":1}'),
    values: 'a: héé\n',
    fails: true,
  },
  {
    name: 'pattern quoting',
    schema: props('', '"a":{"pattern":"^x\'[0-9]+$"}'),
    values: 'a: "it\'s \\"q\\"\\n"\n',
    fails: true,
  },
  {
    name: 'two errors on one value',
    schema: props('', '"a":{"minLength":3,"pattern":"^x"}'),
    values: 'a: ab\n',
    fails: true,
  },
  {
    name: 'additionalProperties false',
    schema: props('', '"a":{}', ',"additionalProperties":false'),
    values: 'a: 1\nzz: 2\n',
    fails: true,
  },
  {
    name: 'additionalProperties schema',
    schema: props('', '"a":{}', ',"additionalProperties":{"type":"string"}'),
    values: 'zz: 2\n',
    fails: true,
  },
  {
    name: 'patternProperties',
    schema: '{"patternProperties":{"^x-":{"type":"integer"}},"additionalProperties":false}',
    values: 'x-a: s\n',
    fails: true,
  },
  {
    name: 'items 2020',
    schema: props('', '"a":{"items":{"type":"string"}}'),
    values: 'a: [x, 1]\n',
    fails: true,
  },
  {
    name: 'prefixItems',
    schema: props(D2020, '"a":{"prefixItems":[{"type":"string"}],"items":false}'),
    values: 'a: [1, 2]\n',
    fails: true,
  },
  {
    name: 'items array draft-07',
    schema: props(D7, '"a":{"items":[{"type":"string"}],"additionalItems":false}'),
    values: 'a: [x, 2, 3]\n',
    fails: true,
  },
  {
    name: 'additionalItems schema draft-07',
    schema: props(D7, '"a":{"items":[{"type":"string"}],"additionalItems":{"type":"string"}}'),
    values: 'a: [x, z, 3]\n',
    fails: true,
  },
  {
    name: 'items after prefixItems',
    schema: props('', '"a":{"prefixItems":[{"type":"string"},{}],"items":{"type":"string"}}'),
    values: 'a: [x, z, 3, 4]\n',
    fails: true,
  },
  {
    name: 'contains',
    schema: props(D7, '"a":{"contains":{"type":"string"}}'),
    values: 'a: [1, 2]\n',
    fails: true,
  },
  {
    name: 'minContains 2019',
    schema: props(D2019, '"a":{"contains":{"type":"string"},"minContains":2,"maxContains":3}'),
    values: 'a: [x, 2]\n',
    fails: true,
  },
  {
    name: 'uniqueItems and item counts',
    schema: props('', '"a":{"uniqueItems":true,"maxItems":2},"b":{"minItems":1}'),
    values: 'a: [1, {x: 1}, {x: 1.0}]\n',
    fails: true,
  },
  {
    name: 'property counts',
    schema: props('', '"a":{"minProperties":2},"b":{"maxProperties":0}'),
    values: 'a: {x: 1}\n',
    fails: true,
  },
  {
    name: 'allOf nested',
    schema: props('', '"a":{"allOf":[{"type":"object"},{"required":["x"]}]}'),
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'anyOf',
    schema: props('', '"a":{"anyOf":[{"type":"string"},{"type":"boolean"}]}'),
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'oneOf none',
    schema: props('', '"a":{"oneOf":[{"type":"string"},{"type":"boolean"}]}'),
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'oneOf two',
    schema: props('', '"a":{"oneOf":[{"type":"number"},{"minimum":0},{"type":"integer"}]}'),
    values: 'a: 1\n',
    fails: true,
  },
  { name: 'not', schema: props('', '"a":{"not":{"type":"number"}}'), values: 'a: 1\n', fails: true },
  {
    name: 'if then else',
    schema: props(
      D7,
      '"a":{"if":{"properties":{"k":{"const":"x"}}},"then":{"required":["x"]},"else":{"required":["y"]}}',
    ),
    values: 'a: {k: z}\n',
    fails: true,
  },
  {
    name: 'dependentRequired 2019',
    schema: props(D2019, '"a":{"dependentRequired":{"k":["x","y"]}}'),
    values: 'a: {k: 1}\n',
    fails: true,
  },
  {
    name: 'dependencies draft-07',
    schema: props(D7, '"a":{"dependencies":{"k":["x"],"j":{"required":["z"]}}}'),
    values: 'a: {k: 1}\nb: {j: 1}\n',
    fails: true,
  },
  {
    name: 'ref with several errors',
    schema:
      '{"properties":{"a":{"$ref":"#/$defs/s"}},"$defs":{"s":{"type":"string","minLength":3,"pattern":"^x"}}}',
    values: 'a: ab\n',
    fails: true,
  },
  {
    name: 'ref with one error',
    schema: '{"properties":{"a":{"$ref":"#/$defs/s","minimum":5}},"$defs":{"s":{"type":"string"}}}',
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'ref siblings ignored before 2019',
    schema: props(
      D7,
      '"a":{"$ref":"#/definitions/s","type":"number"}',
      ',"definitions":{"s":{"type":"string"}}',
    ),
    values: 'a: x\n',
    fails: false,
  },
  {
    name: 'ref by id anchor draft-07',
    schema: props(D7, '"a":{"$ref":"#str"}', ',"definitions":{"s":{"$id":"#str","type":"string"}}'),
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'ref by $anchor 2020',
    schema: '{"properties":{"a":{"$ref":"#str"}},"$defs":{"s":{"$anchor":"str","type":"string"}}}',
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'ref pointer escapes',
    schema: '{"properties":{"a":{"$ref":"#/$defs/x~1y%25"}},"$defs":{"x/y%":{"type":"string"}}}',
    values: 'a: 1\n',
    fails: true,
  },
  {
    name: 'ref not found',
    schema: '{"properties":{"a":{"$ref":"#/$defs/nope"}}}',
    values: 'a: 1\n',
    fails: true,
  },
  { name: 'anchor not found', schema: '{"$ref":"#nope"}', values: 'a: 1\n', fails: true },
  {
    name: 'recursive ref',
    schema: '{"properties":{"a":{"$ref":"#"}},"type":"object","required":["n"]}',
    values: 'n: 1\na: {a: {n: 1}}\n',
    fails: true,
  },
  {
    name: 'format draft-07 email',
    schema: props(D7, '"e":{"format":"email"}'),
    values: 'e: nope\n',
    fails: true,
  },
  {
    name: 'format draft-07 date',
    schema: props(D7, '"d":{"format":"date"},"t":{"format":"date-time"}'),
    values: 'd: 2020-13-01\nt: 2020-01-01T25:00:00Z\n',
    fails: true,
  },
  {
    name: 'format draft-07 network',
    schema: props(D7, '"i":{"format":"ipv4"},"h":{"format":"hostname"},"u":{"format":"uri"}'),
    values: 'i: 1.2.3\nh: -bad-\nu: nope\n',
    fails: true,
  },
  {
    name: 'format draft-07 misc',
    schema: props(
      D7,
      '"u":{"format":"uuid"},"p":{"format":"json-pointer"},"r":{"format":"regex"},"k":{"format":"int32"}',
    ),
    values: 'u: 1234\np: a/b\nr: "("\nk: x\n',
    fails: true,
  },
  {
    name: 'format not asserted in 2019 and 2020',
    schema: props(D2019, '"e":{"format":"email"}'),
    values: 'e: nope\n',
    fails: false,
  },
  {
    name: 'unevaluatedProperties',
    schema: '{"allOf":[{"properties":{"a":{}}}],"unevaluatedProperties":false}',
    values: 'a: 1\nb: 2\n',
    fails: true,
  },
  {
    name: 'propertyNames',
    schema: '{"propertyNames":{"pattern":"^[a-z]+$"}}',
    values: 'Bad: 1\n',
    fails: true,
  },
  { name: 'false schema', schema: 'false', values: 'a: 1\n', fails: true },
  { name: 'true schema', schema: 'true', values: 'a: 1\n', fails: false },
  { name: 'invalid json', schema: '{"type":', values: 'a: 1\n', fails: true },
  { name: 'invalid json literal', schema: '{"a":tru}', values: 'a: 1\n', fails: true },
  { name: 'empty schema file', schema: '', values: 'a: 1\n', fails: true },
  { name: 'trailing data', schema: '{} x', values: 'a: 1\n', fails: true },
  {
    name: 'invalid pattern draft-07',
    schema: props(D7, '"a":{"pattern":"("}'),
    values: 'a: x\n',
    fails: true,
  },
  {
    name: 'pointer escaping in paths',
    schema: '{"additionalProperties":{"additionalProperties":{"type":"string"}}}',
    values: '"a/b": {"c~d": 1}\n',
    fails: true,
  },
  {
    name: 'null deletes a required default',
    schema: '{"required":["a"]}',
    values: 'a: null\n',
    files: { 'values.yaml': 'a: 1\n' },
    fails: true,
  },
  { name: 'valid values render', schema: props('', '"a":{"type":"string"}'), values: 'a: x\n', fails: false },
  { name: 'no schema', values: 'a: 1\n', fails: false },
  {
    name: 'subcharts, alias and disabled',
    schema: props('', '"x":{"type":"string"}'),
    values: 'x: 1\ns1:\n  enabled: false\n',
    chartYaml:
      'apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n- name: s2\n  version: "*"\n' +
      '- name: s1\n  version: "*"\n  alias: other\n- name: s1\n  version: "*"\n  condition: s1.enabled\n',
    files: {
      ...SUB('s1', '{"required":["need"]}'),
      ...SUB('s2', '{"properties":{"global":{"type":"string"}}}'),
    },
    fails: true,
  },
  {
    name: 'subchart only',
    values: 's2:\n  need2: 1\n',
    chartYaml: 'apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n- name: s2\n  version: "*"\n',
    files: SUB('s2', '{"properties":{"need2":{"type":"string"}}}'),
    fails: true,
  },
  {
    name: 'draft-06 schema keywords',
    schema: props(D6, '"a":{"contains":{"const":3},"propertyNames":{"maxLength":1}}'),
    values: 'a: [1]\n',
    fails: true,
  },
  {
    name: 'http schema id is draft 2020',
    schema: '{"$schema":"http://json-schema.org/schema#","properties":{"a":{"type":"string"}}}',
    values: 'a: 1\n',
    fails: true,
  },
];
