import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { mergeGenerated } from '../../src/kustomize/generated-merge.js';
import { kyamlBase64, mergeGlobalOptionsIntoLocal } from '../../src/kustomize/generators.js';
import { applyNameHashes, encodeHashHex, goJson, kustomizeHash } from '../../src/kustomize/hash.js';
import { parseEnvContent, parseFileSource, parseLiteralSource } from '../../src/kustomize/kv-sources.js';
import {
  ANN_GEN_BEHAVIOR,
  ANN_NEEDS_HASH,
  ANN_ORIGIN,
  getAnnotation,
  getName,
  orgId,
  type KResource,
} from '../../src/kustomize/resource.js';

const text = new TextDecoder();
const env = (s: string): Array<[string, string]> =>
  parseEnvContent(new TextEncoder().encode(s)).map((p) => [p.key, text.decode(p.value)]);

describe('kv source parsing', () => {
  it.each([
    ['a=1', 'a', '1'],
    ["b='q'", 'b', 'q'],
    ['c="x"', 'c', 'x'],
    ['d=', 'd', ''],
    ['e=1=2', 'e', '1=2'],
    ["f='", 'f', "'"],
    ['g="x\'', 'g', '"x\''],
  ])('literal %s', (src, key, value) => {
    expect(parseLiteralSource(src)).toEqual({ key, value });
  });

  it.each([
    ['f.txt', 'f.txt', 'f.txt'],
    ['dir/sub/f.txt', 'f.txt', 'dir/sub/f.txt'],
    ['k=dir/f.txt', 'k', 'dir/f.txt'],
  ])('file source %s', (src, key, path) => {
    expect(parseFileSource(src)).toEqual({ key, path });
  });

  it('env content', () => {
    expect(env('# c\n\nexport A=1\r\n  B\n=x\nC= v \nD=a=b')).toEqual([
      ['export A', '1'],
      ['B', ''],
      ['C', ' v '],
      ['D', 'a=b'],
    ]);
  });
});

describe('hash', () => {
  it('encodes like kustomize', () => {
    expect(encodeHashHex('0123456789abcdef')).toBe('gh2k456789');
  });

  it('prints JSON like Go', () => {
    expect(goJson({ b: '<&>\u2028', a: [1, true, null], é: '\b\f\u0001' })).toBe(
      '{"a":[1,true,null],"b":"\\u003c\\u0026\\u003e\\u2028","é":"\\b\\f\\u0001"}',
    );
  });

  it.each<[JsonObject, string]>([
    [{ kind: 'ConfigMap', metadata: { name: 'b' }, data: { 'f.txt': 'hello\n' } }, 'dhdgtdmfh9'],
    [{ kind: 'ConfigMap', metadata: { name: 'empty' } }, '6ct58987ht'],
    [{ kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { a: 'MQ==' } }, '25khgmg44c'],
    [{ kind: 'Secret', metadata: { name: 'empty' }, type: 'Opaque', data: {} }, '46f8b28mk5'],
  ])('known hash %#', (obj, hash) => {
    expect(kustomizeHash(obj)).toBe(hash);
  });

  it('applyNameHashes renames marked resources and records the old id', () => {
    const r: KResource = {
      obj: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'b', annotations: { [ANN_NEEDS_HASH]: 'enabled' } },
        data: { 'f.txt': 'hello\n' },
      },
      file: '',
    };
    const plain: KResource = {
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p' } },
      file: '',
    };
    applyNameHashes([r, plain]);
    expect(getName(r.obj)).toBe('b-dhdgtdmfh9');
    expect(orgId(r.obj).name).toBe('b');
    expect(getName(plain.obj)).toBe('p');
  });
});

describe('generator helpers', () => {
  it('wraps long base64 at 70 characters like kyaml', () => {
    expect(kyamlBase64(new Uint8Array(10))).toBe('AAAAAAAAAAAAAA==');
    const long = kyamlBase64(new Uint8Array(60));
    expect(long).toBe(`${'A'.repeat(70)}\n${'A'.repeat(10)}\n`);
  });

  it('merges global options into local ones', () => {
    expect(
      mergeGlobalOptionsIntoLocal(
        { labels: { a: 'local' }, disableNameSuffixHash: false },
        {
          labels: { a: 'global', b: 'global' },
          annotations: { x: 'g' },
          disableNameSuffixHash: true,
          immutable: true,
        },
      ),
    ).toEqual({
      labels: { a: 'local', b: 'global' },
      annotations: { x: 'g' },
      disableNameSuffixHash: true,
      immutable: true,
    });
    expect(mergeGlobalOptionsIntoLocal(undefined, undefined)).toBeUndefined();
  });

  it('merge keeps the old origin annotation and build annotations', () => {
    const old: KResource = {
      obj: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'foo',
          annotations: { [ANN_ORIGIN]: 'path: base', [ANN_GEN_BEHAVIOR]: 'unspecified' },
        },
        data: { a: '1' },
      },
      file: '',
    };
    const gen: KResource = {
      obj: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'foo',
          annotations: { [ANN_ORIGIN]: 'path: overlay', [ANN_GEN_BEHAVIOR]: 'merge' },
        },
        data: { b: '2' },
      },
      file: '',
    };
    expect(mergeGenerated([old], gen)).toEqual([gen]);
    expect(getAnnotation(gen.obj, ANN_ORIGIN)).toBe('path: base');
    expect(getAnnotation(gen.obj, ANN_GEN_BEHAVIOR)).toBe('unspecified');
    expect(gen.obj.data).toEqual({ a: '1', b: '2' });
  });
});
