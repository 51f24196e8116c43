/**
 * The date and time formats: `date` is Go's time.Parse("2006-01-02") with its error texts;
 * `time`, `date-time` and `duration` are the validator's own RFC 3339 checks.
 */
import { quote } from '../../../gotemplate/go-quote.js';

const LAYOUT = '"2006-01-02"';

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function validateDate(s: string): string | undefined {
  const cannot = (rest: string, elem: string) =>
    `parsing time ${quote(s)} as ${LAYOUT}: cannot parse ${quote(rest)} as ${quote(elem)}`;
  const range = (what: string) => `parsing time ${quote(s)}: ${what} out of range`;
  if (!/^\d{4}/.test(s)) return cannot(s, '2006');
  const year = Number(s.slice(0, 4));
  let rest = s.slice(4);
  if (!rest.startsWith('-')) return cannot(rest, '-');
  rest = rest.slice(1);
  if (!/^\d\d/.test(rest)) return cannot(rest, '01');
  const month = Number(rest.slice(0, 2));
  if (month < 1 || month > 12) return range('month');
  rest = rest.slice(2);
  if (!rest.startsWith('-')) return cannot(rest, '-');
  rest = rest.slice(1);
  if (!/^\d\d/.test(rest)) return cannot(rest, '02');
  const day = Number(rest.slice(0, 2));
  rest = rest.slice(2);
  if (rest !== '') return `parsing time ${quote(s)}: extra text: ${quote(rest)}`;
  if (day < 1 || day > daysIn(month, year)) return range('day');
  return undefined;
}

function num(tok: string): number | undefined {
  return /^[+-]?\d+$/.test(tok) ? Number(tok) : undefined;
}

export function validateTime(str: string): string | undefined {
  if (str.length < 9) return 'less than 9 characters long';
  if (str[2] !== ':' || str[5] !== ':') return 'missing colon in correct place';
  const hms = str.slice(0, 8).split(':').map(num);
  if (hms.some((n) => n === undefined)) return 'invalid hour/min/sec';
  if (hms.some((n) => (n as number) < 0)) return 'non-positive hour/min/sec';
  let [h, m] = hms as [number, number, number];
  const sec = hms[2] as number;
  if (h > 23 || m > 59 || sec > 60) return 'hour/min/sec out of range';
  let rest = str.slice(8);
  if (rest.startsWith('.')) {
    const digits = /^\d*/.exec(rest.slice(1))?.[0] ?? '';
    if (digits.length === 0) return 'no digits in second fraction';
    rest = rest.slice(1 + digits.length);
  }
  if (rest !== 'z' && rest !== 'Z') {
    if (rest.length !== 6) return 'offset must be 6 characters long';
    const sign = rest[0] === '+' ? -1 : rest[0] === '-' ? 1 : 0;
    if (sign === 0) return 'offset must begin with plus/minus';
    rest = rest.slice(1);
    if (rest[2] !== ':') return 'missing colon in offset in correct place';
    const zhm = rest.split(':').map(num);
    if (zhm.some((n) => n === undefined)) return 'invalid hour/min in offset';
    if (zhm.some((n) => (n as number) < 0)) return 'non-positive hour/min in offset';
    const [zh, zm] = zhm as [number, number];
    if (zh > 23 || zm > 59) return 'hour/min in offset out of range';
    let hm = h * 60 + m + sign * (zh * 60 + zm);
    if (hm < 0) hm += 24 * 60;
    [h, m] = [Math.floor(hm / 60), hm % 60];
  }
  if (sec >= 60 && (h !== 23 || m !== 59)) return 'invalid leap second';
  return undefined;
}

export function validateDateTime(s: string): string | undefined {
  if (s.length < 20) return 'less than 20 characters long';
  if (s[10] !== 't' && s[10] !== 'T') return '11th character must be t or T';
  const date = validateDate(s.slice(0, 10));
  if (date !== undefined) return `invalid date element: ${date}`;
  const time = validateTime(s.slice(11));
  if (time !== undefined) return `invalid time element: ${time}`;
  return undefined;
}

export function validateDuration(d: string): string | undefined {
  if (!d.startsWith('P')) return 'must start with P';
  const s = d.slice(1);
  if (s === '') return 'nothing after P';
  if (s.endsWith('W')) {
    const w = s.slice(0, -1);
    if (w === '') return 'no number in week';
    return /^\d+$/.test(w) ? undefined : 'invalid week';
  }
  const allUnits = ['YMD', 'HMS'];
  for (const [i, part] of s.split('T').entries()) {
    if (i !== 0 && part === '') return 'no time elements';
    if (i >= allUnits.length) return 'more than one T';
    let units = allUnits[i] as string;
    let rest = part;
    while (rest !== '') {
      const digits = /^\d*/.exec(rest)?.[0] ?? '';
      if (digits.length === 0) return 'missing number';
      rest = rest.slice(digits.length);
      if (rest === '') return 'missing unit';
      const unit = rest[0] as string;
      const j = units.indexOf(unit);
      if (j < 0) {
        return (allUnits[i] as string).includes(unit)
          ? `unit '${unit}' out of order`
          : `invalid unit '${unit}'`;
      }
      units = units.slice(j + 1);
      rest = rest.slice(1);
    }
  }
  return undefined;
}
