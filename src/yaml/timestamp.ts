/**
 * YAML timestamps as go-yaml recognises them (a subset of yaml.org/type/timestamp,
 * parsed with Go's time.Parse) and the RFC 3339 text Go's JSON encoder gives the
 * resulting time.Time. kustomize turns an unquoted `2001-01-02` into
 * `"2001-01-02T00:00:00Z"` this way.
 */

// Go's time.Parse layouts: "2006-1-2T15:4:5.999999999Z07:00" (also lower-case t),
// "2006-1-2 15:4:5.999999999" and "2006-1-2". Fractions accept '.' or ','.
const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})|( )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?)?$/;

export interface GoTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Nanoseconds, 0..999999999. */
  nanos: number;
  /** Offset from UTC in minutes. */
  offset: number;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function nanosOf(fraction: string | undefined): number {
  if (!fraction) return 0;
  // Go keeps at most nine digits and ignores the rest.
  return Number(fraction.slice(0, 9).padEnd(9, '0'));
}

function parseOffset(zone: string | undefined): number | undefined {
  if (!zone || zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 24 || minutes > 60) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** The time go-yaml would resolve `s` to, or undefined when `s` is no timestamp. */
export function parseGoTimestamp(s: string): GoTime | undefined {
  const m = DATE_TIME.exec(s);
  if (!m) return undefined;
  const withZone = m[4] !== undefined;
  const withSpace = m[10] !== undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(withZone ? m[5] : withSpace ? m[11] : 0);
  const minute = Number(withZone ? m[6] : withSpace ? m[12] : 0);
  const second = Number(withZone ? m[7] : withSpace ? m[13] : 0);
  const offset = parseOffset(withZone ? m[9] : undefined);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offset === undefined) return undefined;
  const nanos = nanosOf(withZone ? m[8] : withSpace ? m[14] : undefined);
  return { year, month, day, hour, minute, second, nanos, offset };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** time.Time.MarshalJSON text (RFC 3339 with trimmed nanoseconds), without the JSON quotes. */
export function formatRfc3339Nano(t: GoTime): string {
  const fraction = t.nanos === 0 ? '' : '.' + pad(t.nanos, 9).replace(/0+$/, '');
  let zone = 'Z';
  if (t.offset !== 0) {
    const abs = Math.abs(t.offset);
    zone = `${t.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  return `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}${zone}`;
}
