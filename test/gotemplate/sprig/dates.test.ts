import { describe, expect, it } from 'vitest';

import { dateFuncs, type Clock } from '../../../src/gotemplate/sprig/dates.js';
import { GoCallError, GoInt, GoStruct, type GoValue } from '../../../src/gotemplate/value.js';

// What helm v4.1.4 printed for the same calls (TZ=UTC, so Local is UTC as it is here). REF is
// toDate "2006-01-02T15:04:05.999999999Z07:00" "2024-03-09T17:05:09.012345678Z". Zone abbreviations
// come from ICU, which names a few zones that tzdata gives only an offset (Lord Howe: LHDT, +11).
const LAYOUTS: [string, string][] = [
  ['2006-01-02 15:04:05', '2024-03-09 17:05:09'],
  ['Mon Jan _2 15:04:05 MST 2006', 'Sat Mar  9 17:05:09 UTC 2024'],
  ['Monday, 02-Jan-06 15:04:05 MST', 'Saturday, 09-Mar-24 17:05:09 UTC'],
  ['3:04PM', '5:05PM'],
  ['3:04pm 03 PM', '5:05pm 05 PM'],
  ['Jan 2, 2006 at 3:04pm (MST)', 'Mar 9, 2024 at 5:05pm (UTC)'],
  ['2006-01-02T15:04:05Z07:00', '2024-03-09T17:05:09Z'],
  ['2006-01-02T15:04:05.000Z0700', '2024-03-09T17:05:09.012Z'],
  ['.00 .999 .999999999 ,000 ,9', '.01 .012 .012345678 ,012 '],
  ['__2 002 _2 2', ' 69 069  9 9'],
  ['January Monday', 'March Saturday'],
  ['-07 -0700 -07:00 -07:00:00 -070000', '+00 +0000 +00:00 +00:00:00 +000000'],
  ['Z07 Z0700 Z07:00', 'Z Z Z'],
  ['2006_2006 _2006 06', '2024_2024 _2024 24'],
  ['Janx Monx MSTx 15h', 'Janx Monx UTCx 17h'],
  ['05.00.000', '09.01.012'],
  ['1 01 15 03 4 04 5 05', '3 03 17 05 5 05 9 09'],
];

const ZONES: [string, string][] = [
  ['UTC', '2024-03-09 17:05:09.012 +0000 UTC Z'],
  ['Europe/Paris', '2024-03-09 18:05:09.012 +0100 CET +01:00'],
  ['America/New_York', '2024-03-09 12:05:09.012 -0500 EST -05:00'],
  ['Asia/Tokyo', '2024-03-10 02:05:09.012 +0900 JST +09:00'],
  ['Asia/Kolkata', '2024-03-09 22:35:09.012 +0530 IST +05:30'],
  ['Nope/Zone', '2024-03-09 17:05:09.012 +0000 UTC Z'],
  ['', '2024-03-09 17:05:09.012 +0000 UTC Z'],
  ['Local', '2024-03-09 17:05:09.012 +0000 UTC Z'],
  ['America/Sao_Paulo', '2024-03-09 14:05:09.012 -0300 -03 -03:00'],
  ['Etc/GMT-3', '2024-03-09 20:05:09.012 +0300 +03 +03:00'],
];

