import { describe, expect, it } from 'vitest';

import {
  compareVersions,
  formatVersion,
  parseConstraint,
  parseStrictVersion,
  parseVersion,
  satisfies,
  selectHighest,
  SemverError,
  sortDescending,
} from '../../src/semver/index.js';

// Answers recorded from helm v4.1.4 (Masterminds/semver v3.4.0) through `semverCompare` and `semver`.
const CHECKS: [constraint: string, version: string, want: boolean | string][] = [
  ['=1.2.3', '1.2.3', true],
  ['1.2.3', '1.2.4', false],
  ['=1.2', '1.2.9', true],
  ['1.2', '1.3.0', false],
  ['1', '1.9.9', true],
  ['1.x', '1.5.0', true],
  ['1.x', '2.0.0', false],
  ['*', '1.0.0', true],
  ['*', '1.0.0-alpha', false],
  ['x', '0.0.1', true],
  ['!=1.2.3', '1.2.3', false],
  ['!=1.2.3', '1.2.4', true],
  ['!=1.x', '1.5.0', false],
  ['!=1.2.x', '1.2.7', false],
  ['!=1.2.x', '1.3.0', true],
  ['!=1.2.3-beta', '1.2.3-alpha', true],
  ['>1.2.3', '1.2.4', true],
  ['>1.2.3', '1.2.3', false],
  ['>1.2', '1.2.9', false],
  ['>1.2', '1.3.0', true],
  ['>1', '1.9.0', false],
  ['>1', '2.0.0', true],
  ['>1.2.3-alpha', '1.2.3-beta', true],
  ['>1.2.3', '1.2.4-beta', false],
  ['<1.2.3', '1.2.2', true],
  ['<1.2.3', '1.2.3-beta', false],
  ['<1.2.3-beta', '1.2.3-alpha', true],
  ['<1.x', '1.9.0', false],
  ['<2', '1.9.9', true],
  ['>=1.2.3', '1.2.3', true],
  ['>=1.2.3', '1.2.2', false],
  ['=>1.2', '1.2.0', true],
  ['>=1.21-0', '1.30.0', true],
  ['>=1.21-0', '1.30.0-eks-1', true],
  ['>=1.21.0-0', '1.21.0-rc.1', true],
  ['<=1.2.3', '1.2.3', true],
  ['<=1.2', '1.2.9', true],
  ['<=1.2', '1.3.0', false],
  ['=<1.x', '1.9.0', true],
  ['<=1', '1.9.9', true],
  ['<=1', '2.0.0', false],
  ['~1.2.3', '1.2.9', true],
  ['~1.2.3', '1.3.0', false],
  ['~1.2', '1.2.0', true],
  ['~1', '1.9.0', true],
  ['~1', '2.0.0', false],
  ['~>1.2', '1.2.5', true],
  ['~0', '0.5.0', true],
  ['~0.0.0', '5.0.0', true],
  ['~1.2.3-beta', '1.2.3-gamma', true],
  ['~1.x', '1.4.0', true],
  ['^1.2.3', '1.9.9', true],
  ['^1.2.3', '2.0.0', false],
  ['^1.2', '1.2.0', true],
  ['^0.2.3', '0.2.9', true],
  ['^0.2.3', '0.3.0', false],
  ['^0.0.3', '0.0.3', true],
  ['^0.0.3', '0.0.4', false],
  ['^0.0', '0.0.9', true],
  ['^0.0', '0.1.0', false],
  ['^0', '0.9.0', true],
  ['^0', '1.0.0', false],
  ['^0.x', '0.5.0', true],
  ['^1.x', '1.5.0', true],
  ['^0.0.x', '0.0.5', true],
  ['1.2 - 1.4', '1.4.5', true],
  ['1.2 - 1.4.2', '1.4.3', false],
  ['1.2.3 - 2.3.4', '2.3.4', true],
  ['1.2.3 - 2.3.4', '1.2.2', false],
  ['>1.0 <2.0', '1.5.0', true],
  ['>1.0, <2.0', '2.0.0', false],
  ['>=1.0,<2.0 || >3', '3.5.0', false],
  ['1.x || >=2.5', '2.6', true],
  ['<1.19', '1.30.2-eks-123', false],
  ['>= 1.2.3', '1.2.3', true],
  ['v1.2.3', '1.2.3', true],
  ['=v1.2', '1.2.5', true],
  ['1.2.3+meta', '1.2.3', true],
  ['1.2.3', '1.2.3+build', true],
  ['>1.2.3-alpha.1', '1.2.3-alpha.beta', true],
  ['>1.2.3-alpha.beta', '1.2.3-alpha.10', false],
  ['>1.2.3-alpha.2', '1.2.3-alpha.10', true],
  ['>=1.2.3-0', '1.2.3-alpha', true],
  ['>=1.2.3', '1.2.3-alpha', false],
  ['>=1.2.3-alpha, <1.3', '1.2.5-beta', true],
  ['>=1.2.3-alpha || <1.3', '1.2.5-beta', true],
  ['>0.0.0-0', '0.0.1-alpha', true],
  ['>0', '0.0.1-alpha', false],
  ['1.2.3 ,   2.0', '1.2.3', false],
  ['  >=1.0  ', '1.0.0', true],
  ['01.2', '1.2.0', true],
  ['>=1.2.3-01', '1.2.4', 'constraint parser error'],
  ['1.2.3-alpha+x', '1.2.3-alpha', true],
  ['>=abc', '1.0.0', 'improper constraint: >=abc'],
  ['', '1.0.0', 'improper constraint: '],
  ['1.2.3 -', '1.0.0', 'improper constraint: 1.2.3 -'],
  ['1..2', '1.0.0', 'improper constraint: 1..2'],
  ['>= 1.0 || ', '1.0.0', 'improper constraint:  '],
  ['~1.2.3 ~', '1.0.0', 'improper constraint: ~1.2.3 ~'],
  ['1.2 - ', '1.0.0', 'improper constraint: 1.2 - '],
  ['>=1.0.0-', '1.0.0', 'improper constraint: >=1.0.0-'],
  ['1|2', '1.0.0', 'constraint parser error'],
];

