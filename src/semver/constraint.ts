/**
 * Masterminds/semver v3.4.0 constraints (`NewConstraint`, `Check`): `=`, `!=`, `>`, `<`, `>=`,
 * `<=`, `~`, `~>`, `^`, `x`/`X`/`*` wildcards, hyphen ranges `1.2 - 1.4`, `||`, and comma or
 * space separated ANDs. A group of ANDs matches prerelease versions only when one of its
 * constraints names a prerelease (or `includePrerelease` is set). The patterns run on RE2, as in
 * Go, so odd inputs split exactly as Masterminds splits them, in linear time.
 */
import { RE2JS } from 're2js';

import { compareVersions, comparePrerelease, parseVersion, SemverError, type Version } from './version.js';

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Single {
  readonly op: Op;
  readonly con: Version;
  /** The version text as written (`4.x` of `!= 4.x`). */
  readonly orig: string;
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

export interface Constraints {
  /** OR of AND groups. */
  readonly groups: readonly (readonly Single[])[];
  /** Per group: one of its constraints has a prerelease. */
  readonly groupHasPre: readonly boolean[];
  readonly text: string;
}

const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';

const single = RE2JS.compile(`^\\s*(${OPS})\\s*(${CV})\\s*$`).re2();
const range = RE2JS.compile(`\\s*(${CV})\\s+-\\s+(${CV})\\s*`).re2();
const find = RE2JS.compile(`(${OPS})\\s*(${CV})`).re2();
const valid = RE2JS.compile(`^(\\s*(${OPS})\\s*(${CV})\\s*)((?:\\s+|,\\s*)(${OPS})\\s*(${CV})\\s*)*$`).re2();

type Groups = (string | null)[] | null;

function isX(s: string): boolean {
  return s === 'x' || s === '*' || s === 'X';
}

/** Hyphen ranges become `>= a, <= b `, replacing each matched text once, as rewriteRange does. */
function rewriteRange(text: string): string {
  const matches = range.findAllSubmatch(text, -1) as (string | null)[][] | null;
  if (!matches) return text;
  let out = text;
  for (const m of matches) out = out.replace(m[0] ?? '', () => `>= ${m[1] ?? ''}, <= ${m[11] ?? ''} `);
  return out;
}

function parseSingle(text: string): Single {
  const m = single.findSubmatch(text) as Groups;
  if (!m) throw new SemverError(`improper constraint: ${text}`);
  const op = (m[1] ?? '') as Op;
  const orig = m[2] ?? '';
  const major = m[3] ?? '';
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const pre = m[6] ?? '';
  let ver = orig;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.slice(1)) || minor === '') {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(patch.slice(1)) || patch === '') {
    ver = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new SemverError('constraint parser error');
  }
  return { op, con, orig, dirty, minorDirty, patchDirty };
}

/** `semver.NewConstraint`: throws {@link SemverError} with Masterminds' message. */
export function parseConstraint(text: string): Constraints {
  const rewritten = rewriteRange(text);
  const groups: Single[][] = [];
  const groupHasPre: boolean[] = [];
  for (const part of rewritten.split('||')) {
    if (!valid.findSubmatch(part)) throw new SemverError(`improper constraint: ${part}`);
    const found = (find.findAll(part, -1) as string[] | null) ?? [part];
    const group = found.map(parseSingle);
    groups.push(group);
    groupHasPre.push(group.some((c) => c.con.pre !== ''));
  }
  return { groups, groupHasPre, text };
}

function sameMajor(v: Version, c: Single): boolean {
  return v.major === c.con.major;
}

function tilde(v: Version, c: Single): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  const con = c.con;
  // ~0.0.0 accepts everything, like >=0.0.0.
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (!sameMajor(v, c)) return false;
  return v.minor === con.minor || c.minorDirty;
}

function caret(v: Version, c: Single): boolean {
  const con = c.con;
  if (compareVersions(v, con) < 0) return false;
  if (con.major > 0n || c.minorDirty) return sameMajor(v, c);
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return v.patch === con.patch;
}

function notEqual(v: Version, c: Single): boolean {
  const con = c.con;
  if (c.dirty) {
    if (con.major !== v.major) return true;
    if (con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== '' || con.pre !== '') return comparePrerelease(v.pre, con.pre) !== 0;
      return false;
    }
  }
  return compareVersions(v, con) !== 0;
}

function greaterThan(v: Version, c: Single): boolean {
  const con = c.con;
  if (!c.dirty) return compareVersions(v, con) > 0;
  if (v.major > con.major) return true;
  if (v.major < con.major || c.minorDirty) return false;
  if (c.patchDirty) return v.minor > con.minor;
  return compareVersions(v, con) > 0;
}

function lessThanEqual(v: Version, c: Single): boolean {
  const con = c.con;
  if (!c.dirty) return compareVersions(v, con) <= 0;
  if (v.major > con.major) return false;
  return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
}

function checkSingle(v: Version, c: Single, includePre: boolean): boolean {
  // A prerelease matches only groups that ask for prereleases.
  if (v.pre !== '' && !includePre) return false;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compareVersions(v, c.con) === 0;
    case '!=':
      return notEqual(v, c);
    case '>':
      return greaterThan(v, c);
    case '<':
      return compareVersions(v, c.con) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, c.con) >= 0;
    case '<=':
    case '=<':
      return lessThanEqual(v, c);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return caret(v, c);
  }
}

export interface CheckOptions {
  /** Let prereleases match every group (Masterminds' `Constraints.IncludePrerelease`). */
  includePrerelease?: boolean;
}

/** `Constraints.Check`: true when `v` satisfies every constraint of at least one OR group. */
export function satisfies(constraints: Constraints, v: Version, options: CheckOptions = {}): boolean {
  return constraints.groups.some((group, i) => {
    const includePre = options.includePrerelease === true || constraints.groupHasPre[i] === true;
    return group.every((c) => checkSingle(v, c, includePre));
  });
}
