/**
 * sprig's date functions: `now date dateInZone date_in_zone dateModify date_modify mustDateModify
 * must_date_modify ago duration durationRound htmlDate htmlDateInZone toDate mustToDate unixEpoch`.
 * Times are `time.Time` structs that print as Go prints them; `now` comes from the environment's
 * clock, and what is derived from it is reported as volatile.
 */
import { GoCallError, GoInt, GoStruct, type FuncMap, type GoFunc, type GoValue } from '../value.js';
import { ANY, goFunc, STRING, strArg } from './define.js';
import {
  DurationError,
  formatDuration,
  HOUR,
  MINUTE,
  parseDuration,
  roundDuration,
  SECOND,
  wrap64,
} from './go-duration.js';
import {
  civil,
  formatTime,
  fromDate,
  goDate,
  loadLocation,
  LOCAL,
  timeString,
  UTC,
  zeroTime,
  ZERO_SEC,
  type GoTime,
} from './go-time.js';
import { LONG_DAYS, LONG_MONTHS } from './go-time-layout.js';
import { parseTime, TimeParseError } from './go-time-parse.js';

/** What the date functions need from the sprig environment. */
export interface Clock {
  now(): Date;
  volatile(value: string): void;
}

const TIME = 'time.Time';
const DURATION = 'time.Duration';
const times = new WeakMap<GoStruct, GoTime>();
const durations = new WeakMap<GoStruct, bigint>();

const int = (n: number | bigint, type: 'int' | 'int64' = 'int'): GoInt => new GoInt(type, BigInt(n));

/** Nanoseconds since the epoch, as a bigint. */
const unixNano = (t: GoTime): bigint => BigInt(t.sec) * SECOND + BigInt(t.nsec);

function addNanos(t: GoTime, d: bigint): GoTime {
  const total = unixNano(t) + d;
  const sec = total / SECOND - (total % SECOND < 0n ? 1n : 0n);
  const out = { sec: Number(sec), nsec: Number(total - sec * SECOND), zone: t.zone };
  return t.mono === undefined ? out : { ...out, mono: t.mono + d };
}

/**
 * The clock's current time as Go's time.Now() gives it. A Date has no digits below the
 * millisecond and no monotonic reading; fixed values fill both, so that a printed `now` has
 * Go's shape (`2024-01-01 00:00:00.000012345 +0000 UTC m=+0.000012345`) and stays repeatable.
 */
const NOW_NANOS = 12_345;

function clockNow(clock: Clock): GoTime {
  const t = fromDate(clock.now());
  return { ...t, nsec: t.nsec + NOW_NANOS, mono: BigInt(NOW_NANOS) };
}

/** A named integer type of package time that prints through its String method. */
function named(typeName: string, text: string): GoStruct {
  return new GoStruct(typeName, {}, { String: goFunc([], STRING, () => text) });
}

/** A `time.Duration` for templates. */
export function goDuration(d: bigint): GoStruct {
  const f = (unit: bigint): number => Number(d / unit) + Number(d % unit) / Number(unit);
  const methods: Record<string, GoFunc> = {
    String: goFunc([], STRING, () => formatDuration(d)),
    Hours: goFunc([], 'float64', () => f(HOUR)),
    Minutes: goFunc([], 'float64', () => f(MINUTE)),
    Seconds: goFunc([], 'float64', () => f(SECOND)),
    Milliseconds: goFunc([], 'int64', () => int(d / 1_000_000n, 'int64')),
    Microseconds: goFunc([], 'int64', () => int(d / 1000n, 'int64')),
    Nanoseconds: goFunc([], 'int64', () => int(d, 'int64')),
    Round: goFunc([DURATION], DURATION, (m) => goDuration(roundDuration(d, durationOf(m)))),
    Abs: goFunc([], DURATION, () => goDuration(d < 0n ? (d === -(1n << 63n) ? (1n << 63n) - 1n : -d) : d)),
  };
  const s = new GoStruct(DURATION, {}, methods);
  durations.set(s, d);
  return s;
}

