import { describe, expect, it } from 'vitest';
import { QUANTITY_PATTERN } from '../../src/schemas/kubernetes-openapi.js';
import { interpretSchema, SchemaInterpreter } from '../../src/schemas/interpret.js';
import { oracleAjv } from './ajv-oracle.js';

/**
 * The interpreter must report exactly ajv's errors (allErrors, verbose): same order,
 * instancePath, schemaPath, keyword, params, message, schema, parentSchema and data.
 * Each row is a schema and values; ajv, configured as the registry used it, is the oracle.
 */

const DOCUMENT = {
  $id: 'kubernetes',
  definitions: {
    Meta: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
      additionalProperties: false,
    },
    Quantity: { type: ['string', 'number'], pattern: QUANTITY_PATTERN },
    Node: {
      type: 'object',
      properties: {
        value: { type: 'integer' },
        next: { $ref: '#/definitions/Node' },
        meta: { $ref: '#/definitions/Meta' },
      },
      additionalProperties: false,
    },
    Alias: { $ref: '#/definitions/Meta' },
  },
};

const KEYS_9 = Object.fromEntries('abcdefghi'.split('').map((k) => [k, { type: 'string' }]));

const cases: [string, unknown, unknown[]][] = [
  ['single type', { type: 'string' }, ['a', 1, null, {}, []]],
  ['integer vs number', { type: 'integer' }, [1, 1.5, '1', Infinity, NaN]],
  ['number', { type: 'number', minimum: 0 }, [1, -1, 'x', NaN]],
  ['union with null', { type: ['integer', 'string', 'null'] }, [1, 'a', null, true, {}, [], 2.5]],
  ['union object/array', { type: ['object', 'array'] }, [{}, [], null, 1]],
  ['nullable keyword', { type: 'string', nullable: true }, ['a', null, 1]],
  ['type before enum (no string keywords)', { type: 'string', enum: ['a', 'b'] }, ['a', 'c', 5, null]],
  ['enum before type (string keywords)', { type: 'string', enum: ['aa', 'b'], minLength: 2 }, ['aa', 'b', 5]],
  [
    'enum with objects and null',
    { enum: [{ a: 1 }, [1, 2], null, 3] },
    [{ a: 1 }, { a: 2 }, [1, 2], [2, 1], null, 3, '3'],
  ],
  ['const', { const: { a: [1] } }, [{ a: [1] }, { a: [2] }, 1]],
  ['const scalar', { const: 'x' }, ['x', 'y']],
  [
    'object keywords',
    {
      type: 'object',
      required: ['name', 'constructor', 'spec'],
      properties: {
        name: { type: 'string' },
        spec: { type: 'object', required: ['x'] },
        'a/b~c': { type: 'integer' },
      },
      additionalProperties: false,
      minProperties: 2,
      maxProperties: 3,
    },
    [
      { name: 'n', spec: { x: 1 } },
      {},
      { name: 1, spec: {}, extra: true, 'a/b~c': 'x', 'odd/key~': 1 },
      [],
      'x',
      { name: 'n', spec: { x: 1 }, 'a/b~c': 1, more: 1 },
    ],
  ],
  [
    'more than eight declared properties',
    { type: 'object', properties: KEYS_9, additionalProperties: false },
    [
      { a: 'x', i: 'y' },
      { a: 1, z: 1, j: 'x' },
    ],
  ],
  [
    'additionalProperties as a schema',
    { type: 'object', properties: { a: {} }, additionalProperties: { type: 'integer', minimum: 1 } },
    [
      { a: 'any', b: 1 },
      { b: 0, c: 'x', 'd/e': 2.5 },
    ],
  ],
  ['additionalProperties true', { type: 'object', additionalProperties: true }, [{ a: 1 }, 1]],
  [
    'items and array limits',
    { type: 'array', items: { type: 'string', maxLength: 2 }, minItems: 2, maxItems: 3 },
    [['a', 'b'], ['a'], ['a', 'b', 'c', 'd'], ['abc', 1, 'de'], {}, 'x'],
  ],
  [
    'uniqueItems, scalar item type',
    { type: 'array', items: { type: 'integer' }, uniqueItems: true },
    [[1, 2, 3], [1, 2, 1, 2], [1, 'a', 'a', 1], []],
  ],
  [
    'uniqueItems, union item type',
    { type: 'array', items: { type: ['string', 'integer', 'null'] }, uniqueItems: true },
    [
      ['1', 1],
      ['a', 'a'],
      [null, 'null', null],
      [true, true],
    ],
  ],
  [
    'uniqueItems, objects',
    { type: 'array', items: { type: 'object' }, uniqueItems: true },
    [
      [{ a: 1 }, { a: 2 }],
      [{ a: 1 }, { b: 1 }, { a: 1 }, { b: 1 }],
      [[1], [1]],
    ],
  ],
  [
    'uniqueItems without items',
    { type: 'array', uniqueItems: true },
    [
      [1, '1', 1],
      [
        [1, 2],
        [1, 2],
      ],
    ],
  ],
  [
    'number keywords',
    {
      type: 'number',
      minimum: 1,
      maximum: 10,
      exclusiveMinimum: 1,
      exclusiveMaximum: 10,
      multipleOf: 0.5,
    },
    [1, 10, 5.5, 5.25, 0, 11, 'x', NaN],
  ],
  ['multipleOf float noise', { multipleOf: 0.1 }, [0.3, 0.7, 1e21, 'x']],
  ['multipleOf zero', { type: 'integer', multipleOf: 0 }, [0, 1]],
  [
    'string lengths count code points',
    { type: 'string', minLength: 2, maxLength: 3 },
    ['😀😀', '😀', 'abcd', ''],
  ],
  ['pattern', { type: 'string', pattern: '^[a-z]+$' }, ['abc', 'ABC', 1]],
  ['Go inline flag', { pattern: '(?i)^[a-z]+$' }, ['ABC', '1']],
  ['identity escape without u flag', { pattern: '^a\\-b$' }, ['a-b', 'ab']],
  ['pattern in Go syntax JavaScript cannot compile', { pattern: '(?P<name>x)' }, ['anything', 'x']],
  ['pattern RE2 cannot compile matches everything', { pattern: '(?<=a)b' }, ['anything']],
  ['quantity', { $ref: 'kubernetes#/definitions/Quantity' }, ['500m', '1GB', 2, true]],
  ...(
    [
      ['int32', [1, 2 ** 31, -(2 ** 31) - 1, 1.5, 'x']],
      ['int64', [1, 1.5, 2 ** 60]],
      ['float', [1.5, 'x']],
      ['double', [1.5]],
      ['byte', ['aGVsbG8=', 'not base64!', 'YQ==\nYg==']],
      ['date-time', ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05', 'yesterday', 5]],
      ['date', ['2024-02-29', '2023-02-29', '2024-13-01']],
      ['ipv4', ['10.0.0.1', '256.0.0.1', '::1']],
      ['ipv6', ['::1', 'fe80::1', '10.0.0.1']],
      ['uuid', ['123e4567-e89b-12d3-a456-426614174000', 'nope']],
      ['duration', ['not checked']],
    ] as [string, unknown[]][]
  ).map(([f, values]): [string, unknown, unknown[]] => [`format ${f}`, { format: f }, values]),
  ['format with its type', { type: 'integer', format: 'int32' }, [2 ** 40, 'x']],
  ['string format on a string type', { type: 'string', format: 'date-time' }, [1, 'x']],
  [
    'anyOf',
    { anyOf: [{ type: 'integer' }, { type: 'string', minLength: 2 }, { required: ['a'] }] },
    [1, 'ab', 'a', { a: 1 }, {}, null],
  ],
  ['anyOf with an always-valid branch', { anyOf: [{ type: 'integer' }, {}] }, ['x']],
  [
    'oneOf: none, one, two, three passing',
    { oneOf: [{ required: ['a'] }, { required: ['b'] }, { required: ['c'] }, { required: ['d'] }] },
    [
      {},
      { a: 1 },
      { a: 1, b: 1 },
      { a: 1, b: 1, c: 1 },
      { c: 1, d: 1 },
      { b: 1, d: 1 },
      { a: 1, c: 1, d: 1 },
    ],
  ],
  ['oneOf with always-valid branches', { oneOf: [{}, { type: 'string' }, true] }, ['x', 1]],
  ['allOf', { allOf: [{ type: 'object' }, { required: ['a'] }, {}] }, [{ a: 1 }, {}, 1]],
  ['not', { not: { type: 'string' } }, ['x', 1]],
  ['not always valid', { not: {} }, [1]],
  ['not false', { not: false }, [1]],
  [
    'value-only anyOf under a structural schema',
    {
      type: 'object',
      properties: { name: { type: 'string' }, uid: { type: 'string' } },
      additionalProperties: false,
      anyOf: [{ required: ['name'] }, { required: ['uid'] }],
    },
    [{ uid: 'x' }, {}, { other: 1 }],
  ],
  [
    'nullable $ref (if/else)',
    { if: { type: 'null' }, else: { $ref: 'kubernetes#/definitions/Meta' } },
    [null, {}, { nam: 'x' }, 5],
  ],
  ['if/then', { if: { required: ['a'] }, then: { required: ['b'] } }, [{ a: 1 }, { a: 1, b: 1 }, {}]],
  [
    'if/then/else',
    { if: { type: 'string' }, then: { minLength: 2 }, else: { type: 'integer' } },
    ['a', 'ab', 1, 1.5],
  ],
  [
    '$ref inlined (no refs inside)',
    { $ref: 'kubernetes#/definitions/Meta' },
    [{ name: 'a' }, { name: 1, x: 1 }, 1],
  ],
  [
    '$ref called (recursive), next to other keywords',
    { $ref: 'kubernetes#/definitions/Node', required: ['value'], properties: { kind: { enum: ['Node'] } } },
    [{ value: 1, next: { value: 2, next: { value: 'x', zz: 1 } } }, { kind: 'Other', meta: { nme: 1 } }, 'x'],
  ],
  ['$ref through an alias', { $ref: 'kubernetes#/definitions/Alias' }, [{ name: 'a' }, { x: 1 }]],
  ['boolean schemas', { type: 'object', properties: { no: false, yes: true } }, [{ yes: 1 }, { no: 1 }]],
  ['false at the root', false, [1]],
  ['empty schema', {}, [1, null]],
  ['a schema without rules', { description: 'x', 'x-kubernetes-preserve-unknown-fields': true }, [{ a: 1 }]],
];

describe('the interpreter reports what ajv reports', () => {
  const ajv = oracleAjv();
  ajv.addSchema(DOCUMENT);
  const interpreter = new SchemaInterpreter(DOCUMENT);

  it.each(cases)('%s', (_name, schema, values) => {
    const oracle = ajv.compile(schema as object);
    const mine = interpreter.compile(schema);
    for (const value of values) {
      const valid = oracle(value);
      const expected = valid ? [] : (oracle.errors ?? []);
      expect({ value, ...mine(value) }).toEqual({ value, valid, errors: expected });
    }
  });
});

describe('schemas ajv refuses to compile are refused', () => {
  const refused: [string, unknown][] = [
    ['empty enum', { enum: [] }],
    ['minimum not a number', { type: 'integer', minimum: '1' }],
    ['unknown type', { type: 'text' }],
    ['type not a string', { type: 5 }],
    ['required not an array', { type: 'object', required: 'a' }],
    ['properties not an object', { type: 'object', properties: [] }],
    ['unresolved $ref', { $ref: 'kubernetes#/definitions/Nope' }],
    ['$ref to another document', { $ref: 'other#/definitions/Meta' }],
    ['anyOf not an array', { anyOf: {} }],
  ];
  it.each(refused)('%s', (_name, schema) => {
    const ajv = oracleAjv();
    ajv.addSchema(DOCUMENT);
    expect(() => ajv.compile(schema as object)).toThrow();
    expect(() => new SchemaInterpreter(DOCUMENT).compile(schema)).toThrow();
  });

  it('a definition that fails once fails for every schema using it', () => {
    const doc = {
      $id: 'kubernetes',
      definitions: {
        Bad: { type: 'object', properties: { x: { enum: [] } }, items: { $ref: '#/definitions/Bad' } },
      },
    };
    const interpreter = new SchemaInterpreter(doc);
    expect(() => interpreter.compile({ $ref: 'kubernetes#/definitions/Bad' })).toThrow(/enum/);
    expect(() => interpreter.compile({ properties: { a: { $ref: 'kubernetes#/definitions/Bad' } } })).toThrow(
      /enum/,
    );
  });

  it('keywords the converters never emit are refused, not ignored', () => {
    expect(() => interpretSchema({ patternProperties: { '^a': { type: 'string' } } })).toThrow(
      /patternProperties/,
    );
    expect(() => interpretSchema({ items: [{ type: 'string' }] })).toThrow(/tuple/);
  });
});

describe('interpretSchema', () => {
  it('resolves $refs in the given definitions', () => {
    const validate = interpretSchema({ $ref: 'kubernetes#/definitions/Meta' }, DOCUMENT.definitions);
    expect(validate({ name: 'a' })).toEqual({ valid: true, errors: [] });
    expect(validate({ nam: 'a' }).errors.map((e) => [e.keyword, e.params])).toEqual([
      ['additionalProperties', { additionalProperty: 'nam' }],
    ]);
  });
});

describe('patterns run in linear time, as RE2 runs them', () => {
  const compileForTest = (schema: unknown) => {
    const validate = interpretSchema(schema);
    return (value: string) => validate(value).valid;
  };

  it('a catastrophic-backtracking pattern answers at once', () => {
    const schema = { type: 'string', pattern: '^(a+)+$' };
    const check = compileForTest(schema);
    expect(check(`${'a'.repeat(40)}!`)).toBe(false);
    expect(check('a'.repeat(40))).toBe(true);
  });

  it('Go syntax that JavaScript lacks compiles: \\z, (?P<name>), [[:alpha:]]', () => {
    expect(compileForTest({ type: 'string', pattern: '^[[:alpha:]]+\\z' })('abc')).toBe(true);
    expect(compileForTest({ type: 'string', pattern: '^(?P<x>a)b$' })('ab')).toBe(true);
    expect(compileForTest({ type: 'string', pattern: '^[[:alpha:]]+\\z' })('ab1')).toBe(false);
  });
});
