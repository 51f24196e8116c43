/**
 * TOML's bare values as BurntSushi decodes them into `interface {}`: integers (decimal, hex,
 * octal, binary, `_` separators) as int64, floats (with inf and nan) as float64, date-times as
 * time.Time.
 */
import { goTime } from '../sprig/dates.js';
import { parseTime } from '../sprig/go-time-parse.js';
import { goInt, type GoValue } from '../value.js';

const INT64_MAX = 2n ** 63n - 1n;

/** Why a bare word is no TOML value. */
export class TomlProblem {
  constructor(readonly message: string) {}
}

// Offset and local date-times, local dates and local times (a space may replace the T).
const LAYOUTS = [
  '2006-01-02T15:04:05.999999999Z07:00',
  '2006-01-02T15:04:05.999999999',
  '2006-01-02',
  '15:04:05.999999999',
];

function dateTime(word: string): GoValue | TomlProblem {
  const text = word.replace(' ', 'T');
  for (const layout of LAYOUTS) {
    try {
      return goTime(parseTime(layout, text));
    } catch {
      // try the next form
    }
  }
  return new TomlProblem(`invalid datetime: "${word}"`);
}

/** The value of a bare TOML word, or the decoder's complaint about it. */
export function tomlScalar(word: string): GoValue | TomlProblem {
  if (/^[-+]?(inf|nan)$/.test(word)) {
    if (word.endsWith('nan')) return NaN;
    return word.startsWith('-') ? -Infinity : Infinity;
  }
  if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}:\d{2}/.test(word)) return dateTime(word);
  const digits = word.replace(/_/g, '');
  if (/^0[xob]/.test(digits) || /^[-+]?\d+$/.test(digits)) {
    const n = BigInt(digits.replace(/^\+/, ''));
    if (n > INT64_MAX || n < -INT64_MAX - 1n) return new TomlProblem(`${word} is out of range for int64`);
    return goInt(n, 'int64');
  }
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(digits)) return Number(digits);
  return new TomlProblem(`invalid value: '${word}'`);
}
