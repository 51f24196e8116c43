/**
 * Go's time.ParseInLocation, element by element as time's parse does, with its error texts
 * (`parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"`).
 */
import { fixedZone, goDate, isLeap, LOCAL, UTC, daysFromCivil, type GoTime, type Zone } from './go-time.js';
import { LONG_DAYS, LONG_MONTHS, nextChunk, timeQuote } from './go-time-layout.js';

export class TimeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeParseError';
  }
}

const BAD = Symbol('bad');

const isDigit = (s: string, i: number): boolean => {
  const c = s[i];
  return c !== undefined && c >= '0' && c <= '9';
};

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw BAD;
  if (!isDigit(s, 1)) {
    if (fixed) throw BAD;
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + Number(s[i]);
  if (i === 0 || (fixed && i !== 3)) throw BAD;
  return [n, s.slice(i)];
}

function lookup(names: readonly string[], value: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (value.length >= name.length && value.slice(0, name.length).toLowerCase() === name.toLowerCase())
      return [i, value.slice(name.length)];
  }
  throw BAD;
}

const cutspace = (s: string): string => s.replace(/^ +/, '');

function skip(value: string, prefix: string): string {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') throw BAD;
      p = cutspace(p);
      v = cutspace(v);
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) throw BAD;
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw BAD;
  return Number(s);
}

/** The fraction at `value` (separator included) of `n` characters, in nanoseconds. */
function nanoseconds(value: string, n: number): number {
  if (value[0] !== '.' && value[0] !== ',') throw BAD;
  const digits = value.slice(1, Math.min(n, 10));
  return atoi(digits) * 10 ** (10 - Math.min(n, 10));
}

function parseSignedOffset(value: string): number {
  const m = /^[+-]([0-9]+)/.exec(value);
  if (!m || Number(m[1]) > 12) return 0;
  return m[0].length;
}

function timeZoneLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  const upper = /^[A-Z]{0,6}/.exec(value)?.[0].length ?? 0;
  if (upper === 5 && value[4] === 'T') return 5;
  if (upper === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  return upper === 3 ? 3 : 0;
}

const daysIn = (month: number, year: number): number =>
  month === 2 && isLeap(year) ? 29 : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);

