import type { Ajv } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * RFC 3339 as Kubernetes parses it: kube-openapi's strfmt also accepts a local time
 * without offset, which ajv-formats' `date-time` would reject.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

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

export function addKubernetesFormats(ajv: Ajv): void {
  for (const name of ['int32', 'int64', 'float', 'double', 'byte', 'date', 'ipv4', 'ipv6', 'uuid'] as const) {
    ajv.addFormat(name, fullFormats[name]);
  }
  ajv.addFormat('date-time', DATE_TIME);
}

/** Accept-everything stand-in for a pattern JavaScript cannot compile. */
const ANY: RegExp = /(?:)/;

/**
 * CRD patterns are Go RE2. Most compile as JavaScript with the `u` flag; some need no flag
 * (identity escapes like `\-`) or carry Go's inline flags (`(?i)`). A pattern that still
 * does not compile matches everything, so one odd pattern cannot disable a whole schema.
 */
function goRegExp(pattern: string, u: string): RegExp {
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

export const regExpEngine: RegExpEngine = Object.assign(goRegExp, { code: 'new RegExp' });
