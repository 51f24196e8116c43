/**
 * The parts of Go's `time` that sprig's date functions use: instants with a location, Format
 * with reference-time layouts, ParseInLocation, and time zones. `Local` is UTC: rendering must
 * not depend on the machine it runs on (helm-controller's containers run in UTC too). Named zones
 * come from the platform's time-zone database through Intl.
 */
import { LONG_DAYS, LONG_MONTHS, nextChunk, type Chunk } from './go-time-layout.js';

export interface Zone {
  /** The location name (`UTC`, `Local`, `Europe/Paris`, or a fixed zone's name). */
  readonly name: string;
  /** The abbreviation and offset east of UTC, in seconds, in effect at a Unix second. */
  lookup(unixSec: number): { abbr: string; offset: number };
}

export interface GoTime {
  /** Seconds since the Unix epoch. */
  readonly sec: number;
  /** Nanoseconds within the second, 0 to 999 999 999. */
  readonly nsec: number;
  readonly zone: Zone;
  /**
   * The monotonic clock reading in nanoseconds, which only `time.Now()` gives and `String`
   * prints (` m=+0.000012345`); `Add` moves it, other operations drop it.
   */
  readonly mono?: bigint;
}

export const UTC: Zone = { name: 'UTC', lookup: () => ({ abbr: 'UTC', offset: 0 }) };
export const LOCAL: Zone = { name: 'Local', lookup: () => ({ abbr: 'UTC', offset: 0 }) };

export function fixedZone(name: string, offset: number): Zone {
  return { name, lookup: () => ({ abbr: name, offset }) };
}

/** Go's zero time, January 1, year 1, 00:00:00 UTC. */
export const ZERO_SEC = -62135596800;
export const zeroTime = (): GoTime => ({ sec: ZERO_SEC, nsec: 0, zone: UTC });

export function fromDate(d: Date, zone: Zone = LOCAL): GoTime {
  const ms = d.getTime();
  const sec = Math.floor(ms / 1000);
  return { sec, nsec: (ms - sec * 1000) * 1e6, zone };
}