function durationOf(v: GoValue): bigint {
  if (v instanceof GoInt) return v.value;
  return v instanceof GoStruct ? (durations.get(v) ?? 0n) : 0n;
}

function timeOf(v: GoValue): GoTime | undefined {
  return v instanceof GoStruct ? times.get(v) : undefined;
}

const argTime = (v: GoValue): GoTime => timeOf(v) ?? zeroTime();

/** A `time.Time` for templates, with the methods charts call on it. */
export function goTime(t: GoTime): GoStruct {
  const c = civil(t);
  const methods: Record<string, GoFunc> = {
    String: goFunc([], STRING, () => timeString(t)),
    Format: goFunc([STRING], STRING, (layout) => formatTime(t, strArg(layout))),
    Year: goFunc([], 'int', () => int(c.year)),
    Month: goFunc([], 'time.Month', () => named('time.Month', LONG_MONTHS[c.month - 1] ?? '')),
    Day: goFunc([], 'int', () => int(c.day)),
    Hour: goFunc([], 'int', () => int(c.hour)),
    Minute: goFunc([], 'int', () => int(c.minute)),
    Second: goFunc([], 'int', () => int(c.second)),
    Nanosecond: goFunc([], 'int', () => int(c.nsec)),
    YearDay: goFunc([], 'int', () => int(c.yday)),
    Weekday: goFunc([], 'time.Weekday', () => named('time.Weekday', LONG_DAYS[c.weekday] ?? '')),
    Unix: goFunc([], 'int64', () => int(t.sec, 'int64')),
    UnixMilli: goFunc([], 'int64', () => int(unixNano(t) / 1_000_000n, 'int64')),
    UnixMicro: goFunc([], 'int64', () => int(unixNano(t) / 1000n, 'int64')),
    UnixNano: goFunc([], 'int64', () => int(unixNano(t), 'int64')),
    IsZero: goFunc([], 'bool', () => t.sec === ZERO_SEC && t.nsec === 0),
    // In, UTC and Local drop the monotonic reading.
    UTC: goFunc([], TIME, () => goTime({ sec: t.sec, nsec: t.nsec, zone: UTC })),
    Local: goFunc([], TIME, () => goTime({ sec: t.sec, nsec: t.nsec, zone: LOCAL })),
    Add: goFunc([DURATION], TIME, (d) => goTime(addNanos(t, durationOf(d)))),
    AddDate: goFunc(['int', 'int', 'int'], TIME, (y, m, d) => {
      const n = (v: GoValue): number => (v instanceof GoInt ? Number(v.value) : 0);
      return goTime(
        goDate(c.year + n(y), c.month + n(m), c.day + n(d), c.hour, c.minute, c.second, c.nsec, t.zone),
      );
    }),
    Sub: goFunc([TIME], DURATION, (u) => goDuration(unixNano(t) - unixNano(argTime(u)))),
    Before: goFunc([TIME], 'bool', (u) => unixNano(t) < unixNano(argTime(u))),
    After: goFunc([TIME], 'bool', (u) => unixNano(t) > unixNano(argTime(u))),
    Equal: goFunc([TIME], 'bool', (u) => unixNano(t) === unixNano(argTime(u))),
    MarshalJSON: goFunc([], STRING, () =>
      JSON.stringify(formatTime(t, '2006-01-02T15:04:05.999999999Z07:00')),
    ),
  };
  const s = new GoStruct(TIME, {}, methods);
  times.set(s, t);
  return s;
}

/** sprig's type switch for a date argument: time.Time, or Unix seconds as int, int32 or int64. */
function dateArg(clock: Clock, v: GoValue, ints: readonly string[]): GoTime {
  const t = timeOf(v);
  if (t) return t;
  if (v instanceof GoInt && ints.includes(v.type)) return { sec: Number(v.value), nsec: 0, zone: LOCAL };
  // Anything else means "now".
  return clockNow(clock);
}

