import { describe, expect, it } from 'vitest';
import { compileSchema, SchemaCompileError } from '../../../../src/helm/values/schema/compile.js';
import { JsonSyntaxError, parseSchemaJson } from '../../../../src/helm/values/schema/json.js';

function compileError(text: string): SchemaCompileError | JsonSyntaxError | undefined {
  try {
    compileSchema(parseSchemaJson(text));
    return undefined;
  } catch (e) {
    if (e instanceof SchemaCompileError || e instanceof JsonSyntaxError) return e;
    throw e;
  }
}

// [name, schema text, helm's message, remote reference]
const CASES: [string, string, string, string | undefined][] = [
  ['empty file', '', 'EOF', undefined],
  ['truncated', '{"type":', 'unexpected EOF', undefined],
  ['bad literal', '{"a":tru}', "invalid character '}' in literal true (expecting 'e')", undefined],
  ['bad value', '{"a":x}', "invalid character 'x' looking for beginning of value", undefined],
  ['missing colon', '{"a" 1}', "invalid character '1' after object key", undefined],
  ['missing comma', '{"a":1 "b":2}', "invalid character '\"' after object key:value pair", undefined],
  ['trailing data', '{} x', 'invalid character after top-level value', undefined],
  [
    'pointer not found',
    '{"$ref":"#/$defs/x"}',
    'json-pointer in "file:///values.schema.json#/$defs/x" not found',
    undefined,
  ],
  [
    'anchor not found',
    '{"$ref":"#x"}',
    'anchor in "file:///values.schema.json#x" not found in schema "file:///values.schema.json"',
    undefined,
  ],
  [
    'array schema',
    '[1]',
    `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': got array, want boolean or object`,
    undefined,
  ],
  [
    'invalid pattern draft-07',
    '{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"a":{"pattern":"("}}}',
    `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with 'http://json-schema.org/draft-07/schema#'\n- at '/properties/a/pattern': '(' is not valid regex: error parsing regexp: missing closing ): \`(\``,
    undefined,
  ],
  [
    'remote http $ref',
    '{"$ref":"https://example.com/s.json"}',
    'https://example.com/s.json',
    'https://example.com/s.json',
  ],
  ['file $ref', '{"$ref":"other.json"}', 'file:///other.json', 'file:///other.json'],
  ['unknown $schema', '{"$schema":"http://example.com/s"}', 'http://example.com/s', 'http://example.com/s'],
];

describe('schemas helm refuses', () => {
  it.each(CASES)('%s', (_name, text, message, remote) => {
    const e = compileError(text);
    expect(e?.message).toBe(message);
    expect(e instanceof SchemaCompileError ? e.remoteRef : undefined).toBe(remote);
  });

  it('an urn: $ref is always valid, as helm makes it', () => {
    expect(compileError('{"$ref":"urn:example:x"}')).toBeUndefined();
  });

  it('keeps number literals as written', () => {
    const doc = parseSchemaJson('{"a":1e21}') as Record<string, { literal: string }>;
    expect(doc.a?.literal).toBe('1e21');
  });
});