// version, then String|Major|Minor|Patch|Prerelease|Metadata|Original or the error
const VERSIONS: [string, string][] = [
  ['1.2.3', '1.2.3|1|2|3|||1.2.3'],
  ['v1', '1.0.0|1|0|0|||v1'],
  ['1.2', '1.2.0|1|2|0|||1.2'],
  ['01.2.03', '1.2.3|1|2|3|||01.2.03'],
  ['1.2.3-rc.1+b.2', '1.2.3-rc.1+b.2|1|2|3|rc.1|b.2|1.2.3-rc.1+b.2'],
  ['1.2.3-01', 'error: version segment starts with 0'],
  ['1.2.3-a..b', 'error: invalid semantic version'],
  ['1.2.3+m_', 'error: invalid semantic version'],
  ['a', 'error: invalid semantic version'],
  ['', 'error: invalid semantic version'],
  ['1.2.3.4', 'error: invalid semantic version'],
  [
    '99999999999999999999.0.0',
    'error: error parsing version segment: strconv.ParseUint: parsing "99999999999999999999": value out of range',
  ],
  ['1.2.3-0a', '1.2.3-0a|1|2|3|0a||1.2.3-0a'],
  ['1.2.3- ', 'error: invalid semantic version'],
  [' 1.2.3', 'error: invalid semantic version'],
];

const COMPARES: [string, string, number][] = [
  ['1.2.3', '1.2.3+x', 0],
  ['1.2.3-alpha', '1.2.3', -1],
  ['1.2.3-alpha.1', '1.2.3-alpha', 1],
  ['1.2.3-1', '1.2.3-a', -1],
  ['1.2.3-a.b', '1.2.3-a.b.c', -1],
  ['1.2.3-99', '1.2.3-100', -1],
  ['1.0.0-beta.11', '1.0.0-beta.2', 1],
  ['2.0.0', '10.0.0', -1],
  ['1.2.3-99999999999999999999', '1.2.3-5', 1],
];

function check(constraint: string, version: string): boolean | string {
  try {
    return satisfies(parseConstraint(constraint), parseVersion(version));
  } catch (e) {
    if (e instanceof SemverError) return e.message;
    throw e;
  }
}

describe('constraints', () => {
  it.each(CHECKS)('%j against %j', (constraint, version, want) => {
    expect(check(constraint, version)).toBe(want);
  });

  it('lets prereleases through every group with includePrerelease', () => {
    const c = parseConstraint('>=1.0.0');
    expect(satisfies(c, parseVersion('1.2.0-rc.1'))).toBe(false);
    expect(satisfies(c, parseVersion('1.2.0-rc.1'), { includePrerelease: true })).toBe(true);
  });
});

describe('versions', () => {
  it.each(VERSIONS)('parses %j', (text, want) => {
    let got: string;
    try {
      const v = parseVersion(text);
      got = [formatVersion(v), v.major, v.minor, v.patch, v.pre, v.metadata, v.original].join('|');
    } catch (e) {
      got = `error: ${(e as Error).message}`;
    }
    expect(got).toBe(want);
  });

  it.each(COMPARES)('compares %j with %j', (a, b, want) => {
    expect(compareVersions(parseVersion(a), parseVersion(b))).toBe(want);
    expect(compareVersions(parseVersion(b), parseVersion(a))).toBe(-want || 0);
  });

  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2.3-rc.1+b', '1.2.3-rc.1+b'],
    ['v1.2.3', 'error: invalid characters in version'],
    ['1.2', 'error: invalid semantic version'],
    ['01.2.3', 'error: version segment starts with 0'],
    ['', 'error: version string empty'],
    ['1.2.3-01', 'error: version segment starts with 0'],
  ])('parses %j strictly', (text, want) => {
    let got: string;
    try {
      got = formatVersion(parseStrictVersion(text));
    } catch (e) {
      got = `error: ${(e as Error).message}`;
    }
    expect(got).toBe(want);
  });
});

describe('selection', () => {
  const index = ['1.0.0', '2.1.0-rc.1', '1.10.0', 'not-a-version', '1.9.3', '2.0.0+build.1', '2.0.0'];

  it('picks the highest version that satisfies the constraint', () => {
    expect(selectHighest(index, '^1.0')?.version.original).toBe('1.10.0');
    expect(selectHighest(index, '*')?.index).toBe(5);
    expect(selectHighest(index, '>=2.1.0-0')?.version.original).toBe('2.1.0-rc.1');
    expect(selectHighest(index, '*', { includePrerelease: true })?.version.original).toBe('2.1.0-rc.1');
    expect(selectHighest(index, '>3')).toBeUndefined();
  });

  it('reports a bad constraint', () => {
    expect(() => selectHighest(index, '>>1')).toThrow('improper constraint: >>1');
  });

  it('sorts versions from the highest, dropping non-versions', () => {
    expect(sortDescending(index).map((v) => v.original)).toEqual([
      '2.1.0-rc.1',
      '2.0.0+build.1',
      '2.0.0',
      '1.10.0',
      '1.9.3',
      '1.0.0',
    ]);
  });
});
