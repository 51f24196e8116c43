/**
 * Masterminds/semver v3 versions, as helm v4 links them (v3.4.0: `NewVersion` coerces loose forms
 * such as `v1`, `1.2` and leading zeros; errors are lower case). Numbers are uint64, kept as bigint.
 */

export interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** The prerelease without its `-`, or `''`. */
  readonly pre: string;
  /** The build metadata without its `+`, or `''`. */
  readonly metadata: string;
  /** The text the version was parsed from. */
  readonly original: string;
}

/** A version or constraint that cannot be parsed; `message` is Masterminds' error text. */
export class SemverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SemverError';
  }
}

const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const MAX_UINT64 = (1n << 64n) - 1n;
const NUMERIC = /^[0-9]+$/;
const ALLOWED = /^[0-9A-Za-z-]+$/;

/** Go's strconv.ParseUint(s, 10, 64), or undefined when out of range (s is all digits). */
function parseUint64(digits: string): bigint | undefined {
  const n = BigInt(digits);
  return n > MAX_UINT64 ? undefined : n;
}

function segment(digits: string): bigint {
  const n = parseUint64(digits);
  if (n === undefined)
    throw new SemverError(
      `error parsing version segment: strconv.ParseUint: parsing "${digits}": value out of range`,
    );
  return n;
}

function validatePrerelease(pre: string): void {
  for (const part of pre.split('.')) {
    if (part === '') throw new SemverError('invalid prerelease string');
    if (NUMERIC.test(part)) {
      if (part.length > 1 && part.startsWith('0')) throw new SemverError('version segment starts with 0');
    } else if (!ALLOWED.test(part)) throw new SemverError('invalid prerelease string');
  }
}

function validateMetadata(metadata: string): void {
  for (const part of metadata.split('.')) {
    if (part === '' || !ALLOWED.test(part)) throw new SemverError('invalid metadata string');
  }
}

/** `semver.NewVersion`: throws {@link SemverError} with Masterminds' message. */
export function parseVersion(text: string): Version {
  const m = LOOSE.exec(text);
  if (!m) throw new SemverError('invalid semantic version');
  const version: Version = {
    major: segment(m[1] ?? '0'),
    minor: m[2] ? segment(m[2].slice(1)) : 0n,
    patch: m[3] ? segment(m[3].slice(1)) : 0n,
    pre: m[5] ?? '',
    metadata: m[8] ?? '',
    original: text,
  };
  if (version.pre !== '') validatePrerelease(version.pre);
  if (version.metadata !== '') validateMetadata(version.metadata);
  return version;
}

/** {@link parseVersion}, or undefined for text that is not a version. */
export function tryParseVersion(text: string): Version | undefined {
  try {
    return parseVersion(text);
  } catch (e) {
    if (e instanceof SemverError) return undefined;
    throw e;
  }
}

/** `semver.StrictNewVersion`: exactly `X.Y.Z[-pre][+meta]`, no `v`, no leading zeros. */
export function parseStrictVersion(text: string): Version {
  if (text === '') throw new SemverError('version string empty');
  const parts = text.split('.');
  if (parts.length < 3) throw new SemverError('invalid semantic version');
  let rest = parts.slice(2).join('.');
  let metadata = '';
  let pre = '';
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    metadata = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
    validateMetadata(metadata);
  }
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    pre = rest.slice(dash + 1);
    rest = rest.slice(0, dash);
    validatePrerelease(pre);
  }
  const nums = [parts[0] ?? '', parts[1] ?? '', rest];
  for (const p of nums) {
    if (!/^[0-9]*$/.test(p)) throw new SemverError('invalid characters in version');
    if (p.length > 1 && p.startsWith('0')) throw new SemverError('version segment starts with 0');
  }
  const [major, minor, patch] = nums.map((p) => {
    if (p === '') throw new SemverError('strconv.ParseUint: parsing "": invalid syntax');
    const n = parseUint64(p);
    if (n === undefined) throw new SemverError(`strconv.ParseUint: parsing "${p}": value out of range`);
    return n;
  }) as [bigint, bigint, bigint];
  return { major, minor, patch, pre, metadata, original: text };
}

/** `Version.String()`: the canonical form, without a `v`. */
export function formatVersion(v: Version): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.pre !== '') s += `-${v.pre}`;
  if (v.metadata !== '') s += `+${v.metadata}`;
  return s;
}

function compareBig(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One dot-separated prerelease part; numbers (uint64) sort before words. */
function comparePrePart(s: string, o: string): -1 | 0 | 1 {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sn = NUMERIC.test(s) ? parseUint64(s) : undefined;
  const on = NUMERIC.test(o) ? parseUint64(o) : undefined;
  if (sn === undefined && on === undefined) return s > o ? 1 : -1;
  if (on === undefined) return -1;
  if (sn === undefined) return 1;
  return sn > on ? 1 : -1;
}

export function comparePrerelease(a: string, b: string): -1 | 0 | 1 {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const d = comparePrePart(as[i] ?? '', bs[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** `Version.Compare`: metadata is ignored; a prerelease sorts before its release. */
export function compareVersions(a: Version, b: Version): -1 | 0 | 1 {
  const d = compareBig(a.major, b.major) || compareBig(a.minor, b.minor) || compareBig(a.patch, b.patch);
  if (d !== 0) return d;
  if (a.pre === '' && b.pre === '') return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  return comparePrerelease(a.pre, b.pre);
}
