/**
 * Sprig v3.3.0's function map, as Helm installs it. Each group lives in its own file and is
 * spread in here; later entries win, as in sprig's own map.
 */
import type { FuncMap } from '../value.js';
import { conversionFuncs } from './conversions.js';
import { cryptoFuncs } from './crypto.js';
import { dateFuncs } from './dates.js';
import { defaultFuncs } from './defaults.js';
import { dictFuncs } from './dicts.js';
import { encodingFuncMap } from './encoding.js';
import { jsonFuncs } from './json.js';
import { listFuncs } from './lists.js';
import { mathFuncs } from './math.js';
import { networkFuncMap } from './network.js';
import { pathFuncs } from './paths.js';
import { randomFuncs } from './random.js';
import { reflectionFuncs } from './reflection.js';
import { regexFuncMap } from './regex.js';
import { semverFuncMap } from './semver-funcs.js';
import { stringFuncs } from './strings.js';
import { urlFuncMap } from './url.js';

/**
 * What the functions that are not pure need from the outside world. Rendering must be
 * reproducible, so randomness and the clock come from here, and every generated value is
 * reported so that diffs can mask it.
 */
export interface SprigEnv {
  /** A seeded pseudo-random number in [0, 1). */
  random(): number;
  /** The current time as the template sees it. */
  now(): Date;
  /** Records a generated value (a password, a key, a date) so later stages can mask it. */
  volatile(value: string): void;
}

/** A 32-bit FNV-1a hash of `text` started from `basis`, to seed the generator. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** sfc32: a small, fast generator with a 128-bit state; good enough for template randomness. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A fixed instant, so that `now` and the dates derived from it render the same every time. */
export const DEFAULT_NOW = new Date('2024-01-01T00:00:00Z');

/**
 * A deterministic environment: the same `seed` gives the same random sequence, the clock is
 * fixed, and generated values are collected in `values`.
 */
export function defaultSprigEnv(seed: string): SprigEnv & { readonly values: string[] } {
  const next = sfc32(
    fnv1a(seed, 0x811c9dc5),
    fnv1a(seed, 0x9e3779b9),
    fnv1a(seed, 0x85ebca6b),
    fnv1a(seed, 0xc2b2ae35),
  );
  // The first outputs of sfc32 are poorly mixed; discard them as its authors advise.
  for (let i = 0; i < 15; i++) next();
  const values: string[] = [];
  return {
    random: next,
    now: () => new Date(DEFAULT_NOW.getTime()),
    volatile: (value) => {
      values.push(value);
    },
    values,
  };
}

/** Sprig's functions for `env`, in sprig's own map order of groups. */
export function sprigFuncs(env: SprigEnv): FuncMap {
  return {
    // ---- general groups: strings, lists, dicts, math, conversions, defaults, reflection ----
    ...stringFuncs(),
    ...conversionFuncs(),
    ...mathFuncs(),
    ...defaultFuncs(),
    ...jsonFuncs(),
    ...reflectionFuncs(),
    ...pathFuncs(),
    ...dictFuncs(),
    ...listFuncs(),
    // ---- end of general groups ----
    // ---- regex, encodings, hashes, crypto, random, uuid, dates, url, semver, network ----
    // (one spread line per file, e.g. `...regexFuncs(env),`)
    ...regexFuncMap,
    ...encodingFuncMap,
    ...randomFuncs(env),
    ...cryptoFuncs(env),
    ...dateFuncs(env),
    ...urlFuncMap,
    ...semverFuncMap,
    ...networkFuncMap,
    // ---- end of regex … network groups ----
  };
}
