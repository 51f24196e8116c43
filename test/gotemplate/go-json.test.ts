import { describe, expect, it as test } from 'vitest';
import { JsonMarshalError, jsonMarshal, jsonString, registerJsonTags } from '../../src/gotemplate/go-json.js';
import {
  GoFloat32,
  GoStruct,
  goInt,
  newMap,
  setMapKey,
  typedSlice,
  type GoMap,
  type GoValue,
} from '../../src/gotemplate/value.js';

// Expected texts are encoding/json's output, recorded through helm v4.1.4's toJson,
// toRawJson, toPrettyJson and mustToJson.
function map(entries: Record<string, GoValue>): GoMap {
  const m = newMap();
  for (const [k, v] of Object.entries(entries)) setMapKey(m, k, v);
  return m;
}

describe('jsonMarshal', () => {
  test.each<[GoValue, string]>([
    [map({ b: 2, a: 1, c: 3 }), '{"a":1,"b":2,"c":3}'],
    ['<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    [1e6, '1000000'],
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [1e-6, '0.000001'],
    [1e-7, '1e-7'],
    [1.5e-10, '1.5e-10'],
    [1.5e300, '1.5e+300'],
    [0.1, '0.1'],
    [-0, '-0'],
    [goInt(123456789012345678n), '123456789012345678'],
    [goInt(-5, 'int64'), '-5'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'null'],
    [[], '[]'],
    [map({}), '{}'],
    [[goInt(1), 'a', 2.5], '[1,"a",2.5]'],
    [typedSlice(['a', 'b'], '[]string'), '["a","b"]'],
    [map({ b: 1, a: 2, B: 3 }), '{"B":3,"a":2,"b":1}'],
    [map({ '<k>': 1 }), '{"\\u003ck\\u003e":1}'],
    [map({ x: null }), '{"x":null}'],
    [typedSlice([goInt(104, 'uint8'), goInt(105, 'uint8')], '[]uint8'), '"aGk="'],
    [new GoFloat32(0.1), '0.1'],
    [new GoFloat32(1e-7), '1e-7'],
    [
      new GoStruct('common.KubeVersion', {
        Version: 'v1.35.0',
        normalizedVersion: 'v1.35.0',
        Major: '1',
        Minor: '35',
      }),
      '{"Version":"v1.35.0","Major":"1","Minor":"35"}',
    ],
    [new GoStruct('*semver.Version', {}, { MarshalJSON: { params: [], fn: () => '"1.2.3"' } }), '"1.2.3"'],
    [new GoStruct('*semver.Version', {}, {}, true), 'null'],
  ])('%#', (value, expected) => {
    expect(jsonMarshal(value)).toBe(expected);
  });

  test('strings: short escapes, control characters, HTML, line separators, lone surrogates', () => {
    const s = '\b\f\n\r\t\u0001\u001f\u007f<>&\u2028\u2029é😀\\"';
    expect(jsonString(s)).toBe(
      '"\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\\u003c\\u003e\\u0026\\u2028\\u2029é😀\\\\\\""',
    );
    expect(jsonMarshal('<>&\u2028', { escapeHtml: false })).toBe('"<>&\\u2028"');
    expect(jsonString('a\ud800b\udc00')).toBe('"a\\ufffdb\\ufffd"');
  });

  test('struct fields use their registered json tags', () => {
    registerJsonTags('version.BuildInfo', {
      Version: 'version,omitempty',
      GitCommit: 'git_commit,omitempty',
      GoVersion: 'go_version,omitempty',
      Hidden: '-',
    });
    const info = new GoStruct('version.BuildInfo', {
      Version: 'v4.1.4',
      GitCommit: '',
      GoVersion: 'go1.25.9',
      Hidden: 'x',
    });
    expect(jsonMarshal(info)).toBe('{"version":"v4.1.4","go_version":"go1.25.9"}');
  });

  test('MarshalIndent keeps empty containers inline', () => {
    const v = map({ a: [], b: map({}), c: [goInt(1), map({ x: null })], d: '<' });
    expect(jsonMarshal(v, { indent: '  ' })).toBe(
      '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "x": null\n    }\n  ],\n  "d": "\\u003c"\n}',
    );
    expect(jsonMarshal(map({ a: 1, b: [goInt(2)] }), { prefix: '>', indent: '\t' })).toBe(
      '{\n>\t"a": 1,\n>\t"b": [\n>\t\t2\n>\t]\n>}',
    );
  });

  test('NaN, infinities and cycles are errors', () => {
    expect(() => jsonMarshal(NaN)).toThrow(new JsonMarshalError('json: unsupported value: NaN'));
    expect(() => jsonMarshal([Infinity])).toThrow(new JsonMarshalError('json: unsupported value: +Inf'));
    expect(() => jsonMarshal(-Infinity)).toThrow(new JsonMarshalError('json: unsupported value: -Inf'));
    const self = map({});
    setMapKey(self, 'self', self);
    expect(() => jsonMarshal(self)).toThrow(
      new JsonMarshalError('json: unsupported value: encountered a cycle via map[string]interface {}'),
    );
  });
});

test('a raw byte that is not UTF-8 marshals as \\ufffd, a real U+FFFD as itself', () => {
  expect(jsonString('\udc80|\ufffd')).toBe('"\\ufffd|\ufffd"');
});