/** time.ParseInLocation(layout, value, loc); `Local` (UTC here) stands for the local zone. */
export function parseTime(layout: string, value: string, loc: Zone = LOCAL): GoTime {
  const error = (layoutElem: string, valueElem: string, message = ''): TimeParseError =>
    new TimeParseError(
      message === ''
        ? `parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`
        : `parsing time ${timeQuote(value)}${message}`,
    );
  let [year, month, day, yday, hour, min, sec, nsec] = [0, -1, -1, -1, 0, 0, 0, 0];
  let zone: Zone | undefined;
  let zoneOffset = -1;
  let zoneName = '';
  let am = false;
  let pm = false;
  let rest = layout;
  let v = value;
  for (;;) {
    const chunk = nextChunk(rest);
    const stdText = rest.slice(chunk.prefix.length, rest.length - chunk.suffix.length);
    try {
      v = skip(v, chunk.prefix);
    } catch {
      throw error(chunk.prefix, v);
    }
    if (!chunk.std) {
      if (v.length !== 0) throw error('', v, `: extra text: ${timeQuote(v)}`);
      break;
    }
    rest = chunk.suffix;
    const hold = v;
    let range = '';
    try {
      switch (chunk.std) {
        case '06':
          if (v.length < 2) throw BAD;
          year = atoi(v.slice(0, 2));
          year += year >= 69 ? 1900 : 2000;
          v = v.slice(2);
          break;
        case '2006':
          if (v.length < 4 || !isDigit(v, 0)) throw BAD;
          year = atoi(v.slice(0, 4));
          v = v.slice(4);
          break;
        case 'Jan':
        case 'January':
          [month, v] = lookup(chunk.std === 'Jan' ? LONG_MONTHS.map((m) => m.slice(0, 3)) : LONG_MONTHS, v);
          month++;
          break;
        case '1':
        case '01':
          [month, v] = getnum(v, chunk.std === '01');
          if (month <= 0 || month > 12) range = 'month';
          break;
        case 'Mon':
        case 'Monday':
          [, v] = lookup(chunk.std === 'Mon' ? LONG_DAYS.map((d) => d.slice(0, 3)) : LONG_DAYS, v);
          break;
        case '2':
        case '_2':
        case '02':
          if (chunk.std === '_2' && v[0] === ' ') v = v.slice(1);
          [day, v] = getnum(v, chunk.std === '02');
          break;
        case '__2':
        case '002':
          for (let i = 0; i < 2; i++) if (chunk.std === '__2' && v[0] === ' ') v = v.slice(1);
          [yday, v] = getnum3(v, chunk.std === '002');
          break;
        case '15':
          [hour, v] = getnum(v, false);
          if (hour < 0 || hour >= 24) range = 'hour';
          break;
        case '3':
        case '03':
          [hour, v] = getnum(v, chunk.std === '03');
          if (hour < 0 || hour > 12) range = 'hour';
          break;
        case '4':
        case '04':
          [min, v] = getnum(v, chunk.std === '04');
          if (min < 0 || min >= 60) range = 'minute';
          break;
        case '5':
        case '05': {
          [sec, v] = getnum(v, chunk.std === '05');
          if (sec < 0 || sec >= 60) {
            range = 'second';
            break;
          }
          // A fraction in the value with none in the layout is still read.
          const next = nextChunk(rest).std;
          if (
            v.length >= 2 &&
            (v[0] === '.' || v[0] === ',') &&
            isDigit(v, 1) &&
            next !== 'frac0' &&
            next !== 'frac9'
          ) {
            let n = 2;
            while (isDigit(v, n)) n++;
            nsec = nanoseconds(v, n);
            v = v.slice(n);
          }
          break;
        }
        case 'PM':
        case 'pm': {
          if (v.length < 2) throw BAD;
          const p = v.slice(0, 2);
          v = v.slice(2);
          if (p === (chunk.std === 'PM' ? 'PM' : 'pm')) pm = true;
          else if (p === (chunk.std === 'PM' ? 'AM' : 'am')) am = true;
          else throw BAD;
          break;
        }
        case 'MST': {
          if (v.startsWith('UTC')) {
            zone = UTC;
            v = v.slice(3);
            break;
          }
          const n = timeZoneLength(v);
          if (n === 0) throw BAD;
          zoneName = v.slice(0, n);
          v = v.slice(n);
          break;
        }
        case 'frac0': {
          const n = 1 + (chunk.digits ?? 0);
          if (v.length < n) throw BAD;
          nsec = nanoseconds(v, n);
          v = v.slice(n);
          break;
        }
        case 'frac9': {
          if (v.length < 2 || (v[0] !== '.' && v[0] !== ',') || !isDigit(v, 1)) break;
          let i = 0;
          while (isDigit(v, i + 1)) i++;
          nsec = nanoseconds(v, 1 + i);
          v = v.slice(1 + i);
          break;
        }
        default: {
          // Numeric zones; the Z forms also accept a literal Z for UTC.
          const std = chunk.std;
          if (std.startsWith('Z') && v[0] === 'Z') {
            v = v.slice(1);
            zone = UTC;
            break;
          }
          const body = std.slice(1);
          const widths: Record<string, [number, number[]]> = {
            '07:00': [6, [1, 4]],
            '07': [3, [1]],
            '07:00:00': [9, [1, 4, 7]],
            '070000': [7, [1, 3, 5]],
            '0700': [5, [1, 3]],
          };
          const [width, at] = widths[body] as [number, number[]];
          if (v.length < width) throw BAD;
          if (body.includes(':') && (v[3] !== ':' || (body === '07:00:00' && v[6] !== ':'))) throw BAD;
          const parts = at.map((i) => getnum(v.slice(i, i + 2), true)[0]);
          const [hr, mm = 0, ss = 0] = parts as [number, number?, number?];
          if (hr > 24) range = 'time zone offset hour';
          if (mm > 60) range = 'time zone offset minute';
          if (ss > 60) range = 'time zone offset second';
          zoneOffset = (hr * 60 + mm) * 60 + ss;
          if (v[0] === '-') zoneOffset = -zoneOffset;
          else if (v[0] !== '+') throw BAD;
          v = v.slice(width);
        }
      }
    } catch (e) {
      if (e !== BAD) throw e;
      throw error(stdText, hold);
    }
    if (range !== '') throw error(stdText, v, `: ${range} out of range`);
  }
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  if (yday >= 0) {
    let m = 0;
    let d = 0;
    if (isLeap(year)) {
      if (yday === 60) [m, d] = [2, 29];
      else if (yday > 60) yday--;
    }
    if (yday < 1 || yday > 365) throw error('', v, ': day-of-year out of range');
    if (m === 0) {
      const before = (mo: number): number => daysFromCivil(2001, mo, 1) - daysFromCivil(2001, 1, 1);
      m = Math.floor((yday - 1) / 31) + 1;
      if (m < 12 && before(m + 1) < yday) m++;
      d = yday - before(m);
    }
    if (month >= 0 && month !== m) throw error('', v, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw error('', v, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw error('', v, ': day out of range');
  if (zone) return goDate(year, month, day, hour, min, sec, nsec, zone);
  if (zoneOffset !== -1) {
    const t = goDate(year, month, day, hour, min, sec, nsec, UTC);
    const utcSec = t.sec - zoneOffset;
    const local = LOCAL.lookup(utcSec);
    if (local.offset === zoneOffset && (zoneName === '' || local.abbr === zoneName))
      return { ...t, sec: utcSec, zone: LOCAL };
    return { ...t, sec: utcSec, zone: fixedZone(zoneName, zoneOffset) };
  }
  if (zoneName !== '') {
    const t = goDate(year, month, day, hour, min, sec, nsec, UTC);
    if (LOCAL.lookup(t.sec).abbr === zoneName) return { ...t, zone: LOCAL };
    const offset = zoneName.length > 3 && zoneName.startsWith('GMT') ? Number(zoneName.slice(3)) * 3600 : 0;
    return { ...t, zone: fixedZone(zoneName, offset) };
  }
  return goDate(year, month, day, hour, min, sec, nsec, loc);
}