function numericAbbr(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const m = Math.abs(offset) / 60;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  return m % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}${String(m % 60).padStart(2, '0')}`;
}

const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'ja-JP', 'en-ZA', 'en-NG', 'id-ID'];

/** time.LoadLocation: `''` and `UTC` are UTC, `Local` is Local; others need a known zone name. */
export function loadLocation(name: string): Zone | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return LOCAL;
  let parts: Intl.DateTimeFormat;
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  // ICU knows a zone's abbreviation (CET, JST, IST) only in some locales; where none has one,
  // tzdata writes the offset (+03), as here. ICU and tzdata can still disagree (Dubai: GST, +04).
  const names = ABBREVIATION_LOCALES.map(
    (locale) => new Intl.DateTimeFormat(locale, { timeZone: name, timeZoneName: 'short' }),
  );
  return {
    name,
    lookup: (unixSec) => {
      const date = new Date(unixSec * 1000);
      const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
      const local = Date.UTC(
        Number(p['year']),
        Number(p['month']) - 1,
        Number(p['day']),
        Number(p['hour']),
        Number(p['minute']),
        Number(p['second']),
      );
      const offset = Math.round((local - date.getTime()) / 1000);
      for (const f of names) {
        const abbr = f.formatToParts(date).find((x) => x.type === 'timeZoneName')?.value ?? '';
        if (/^[A-Z]{2,5}$/.test(abbr)) return { abbr, offset };
      }
      return {
        abbr:
          offset === 0 && /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/.test(name) ? 'UTC' : numericAbbr(offset),
        offset,
      };
    },
  };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nsec: number;
  weekday: number;
  yday: number;
  abbr: string;
  offset: number;
}

/** The calendar fields of `t` in its own location. */
export function civil(t: GoTime): Civil {
  const { abbr, offset } = t.zone.lookup(t.sec);
  const local = t.sec + offset;
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
    nsec: t.nsec,
    weekday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    abbr,
    offset,
  };
}

/** time.Date: the instant of a (possibly out-of-range, normalised) wall clock in `zone`. */
export function goDate(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ns: number,
  zone: Zone,
): GoTime {
  const extraSec = Math.floor(ns / 1e9);
  const nsec = ns - extraSec * 1e9;
  const m0 = mo - 1;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const wall = (daysFromCivil(year, month, 1) + d - 1) * 86400 + h * 3600 + mi * 60 + s + extraSec;
  // Go looks the offset up twice so that wall clocks near a transition resolve as it does.
  let offset = zone.lookup(wall).offset;
  offset = zone.lookup(wall - offset).offset;
  return { sec: wall - offset, nsec, zone };
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function fraction(nsec: number, chunk: Chunk): string {
  const digits = String(nsec)
    .padStart(9, '0')
    .slice(0, chunk.digits ?? 0);
  if (chunk.std === 'frac0') return (chunk.separator ?? '.') + digits;
  const trimmed = digits.replace(/0+$/, '');
  return trimmed === '' ? '' : (chunk.separator ?? '.') + trimmed;
}

function zoneText(std: string, offset: number): string {
  if (offset === 0 && std.startsWith('Z')) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const minutes = Math.floor(abs / 60);
  let out = sign + pad(Math.floor(minutes / 60), 2);
  const colon = std.includes(':');
  const body = std.replace(/^[Z-]/, '');
  if (body !== '07') out += (colon ? ':' : '') + pad(minutes % 60, 2);
  if (body === '070000' || body === '07:00:00') out += (colon ? ':' : '') + pad(abs % 60, 2);
  return out;
}

/** Time.Format. */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  for (let rest = layout; rest !== '';) {
    const chunk = nextChunk(rest);
    out += chunk.prefix;
    rest = chunk.suffix;
    const std = chunk.std;
    if (!std) break;
    const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    const texts: Record<string, () => string> = {
      Jan: () => (LONG_MONTHS[c.month - 1] ?? '').slice(0, 3),
      January: () => LONG_MONTHS[c.month - 1] ?? '',
      '1': () => String(c.month),
      '01': () => pad(c.month, 2),
      Mon: () => (LONG_DAYS[c.weekday] ?? '').slice(0, 3),
      Monday: () => LONG_DAYS[c.weekday] ?? '',
      '2': () => String(c.day),
      _2: () => String(c.day).padStart(2, ' '),
      '02': () => pad(c.day, 2),
      __2: () => String(c.yday).padStart(3, ' '),
      '002': () => pad(c.yday, 3),
      '15': () => pad(c.hour, 2),
      '3': () => String(hour12),
      '03': () => pad(hour12, 2),
      '4': () => String(c.minute),
      '04': () => pad(c.minute, 2),
      '5': () => String(c.second),
      '05': () => pad(c.second, 2),
      '06': () => pad(Math.abs(c.year) % 100, 2),
      '2006': () => pad(c.year, 4),
      PM: () => (c.hour >= 12 ? 'PM' : 'AM'),
      pm: () => (c.hour >= 12 ? 'pm' : 'am'),
      MST: () => (c.abbr !== '' ? c.abbr : zoneText('-0700', c.offset)),
      frac0: () => fraction(c.nsec, chunk),
      frac9: () => fraction(c.nsec, chunk),
    };
    out += texts[std]?.() ?? zoneText(std, c.offset);
  }
  return out;
}

/** Time.String: `2006-01-02 15:04:05.999999999 -0700 MST`. */
export function timeString(t: GoTime): string {
  const text = formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (t.mono === undefined) return text;
  const abs = t.mono < 0n ? -t.mono : t.mono;
  const frac = String(abs % 1_000_000_000n).padStart(9, '0');
  return `${text} m=${t.mono < 0n ? '-' : '+'}${abs / 1_000_000_000n}.${frac}`;
}
