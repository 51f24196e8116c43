import { fullFormats } from 'ajv-formats/dist/formats.js';
import { RE2JS } from 're2js';

/**
 * RFC 3339 as Kubernetes parses it: kube-openapi's strfmt also accepts a local time
 * without offset, which ajv-formats' `date-time` would reject.
 */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

/**
 * Formats checked, all meaning the same in Kubernetes as here. Any other format
 * (`int-or-string` aside, which the converter turns into a type) is dropped: Kubernetes
 * ignores formats it does not know, and some names (`duration`, `uri`) mean something
 * else to ajv-formats than to kube-openapi.
 */
export const CHECKED_FORMATS: ReadonlySet<string> = new Set([
  'int32',
  'int64',
  'float',
  'double',
  'byte',
  'date-time',
  'date',
  'ipv4',
  'ipv6',
  'uuid',
]);

/** One format: which JSON type it checks (other types pass) and the check. */
export interface FormatCheck {
  type: 'number' | 'string';
  test(value: unknown): boolean;
}

type Definition = RegExp | ((value: never) => boolean) | { type?: string; validate: unknown };

/** An ajv-formats definition as ajv applies it: objects carry a type (default string). */
function toCheck(def: Definition): FormatCheck {
  const isDef = typeof def === 'object' && !(def instanceof RegExp);
  const type = isDef && def.type === 'number' ? 'number' : 'string';
  const fn = (isDef ? def.validate : def) as RegExp | ((value: unknown) => boolean);
  return { type, test: fn instanceof RegExp ? (v) => fn.test(v as string) : fn };
}

/** The checked formats; ajv-formats' definitions, with Kubernetes' date-time. */
export const FORMATS: ReadonlyMap<string, FormatCheck> = new Map(
  [...CHECKED_FORMATS].map((name) => [
    name,
    toCheck(name === 'date-time' ? DATE_TIME : (fullFormats[name as keyof typeof fullFormats] as Definition)),
  ]),
);

/** Accept-everything stand-in for a pattern RE2 cannot compile. */
const ANY: PatternMatcher = { test: () => true };

/** A compiled schema `pattern`: only a test is needed. */
export interface PatternMatcher {
  test(value: string): boolean;
}

const patterns = new Map<string, PatternMatcher>();

/**
 * A schema `pattern`, compiled once per process. Kubernetes evaluates patterns with Go's RE2,
 * in linear time; so does re2js. A JavaScript RegExp would accept the same syntax mostly, but a
 * CRD pattern like `^(a+)+$` makes it backtrack for ever on a long value. A pattern RE2 cannot
 * compile (the API server would have refused the CRD) matches everything.
 */
export function patternRegExp(pattern: string): PatternMatcher {
  let re = patterns.get(pattern);
  if (!re) {
    re = compileRe2(pattern);
    patterns.set(pattern, re);
  }
  return re;
}

function compileRe2(pattern: string): PatternMatcher {
  try {
    const re = RE2JS.compile(pattern);
    return { test: (value) => re.test(value) };
  } catch {
    return ANY;
  }
}
