import { fullFormats } from 'ajv-formats/dist/formats.js';

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

/** Accept-everything stand-in for a pattern JavaScript cannot compile. */
const ANY: RegExp = /(?:)/;

/**
 * CRD patterns are Go RE2. Most compile as JavaScript with the `u` flag; some need no flag
 * (identity escapes like `\-`) or carry Go's inline flags (`(?i)`). A pattern that still
 * does not compile matches everything, so one odd pattern cannot disable a whole schema.
 */
export function goRegExp(pattern: string, u: string): RegExp {
  let source = pattern;
  let flags = u;
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline?.[1]) {
    source = source.slice(inline[0].length);
    flags += [...new Set(inline[1].replace('m', ''))].join('');
  }
  for (const f of [flags, flags.replace('u', '')]) {
    try {
      return new RegExp(source, f);
    } catch {
      // try the next dialect
    }
  }
  return ANY;
}

const patterns = new Map<string, RegExp>();

/** A schema `pattern` as a RegExp, compiled once per process (none has the g or y flag). */
export function patternRegExp(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = goRegExp(pattern, 'u');
    patterns.set(pattern, re);
  }
  return re;
}