function dateInZone(clock: Clock, layout: string, date: GoValue, zone: string): string {
  const t = dateArg(clock, date, ['int', 'int32', 'int64']);
  const out = formatTime({ ...t, zone: loadLocation(zone) ?? UTC }, layout);
  if (!timeOf(date) && !(date instanceof GoInt)) clock.volatile(out);
  return out;
}

function parseDurationOr(text: string): bigint | undefined {
  try {
    return parseDuration(text);
  } catch (e) {
    if (e instanceof DurationError) return undefined;
    throw e;
  }
}

function durationRound(clock: Clock, v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') d = parseDurationOr(v) ?? 0n;
  else if (v instanceof GoInt && v.type === 'int64') d = v.value;
  else if (timeOf(v)) d = unixNano(clockNow(clock)) - unixNano(timeOf(v) as GoTime);
  const u = d < 0n ? -d : d;
  const DAY = 24n * HOUR;
  const steps: [bigint, string][] = [
    [365n * DAY, 'y'],
    [30n * DAY, 'mo'],
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
  ];
  for (const [unit, label] of steps) if (u > unit) return `${u / unit}${label}`;
  return '0s';
}

function toDate(layout: string, text: string): GoTime {
  try {
    return parseTime(layout, text);
  } catch (e) {
    if (e instanceof TimeParseError) throw new GoCallError(e.message);
    throw e;
  }
}

export function dateFuncs(clock: Clock): FuncMap {
  const now = (): GoStruct => {
    const t = clockNow(clock);
    clock.volatile(timeString(t));
    return goTime(t);
  };
  const dateModify = goFunc([STRING, TIME], TIME, (d, t) => {
    const by = parseDurationOr(strArg(d));
    return goTime(by === undefined ? argTime(t) : addNanos(argTime(t), by));
  });
  const mustDateModify = goFunc([STRING, TIME], TIME, (d, t) => {
    try {
      return goTime(addNanos(argTime(t), parseDuration(strArg(d))));
    } catch (e) {
      if (e instanceof DurationError) throw new GoCallError(e.message);
      throw e;
    }
  });
  const inZone = goFunc([STRING, ANY, STRING], STRING, (f, d, z) =>
    dateInZone(clock, strArg(f), d, strArg(z)),
  );
  return {
    now: goFunc([], TIME, now),
    date: goFunc([STRING, ANY], STRING, (f, d) => dateInZone(clock, strArg(f), d, 'Local')),
    dateInZone: inZone,
    date_in_zone: inZone,
    htmlDate: goFunc([ANY], STRING, (d) => dateInZone(clock, '2006-01-02', d, 'Local')),
    htmlDateInZone: goFunc([ANY, STRING], STRING, (d, z) => dateInZone(clock, '2006-01-02', d, strArg(z))),
    dateModify,
    date_modify: dateModify,
    mustDateModify,
    must_date_modify: mustDateModify,
    ago: goFunc([ANY], STRING, (d) => {
      const since = unixNano(clockNow(clock)) - unixNano(dateArg(clock, d, ['int', 'int64']));
      const out = formatDuration(roundDuration(since, SECOND));
      clock.volatile(out);
      return out;
    }),
    duration: goFunc([ANY], STRING, (v) => {
      let n = 0n;
      if (typeof v === 'string')
        n = /^[+-]?[0-9]+$/.test(v) && BigInt.asIntN(64, BigInt(v)) === BigInt(v) ? BigInt(v) : 0n;
      else if (v instanceof GoInt && v.type === 'int64') n = v.value;
      return formatDuration(wrap64(n * SECOND));
    }),
    durationRound: goFunc([ANY], STRING, (v) => durationRound(clock, v)),
    toDate: goFunc([STRING, STRING], TIME, (f, s) => {
      try {
        return goTime(parseTime(strArg(f), strArg(s)));
      } catch (e) {
        if (e instanceof TimeParseError) return goTime(zeroTime());
        throw e;
      }
    }),
    mustToDate: goFunc([STRING, STRING], TIME, (f, s) => goTime(toDate(strArg(f), strArg(s)))),
    unixEpoch: goFunc([TIME], STRING, (t) => String(argTime(t).sec)),
  };
}
