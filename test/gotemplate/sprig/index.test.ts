import { describe, expect, it } from 'vitest';
import { DEFAULT_NOW, defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';

// sprig v3.3.0's function map, the strings, lists, dicts, math, conversions, defaults,
// reflection and path groups.
const GENERAL = `hello abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll
trimSuffix trimPrefix nospace initials swapcase snakecase camelcase kebabcase wrap wrapWith contains
hasPrefix hasSuffix quote squote cat indent nindent replace plural toString atoi int64 int float64 seq
toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul add1f addf subf
divf mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any
compact mustCompact ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual
base dir clean ext isAbs osBase osClean osDir osExt osIsAbs tuple list dict get set unset hasKey pluck
keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append push mustAppend
mustPush prepend mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial reverse
mustReverse uniq mustUniq without mustWithout has mustHas slice mustSlice concat dig chunk mustChunk
fail`.split(/\s+/);

describe('sprigFuncs', () => {
  it('has every function of the general groups, each with a Go signature', () => {
    const funcs = sprigFuncs(defaultSprigEnv('x'));
    for (const name of GENERAL) {
      expect(funcs[name], name).toBeDefined();
      expect(Array.isArray(funcs[name]?.params), name).toBe(true);
    }
  });
});

describe('defaultSprigEnv', () => {
  it('repeats its random sequence for a seed, and differs between seeds', () => {
    const draw = (seed: string): number[] => {
      const env = defaultSprigEnv(seed);
      return Array.from({ length: 5 }, () => env.random());
    };
    expect(draw('release-a')).toEqual(draw('release-a'));
    expect(draw('release-a')).not.toEqual(draw('release-b'));
    for (const r of draw('x')) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
    }
  });

  it('has a fixed clock and records volatile values', () => {
    const env = defaultSprigEnv('x');
    expect(env.now().getTime()).toBe(DEFAULT_NOW.getTime());
    env.volatile('secret');
    expect(env.values).toEqual(['secret']);
  });
});
