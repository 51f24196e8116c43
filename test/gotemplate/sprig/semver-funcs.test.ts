import { describe, expect, it } from 'vitest';

import { networkFuncMap } from '../../../src/gotemplate/sprig/network.js';
import { semverFuncMap } from '../../../src/gotemplate/sprig/semver-funcs.js';
import { GoCallError, GoInt, GoStruct, type GoValue } from '../../../src/gotemplate/value.js';

function call(name: string, ...args: GoValue[]): GoValue {
  const f = semverFuncMap[name];
  if (!f) throw new Error(`no function ${name}`);
  return f.fn(...args);
}

function method(v: GoValue, name: string, ...args: GoValue[]): GoValue {
  if (!(v instanceof GoStruct)) throw new Error('not a struct');
  const m = v.methods[name];
  if (!m) throw new Error(`no method ${name}`);
  return m.fn(...args);
}

function error(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GoCallError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('semverCompare', () => {
  // helm v4.1.4's answers (battery case semverCompare and the semver table in test/semver).
  it.each([
    ['>=1.21-0', 'v1.30.0', true],
    ['<1.19', '1.30.2-eks-123', false],
    ['1.x || >=2.5', '2.6', true],
    ['~1.2', '1.2.9', true],
    ['*', '1.0.0-alpha', false],
  ])('%j %j', (c, v, want) => {
    expect(call('semverCompare', c, v)).toBe(want);
  });

  it('reports bad constraints and versions with Masterminds error texts', () => {
    expect(error(() => call('semverCompare', '>=abc', '1.0.0'))).toBe('improper constraint: >=abc');
    expect(error(() => call('semverCompare', '>=1', 'abc'))).toBe('invalid semantic version');
  });
});

describe('semver', () => {
  it('returns a *semver.Version with Masterminds methods', () => {
    const v = call('semver', 'v1.2.3-beta.1+build');
    expect(v).toBeInstanceOf(GoStruct);
    expect((v as GoStruct).typeName).toBe('*semver.Version');
    expect(method(v, 'String')).toBe('1.2.3-beta.1+build');
    expect(method(v, 'Original')).toBe('v1.2.3-beta.1+build');
    expect(method(v, 'Major')).toEqual(new GoInt('uint64', 1n));
    expect(method(v, 'Prerelease')).toBe('beta.1');
    expect(method(v, 'Metadata')).toBe('build');
    expect(method(v, 'MarshalJSON')).toBe('"1.2.3-beta.1+build"');
  });

  it('compares versions', () => {
    const a = call('semver', '1.2.3-a');
    const b = call('semver', '1.2.3');
    expect(method(a, 'Compare', b)).toEqual(new GoInt('int', -1n));
    expect(method(a, 'LessThan', b)).toBe(true);
    expect(method(b, 'Equal', call('semver', '1.2.3+x'))).toBe(true);
    expect(method(b, 'Equal', null)).toBe(false);
  });

  it('increments keeping a v prefix in Original', () => {
    const next = method(call('semver', 'v1.2.3-rc.1'), 'IncPatch');
    expect((next as GoStruct).typeName).toBe('semver.Version');
    expect(method(next, 'String')).toBe('1.2.3');
    expect(method(method(call('semver', '1.2.3'), 'IncMinor'), 'String')).toBe('1.3.0');
    expect(method(method(call('semver', '1.2.3'), 'SetPrerelease', 'rc.2'), 'String')).toBe('1.2.3-rc.2');
    expect(error(() => method(call('semver', '1.2.3'), 'SetPrerelease', '01'))).toBe(
      'version segment starts with 0',
    );
  });

  it('reports an invalid version', () => {
    expect(error(() => call('semver', 'abc'))).toBe('invalid semantic version');
    expect(error(() => call('semver', '1.2.3-01'))).toBe('version segment starts with 0');
  });
});

describe('getHostByName', () => {
  it('answers the empty string offline, as helm v4 does without --enable-dns', () => {
    expect(networkFuncMap['getHostByName']?.fn('localhost')).toBe('');
  });
});
