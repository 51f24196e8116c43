/**
 * The formats the validator asserts (only for drafts 4, 6 and 7: helm leaves format assertion
 * off, so 2019-09 and 2020-12 schemas treat `format` as an annotation). Each check returns
 * the validator's reason, or undefined when the value passes; non-strings always pass.
 * Unknown format names are ignored, as helm ignores them.
 */
import { quote } from '../../../gotemplate/go-quote.js';
import { compileGoRegexp, GoRegexpError } from '../../../gotemplate/sprig/go-regexp.js';
import { GoUrlError, hostname as urlHostname, parseUrl } from '../../../gotemplate/sprig/go-url.js';
import { validateDate, validateDateTime, validateDuration, validateTime } from './formats-time.js';

export type FormatCheck = (v: unknown) => string | undefined;

const str =
  (check: (s: string) => string | undefined): FormatCheck =>
  (v) =>
    typeof v === 'string' ? check(v) : undefined;

const quoteRune = (ch: string): string => `'${quote(ch).slice(1, -1).replaceAll("'", "\\'")}'`;

function jsonPointer(s: string): string | undefined {
  if (s === '') return undefined;
  if (!s.startsWith('/')) return 'not starting with /';
  for (const tok of s.split('/').slice(1)) {
    if (/~(?![01])/.test(tok)) return '~ must be followed by 0 or 1';
  }
  return undefined;
}

function relativeJsonPointer(s: string): string | undefined {
  const digits = /^\d*/.exec(s)?.[0] ?? '';
  if (digits.length === 0) return 'must start with non-negative integer';
  if (digits.length > 1 && s.startsWith('0')) return 'starts with zero';
  const rest = s.slice(digits.length);
  return rest === '#' ? undefined : jsonPointer(rest);
}

function uuid(s: string): string | undefined {
  const lengths = [8, 4, 4, 4, 12];
  const groups = s.split('-');
  if (groups.length !== lengths.length) return `must have ${lengths.length} elements`;
  for (const [i, g] of groups.entries()) {
    if (g.length !== lengths[i]) return `element ${i + 1} must be ${lengths[i]} characters long`;
    for (const ch of g) if (!/[0-9a-fA-F]/.test(ch)) return `non-hex character ${quoteRune(ch)}`;
  }
  return undefined;
}

export function ipv4(s: string): string | undefined {
  const groups = s.split('.');
  if (groups.length !== 4) return 'expected four decimals';
  for (const g of groups) {
    if (g.length > 1 && g.startsWith('0')) return 'leading zeros';
    if (!/^[+-]?\d+$/.test(g)) return `strconv.Atoi: parsing ${quote(g)}: invalid syntax`;
    const n = Number(g);
    if (n < 0 || n > 255) return 'decimal must be between 0 and 255';
  }
  return undefined;
}

// netip.ParseAddr for the IPv6 forms (an approximation of its error texts).
export function ipv6(s: string): string | undefined {
  if (!s.includes(':')) return 'missing colon';
  const bad = (why: string): string => `ParseAddr(${quote(s)}): ${why}`;
  let addr = s;
  const pct = addr.indexOf('%');
  if (pct >= 0) {
    if (pct === addr.length - 1) return bad('zone must be a non-empty string');
    addr = addr.slice(0, pct);
  }
  const parts = addr.split('::');
  if (parts.length > 2) return bad('multiple :: in address');
  let fields = 0;
  for (const part of parts) {
    if (part === '') continue;
    const groups = part.split(':');
    for (const [i, g] of groups.entries()) {
      if (i === groups.length - 1 && g.includes('.') && part === parts[parts.length - 1]) {
        if (ipv4(g) !== undefined) return bad('IPv4 field has octet with leading zero');
        fields += 2;
        continue;
      }
      if (g === '') return bad('each colon-separated field must have at least one digit');
      if (!/^[0-9a-fA-F]+$/.test(g)) return bad('unexpected character');
      if (g.length > 4) return bad('IPv6 field has value >=2^16');
      fields++;
    }
  }
  if (parts.length === 1 && fields < 8) return bad('address string too short');
  if (fields > 8 || (parts.length === 2 && fields > 7)) return bad('address string too long');
  if (pct >= 0) return 'zone id is not a part of ipv6 address';
  return undefined;
}

