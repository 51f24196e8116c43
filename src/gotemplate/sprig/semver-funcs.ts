/**
 * sprig's `semver` and `semverCompare`. `semver` returns a `*semver.Version` with Masterminds'
 * methods (`.Major`, `.Prerelease`, `.Compare`, `.IncMinor`, …); it prints and marshals through
 * `String`, as fmt and encoding/json do for it.
 */
import {
  compareVersions,
  formatVersion,
  parseConstraint,
  parseVersion,
  satisfies,
  SemverError,
  type Version,
} from '../../semver/index.js';
import { GoCallError, GoInt, GoStruct, type FuncMap, type GoFunc, type GoValue } from '../value.js';
import { BOOL, goFunc, STRING, strArg } from './define.js';

const POINTER = '*semver.Version';
const VALUE = 'semver.Version';

const versions = new WeakMap<GoStruct, Version>();

function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemverError) throw new GoCallError(e.message);
    throw e;
  }
}

function versionOf(v: GoValue): Version | undefined {
  return v instanceof GoStruct ? versions.get(v) : undefined;
}

/** Compares with another version; Go would dereference a nil pointer here, so that is an error. */
function compareWith(self: Version, other: GoValue): number {
  const o = versionOf(other);
  if (!o) throw new GoCallError('runtime error: invalid memory address or nil pointer dereference');
  return compareVersions(self, o);
}

function withVPrefix(self: Version, next: Omit<Version, 'original'>): Version {
  const v = self.original.startsWith('v') ? 'v' : '';
  return { ...next, original: v + formatVersion({ ...next, original: '' }) };
}

function checked(what: 'prerelease' | 'metadata', value: string): void {
  if (value === '') return;
  guarded(() => parseVersion(what === 'prerelease' ? `0.0.0-${value}` : `0.0.0+${value}`));
}

/** A `semver.Version` (value) or `*semver.Version` (pointer) for templates. */
export function goVersion(v: Version, pointer = true): GoStruct {
  const uint = (n: bigint): GoInt => new GoInt('uint64', n);
  const valueMethods: Record<string, GoFunc> = {
    String: goFunc([], STRING, () => formatVersion(v)),
    Major: goFunc([], 'uint64', () => uint(v.major)),
    Minor: goFunc([], 'uint64', () => uint(v.minor)),
    Patch: goFunc([], 'uint64', () => uint(v.patch)),
    Prerelease: goFunc([], STRING, () => v.pre),
    Metadata: goFunc([], STRING, () => v.metadata),
    IncPatch: goFunc([], VALUE, () =>
      goVersion(
        withVPrefix(v, { ...v, pre: '', metadata: '', patch: v.pre === '' ? v.patch + 1n : v.patch }),
        false,
      ),
    ),
    IncMinor: goFunc([], VALUE, () =>
      goVersion(withVPrefix(v, { ...v, pre: '', metadata: '', patch: 0n, minor: v.minor + 1n }), false),
    ),
    IncMajor: goFunc([], VALUE, () =>
      goVersion(
        withVPrefix(v, { ...v, pre: '', metadata: '', patch: 0n, minor: 0n, major: v.major + 1n }),
        false,
      ),
    ),
    SetPrerelease: goFunc([STRING], VALUE, (p) => {
      checked('prerelease', strArg(p));
      return goVersion(withVPrefix(v, { ...v, pre: strArg(p) }), false);
    }),
    SetMetadata: goFunc([STRING], VALUE, (m) => {
      checked('metadata', strArg(m));
      return goVersion(withVPrefix(v, { ...v, metadata: strArg(m) }), false);
    }),
    MarshalJSON: goFunc([], STRING, () => JSON.stringify(formatVersion(v))),
    MarshalText: goFunc([], STRING, () => formatVersion(v)),
  };
  const pointerMethods: Record<string, GoFunc> = {
    Original: goFunc([], STRING, () => v.original),
    Compare: goFunc([POINTER], 'int', (o) => new GoInt('int', BigInt(compareWith(v, o)))),
    LessThan: goFunc([POINTER], BOOL, (o) => compareWith(v, o) < 0),
    LessThanEqual: goFunc([POINTER], BOOL, (o) => compareWith(v, o) <= 0),
    GreaterThan: goFunc([POINTER], BOOL, (o) => compareWith(v, o) > 0),
    GreaterThanEqual: goFunc([POINTER], BOOL, (o) => compareWith(v, o) >= 0),
    Equal: goFunc([POINTER], BOOL, (o) => versionOf(o) !== undefined && compareWith(v, o) === 0),
  };
  const s = new GoStruct(
    pointer ? POINTER : VALUE,
    {},
    pointer ? { ...valueMethods, ...pointerMethods } : valueMethods,
  );
  versions.set(s, v);
  return s;
}

export const semverFuncMap: FuncMap = {
  semver: goFunc([STRING], POINTER, (s) => goVersion(guarded(() => parseVersion(strArg(s))))),
  semverCompare: goFunc([STRING, STRING], BOOL, (c, s) =>
    guarded(() => satisfies(parseConstraint(strArg(c)), parseVersion(strArg(s)))),
  ),
};