// String and Unix of toDate
const PARSES: [string, string, string][] = [
  ['2006-01-02', '2020-03-04', '2020-03-04 00:00:00 +0000 UTC|1583280000'],
  ['2006-01-02', 'bad', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  [
    '2006-01-02 15:04:05.000000',
    '2020-03-04 05:06:07.123456',
    '2020-03-04 05:06:07.123456 +0000 UTC|1583298367',
  ],
  ['2006-01-02T15:04:05Z07:00', '2020-01-02T03:04:05+02:00', '2020-01-02 03:04:05 +0200 +0200|1577927045'],
  ['2006-01-02T15:04:05Z07:00', '2020-01-02T03:04:05Z', '2020-01-02 03:04:05 +0000 UTC|1577934245'],
  ['2006-01-02', '2020-02-30', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['2006-01-02', '2020-13-01', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['2006-01-02 15:04', '2020-01-01 24:00', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['2006-01-02', '2020-01-01x', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['Jan 2 2006', 'feb 3 2021', '2021-02-03 00:00:00 +0000 UTC|1612310400'],
  ['Jan 2 2006', 'Foo 3 2021', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['15:04:05', '10:11:12.5', '0000-01-01 10:11:12.5 +0000 UTC|-62167182528'],
  ['2006 002', '2020 060', '2020-02-29 00:00:00 +0000 UTC|1582934400'],
  ['2006 002', '2021 060', '2021-03-01 00:00:00 +0000 UTC|1614556800'],
  ['2006 002', '2021 366', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['3:04PM', '12:30AM', '0000-01-01 00:30:00 +0000 UTC|-62167217400'],
  ['3:04PM', '1:30PM', '0000-01-01 13:30:00 +0000 UTC|-62167170600'],
  ['3:04PM', '1:30XM', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['2006-01-02 15:04:05 MST', '2020-01-02 03:04:05 PST', '2020-01-02 03:04:05 +0000 PST|1577934245'],
  ['2006-01-02 15:04:05 MST', '2020-01-02 03:04:05 UTC', '2020-01-02 03:04:05 +0000 UTC|1577934245'],
  ['2006-01-02 15:04:05 MST', '2020-01-02 03:04:05 GMT+3', '2020-01-02 06:04:05 +0300 GMT+3|1577934245'],
  ['2006-01-02 15:04:05 -0700', '2020-01-02 03:04:05 +0000', '2020-01-02 03:04:05 +0000 UTC|1577934245'],
  ['2006-01-02 15:04:05 -0700', '2020-01-02 03:04:05 +2500', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['06-01-02', '69-01-02', '1969-01-02 00:00:00 +0000 UTC|-31449600'],
  ['06-01-02', '68-01-02', '2068-01-02 00:00:00 +0000 UTC|3092688000'],
  ['2006-1-2', '2020-3-4', '2020-03-04 00:00:00 +0000 UTC|1583280000'],
  ['2006-01-02', '2020-3-04', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['Monday 2006-01-02', 'Tuesday 2020-01-02', '2020-01-02 00:00:00 +0000 UTC|1577923200'],
  ['2006-01-02 .000', '2020-01-02 .12', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
  ['2006-01-02 .999', '2020-01-02 .1234', '2020-01-02 00:00:00.1234 +0000 UTC|1577923200'],
  ['', '', '0000-01-01 00:00:00 +0000 UTC|-62167219200'],
  ['', 'x', '0001-01-01 00:00:00 +0000 UTC|-62135596800'],
];

const PARSE_ERRORS: [string, string, string][] = [
  ['2006-01-02', 'bad', 'parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"'],
  ['2006-01-02', '2020-02-30', 'parsing time "2020-02-30": day out of range'],
  ['2006-01-02', '2020-01-01x', 'parsing time "2020-01-01x": extra text: "x"'],
  ['15:04', '25:00', 'parsing time "25:00": hour out of range'],
  [
    '2006-01-02 15:04:05 -0700',
    '2020-01-02 03:04:05 +2500',
    'parsing time "2020-01-02 03:04:05 +2500": time zone offset hour out of range',
  ],
  ['2006 002', '2021 366', 'parsing time "2021 366": day-of-year out of range'],
  ['Jan', 'é', 'parsing time "\\xc3\\xa9" as "Jan": cannot parse "\\xc3\\xa9" as "Jan"'],
];

const DURATION_ROUNDS: [string, string, string][] = [
  ['s', '2400h', '3mo'],
  ['s', '-90m', '1h'],
  ['s', 'bad', '0s'],
  ['i64', '3600000000000', '60m'],
  ['int', '3600', '0s'],
  ['s', '8761h', '1y'],
  ['s', '720h1s', '1mo'],
  ['s', '720h', '30d'],
  ['s', '24h1ns', '1d'],
  ['s', '61s', '1m'],
  ['s', '1.5s', '1s'],
  ['s', '1s', '0s'],
];

// dateModify of REF
const MODIFIES: [string, string][] = [
  ['-1h30m', '2024-03-09 15:35:09.012345678 +0000 UTC'],
  ['bad', '2024-03-09 17:05:09.012345678 +0000 UTC'],
  ['1.5h', '2024-03-09 18:35:09.012345678 +0000 UTC'],
  ['-2562047h', '1731-11-29 18:05:09.012345678 +0000 UTC'],
  ['+1µs', '2024-03-09 17:05:09.012346678 +0000 UTC'],
  ['.5s', '2024-03-09 17:05:09.512345678 +0000 UTC'],
  ['1h-30m', '2024-03-09 17:05:09.012345678 +0000 UTC'],
  ['', '2024-03-09 17:05:09.012345678 +0000 UTC'],
  ['0', '2024-03-09 17:05:09.012345678 +0000 UTC'],
  ['1e3s', '2024-03-09 17:05:09.012345678 +0000 UTC'],
  ['3d', '2024-03-09 17:05:09.012345678 +0000 UTC'],
  ['5', '2024-03-09 17:05:09.012345678 +0000 UTC'],
];

// mustDateModify of REF: the time or the error
const MUST_MODIFIES: [string, string | { error: string }][] = [
  ['bad', { error: 'time: invalid duration "bad"' }],
  ['', { error: 'time: invalid duration ""' }],
  ['3d', { error: 'time: unknown unit "d" in duration "3d"' }],
  ['5', { error: 'time: missing unit in duration "5"' }],
  ['.s', { error: 'time: invalid duration ".s"' }],
  ['9223372036854775808ns', { error: 'time: invalid duration "9223372036854775808ns"' }],
  ['-9223372036854775808ns', '1731-11-29 17:17:52.15756987 +0000 UTC'],
  ['2562048h', { error: 'time: invalid duration "2562048h"' }],
];

// duration "3661", (int64 5), 90, "x", "-3601", "99999999999999", "0"
const DURATIONS = '1h1m1s|5s|0s|0s|-1h0m1s|55660h6m59.520689664s|0s';

const MISC = [
  '1710003909|1970-01-02|1970-01-02|1970',
  '2024|March|9|Saturday|69|1710003909012345678|12345678',
  '2024-05-04 17:05:09.012345678 +0000 UTC|2024-03-09 17:05:09.012345678 +0000 UTC|"2024-03-09T17:05:09.012345678Z"|1649h5m9.012345678s|false|true',
  '0001-01-01 00:00:00 +0000 UTC|-62135596800|9999-12-31 00:00:00 +0000 UTC',
];

function clock(now = '2026-12-07T20:49:30.250Z'): Clock & { values: string[] } {
  const values: string[] = [];
  return { now: () => new Date(now), volatile: (v) => values.push(v), values };
}

const funcs = dateFuncs(clock());

function call(name: string, ...args: GoValue[]): GoValue {
  const f = funcs[name];
  if (!f) throw new Error(`no function ${name}`);
  return f.fn(...args);
}

function method(v: GoValue, name: string, ...args: GoValue[]): GoValue {
  if (!(v instanceof GoStruct)) throw new Error(`not a struct: ${String(v)}`);
  const m = v.methods[name];
  if (!m) throw new Error(`no method ${name}`);
  return m.fn(...args);
}

/** What `{{ v }}` prints: a struct through its String method, an int as its digits. */
function text(v: GoValue): string {
  if (v instanceof GoStruct) return method(v, 'String') as string;
  if (v instanceof GoInt) return String(v.value);
  return String(v);
}

function result(f: () => GoValue): string | { error: string } {
  try {
    return text(f());
  } catch (e) {
    if (e instanceof GoCallError) return { error: e.message };
    throw e;
  }
}

const int = (n: number | bigint, type: 'int' | 'int64' = 'int'): GoInt => new GoInt(type, BigInt(n));
const REF = call('toDate', '2006-01-02T15:04:05.999999999Z07:00', '2024-03-09T17:05:09.012345678Z');

describe('formatting', () => {
  it.each(LAYOUTS)('date %j', (layout, want) => {
    expect(call('date', layout, REF)).toBe(want);
  });

  it.each(ZONES)('dateInZone %j', (zone, want) => {
    expect(call('dateInZone', '2006-01-02 15:04:05.000 -0700 MST Z07:00', REF, zone)).toBe(want);
    expect(call('date_in_zone', '2006-01-02 15:04:05.000 -0700 MST Z07:00', REF, zone)).toBe(want);
  });
});

describe('parsing', () => {
  it.each(PARSES)('toDate %j %j', (layout, value, want) => {
    const t = call('toDate', layout, value);
    expect(`${text(t)}|${text(method(t, 'Unix'))}`).toBe(want);
  });

  it.each(PARSE_ERRORS)('mustToDate %j %j', (layout, value, want) => {
    expect(result(() => call('mustToDate', layout, value))).toEqual({ error: want });
  });
});

describe('durations', () => {
  it.each(DURATION_ROUNDS)('durationRound %s %j', (type, value, want) => {
    const arg = type === 's' ? value : int(BigInt(value), type === 'i64' ? 'int64' : 'int');
    expect(call('durationRound', arg)).toBe(want);
  });

  it('formats duration like sprig (strings and int64 are seconds, other types are 0)', () => {
    const args = ['3661', int(5, 'int64'), int(90), 'x', '-3601', '99999999999999', '0'];
    expect(args.map((a) => call('duration', a)).join('|')).toBe(DURATIONS);
  });

  it.each(MODIFIES)('dateModify %j', (by, want) => {
    expect(text(call('dateModify', by, REF))).toBe(want);
    expect(text(call('date_modify', by, REF))).toBe(want);
  });

  it.each(MUST_MODIFIES)('mustDateModify %j', (by, want) => {
    expect(result(() => call('mustDateModify', by, REF))).toEqual(want);
    expect(result(() => call('must_date_modify', by, REF))).toEqual(want);
  });
});

describe('time.Time values', () => {
  it('answers unixEpoch, htmlDate and the time methods as Go does', () => {
    expect(
      [
        call('unixEpoch', REF),
        call('htmlDate', int(86400)),
        call('htmlDateInZone', int(86400, 'int64'), 'Asia/Tokyo'),
        call('date', '2006', int(0, 'int64')),
      ].join('|'),
    ).toBe(MISC[0]);
    const parts = ['Year', 'Month', 'Day', 'Weekday', 'YearDay', 'UnixNano', 'Nanosecond'].map((m) =>
      text(method(REF, m)),
    );
    expect(parts.join('|')).toBe(MISC[1]);
    const year2024 = call('toDate', '2006', '2024');
    expect(
      [
        text(method(REF, 'AddDate', int(0), int(1), int(25))),
        text(method(REF, 'UTC')),
        method(REF, 'MarshalJSON'),
        text(method(REF, 'Sub', year2024)),
        method(year2024, 'IsZero'),
        method(call('toDate', '2006', 'x'), 'IsZero'),
      ].join('|'),
    ).toBe(MISC[2]);
    const first = call('toDate', '2006-01-02', '0001-01-01');
    expect(
      [text(first), text(method(first, 'Unix')), text(call('toDate', '2006-01-02', '9999-12-31'))].join('|'),
    ).toBe(MISC[3]);
    expect((REF as GoStruct).typeName).toBe('time.Time');
  });
});

describe('the clock', () => {
  it('takes now from the environment and reports what depends on it', () => {
    const c = clock();
    const f = dateFuncs(c);
    const now = f['now']?.fn();
    // Go's clock reads below the millisecond and carries a monotonic reading; both are fixed.
    expect(text(now as GoValue)).toBe('2026-12-07 20:49:30.250012345 +0000 UTC m=+0.000012345');
    expect(f['ago']?.fn(call('toDate', '2006-01-02', '2026-12-06'))).toBe('44h49m30s');
    expect(f['date']?.fn('2006', 1.5)).toBe('2026');
    expect(f['durationRound']?.fn(call('toDate', '2006-01-02', '2026-12-06'))).toBe('1d');
    expect(c.values).toEqual(['2026-12-07 20:49:30.250012345 +0000 UTC m=+0.000012345', '44h49m30s', '2026']);
  });

  it('keeps the monotonic reading through Add and drops it with UTC, as Go does', () => {
    const f = dateFuncs(clock('2026-12-07T20:49:30Z'));
    const now = f['now']?.fn() as GoStruct;
    const later = f['dateModify']?.fn('1h', now) as GoStruct;
    expect(text(later)).toBe('2026-12-07 21:49:30.000012345 +0000 UTC m=+3600.000012345');
    expect(text(method(now, 'UTC'))).toBe('2026-12-07 20:49:30.000012345 +0000 UTC');
    expect(text(f['dateModify']?.fn('-1h', now) as GoStruct)).toBe(
      '2026-12-07 19:49:30.000012345 +0000 UTC m=-3599.999987655',
    );
  });
});