export function hostname(h: string): string | undefined {
  const s = h.endsWith('.') ? h.slice(0, -1) : h;
  if (s.length > 253) return 'more than 253 characters long';
  for (const label of s.split('.')) {
    if (label.length < 1 || label.length > 63) return 'label must be 1 to 63 characters long';
    if (label.startsWith('-')) return 'label starts with hyphen';
    if (label.endsWith('-')) return 'label ends with hyphen';
    for (const ch of label) if (!/[a-zA-Z0-9-]/.test(ch)) return `invalid character ${quoteRune(ch)}`;
  }
  return undefined;
}

function email(s: string): string | undefined {
  if (s.length > 254) return 'more than 255 characters long';
  const at = s.lastIndexOf('@');
  if (at < 0) return 'missing @';
  const local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (local.length > 64) return 'local part more than 64 characters long';
  if (local.length > 1 && local.startsWith('"')) {
    const inner = local.slice(1, -1);
    if (inner.includes('\\') || inner.includes('"')) {
      return 'backslash and quote are not allowed within quoted local part';
    }
  } else {
    if (local.startsWith('.')) return 'starts with dot';
    if (local.endsWith('.')) return 'ends with dot';
    if (local.includes('..')) return 'consecutive dots';
    for (const ch of local) {
      if (!/[a-zA-Z0-9]/.test(ch) && !".!#$%&'*+-/=?^_`{|}~".includes(ch))
        return `invalid character ${quoteRune(ch)}`;
    }
  }
  if (domain.startsWith('[') && domain.endsWith(']')) {
    domain = domain.slice(1, -1);
    if (domain.startsWith('IPv6:')) {
      const err = ipv6(domain.slice(5));
      return err === undefined ? undefined : `invalid ipv6 address: ${err}`;
    }
    const err = ipv4(domain);
    return err === undefined ? undefined : `invalid ipv4 address: ${err}`;
  }
  const err = hostname(domain);
  return err === undefined ? undefined : `invalid domain: ${err}`;
}

function url(s: string): { scheme: string } | string {
  try {
    const u = parseUrl(s);
    const host = urlHostname(u.host);
    if (host.includes(':')) {
      if (!u.host.includes('[') || !u.host.includes(']')) return 'ipv6 address not enclosed in brackets';
      const err = ipv6(host);
      if (err !== undefined) return `invalid ipv6 address: ${err}`;
    }
    return u;
  } catch (e) {
    if (e instanceof GoUrlError) return e.message;
    throw e;
  }
}

function uri(s: string): string | undefined {
  const u = url(s);
  if (typeof u === 'string') return u;
  return u.scheme === '' ? 'relative url' : undefined;
}

function uriReference(s: string): string | undefined {
  if (s.includes('\\')) return 'contains \\';
  const u = url(s);
  return typeof u === 'string' ? u : undefined;
}

function regex(s: string): string | undefined {
  try {
    compileGoRegexp(s);
    return undefined;
  } catch (e) {
    if (e instanceof GoRegexpError) return e.message;
    throw e;
  }
}

function period(s: string): string | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return 'missing slash';
  const [start, end] = [s.slice(0, slash), s.slice(slash + 1)];
  const wrap = (what: string, err: string | undefined) =>
    err === undefined ? undefined : `invalid ${what}: ${err}`;
  if (start.startsWith('P')) {
    return wrap('start duration', validateDuration(start)) ?? wrap('end date-time', validateDateTime(end));
  }
  return (
    wrap('start date-time', validateDateTime(start)) ??
    (end.startsWith('P')
      ? wrap('end duration', validateDuration(end))
      : wrap('end date-time', validateDateTime(end)))
  );
}

export const FORMATS: Readonly<Record<string, FormatCheck>> = {
  'json-pointer': str(jsonPointer),
  'relative-json-pointer': str(relativeJsonPointer),
  uuid: str(uuid),
  duration: str(validateDuration),
  period: str(period),
  ipv4: str(ipv4),
  ipv6: str(ipv6),
  hostname: str(hostname),
  email: str(email),
  date: str(validateDate),
  time: str(validateTime),
  'date-time': str(validateDateTime),
  uri: str(uri),
  iri: str(uri),
  'uri-reference': str(uriReference),
  'iri-reference': str(uriReference),
  regex: str(regex),
};
