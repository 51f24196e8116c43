/**
 * Go's reference-time layouts (`2006-01-02 15:04:05.000 -0700 MST`): splitting a layout into
 * literal text and the elements Go recognises, exactly as time's nextStdChunk does.
 */

export type Std =
  | 'Jan'
  | 'January'
  | '1'
  | '01'
  | 'Mon'
  | 'Monday'
  | '2'
  | '_2'
  | '02'
  | '__2'
  | '002'
  | '15'
  | '3'
  | '03'
  | '4'
  | '04'
  | '5'
  | '05'
  | '06'
  | '2006'
  | 'PM'
  | 'pm'
  | 'MST'
  | 'Z0700'
  | 'Z070000'
  | 'Z07'
  | 'Z07:00'
  | 'Z07:00:00'
  | '-0700'
  | '-070000'
  | '-07'
  | '-07:00'
  | '-07:00:00'
  | 'frac0'
  | 'frac9';

export interface Chunk {
  readonly prefix: string;
  readonly std?: Std;
  /** For fractions: the digit count and the separator (`.` or `,`). */
  readonly digits?: number;
  readonly separator?: string;
  readonly suffix: string;
}

const startsWithLower = (s: string): boolean => /^[a-z]/.test(s);
const isDigitAt = (s: string, i: number): boolean => /[0-9]/.test(s[i] ?? '');

/** The literal prefix, the first element, and the rest of `layout` (no element: only a prefix). */
export function nextChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    const at = (std: Std, length: number): Chunk => ({
      prefix: layout.slice(0, i),
      std,
      suffix: layout.slice(i + length),
    });
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('Jan')) {
          if (rest.startsWith('January')) return at('January', 7);
          if (!startsWithLower(rest.slice(3))) return at('Jan', 3);
        }
        break;
      case 'M':
        if (rest.startsWith('Mon')) {
          if (rest.startsWith('Monday')) return at('Monday', 6);
          if (!startsWithLower(rest.slice(3))) return at('Mon', 3);
        }
        if (rest.startsWith('MST')) return at('MST', 3);
        break;
      case '0': {
        const d = rest[1] ?? '';
        if (d >= '1' && d <= '6') return at(['01', '02', '03', '04', '05', '06'][Number(d) - 1] as Std, 2);
        if (rest.startsWith('002')) return at('002', 3);
        break;
      }
      case '1':
        if (rest.startsWith('15')) return at('15', 2);
        return at('1', 1);
      case '2':
        if (rest.startsWith('2006')) return at('2006', 4);
        return at('2', 1);
      case '_':
        if (rest[1] === '2') {
          // `_2006` is a literal `_` followed by the year.
          if (rest.startsWith('_2006'))
            return { prefix: layout.slice(0, i + 1), std: '2006', suffix: layout.slice(i + 5) };
          return at('_2', 2);
        }
        if (rest.startsWith('__2')) return at('__2', 3);
        break;
      case '3':
        return at('3', 1);
      case '4':
        return at('4', 1);
      case '5':
        return at('5', 1);
      case 'P':
        if (rest.startsWith('PM')) return at('PM', 2);
        break;
      case 'p':
        if (rest.startsWith('pm')) return at('pm', 2);
        break;
      case '-':
        for (const std of ['-070000', '-07:00:00', '-0700', '-07:00', '-07'] as const)
          if (rest.startsWith(std)) return at(std, std.length);
        break;
      case 'Z':
        for (const std of ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07'] as const)
          if (rest.startsWith(std)) return at(std, std.length);
        break;
      case '.':
      case ',': {
        const ch = rest[1];
        if (ch === '0' || ch === '9') {
          let j = 1;
          while (rest[j] === ch) j++;
          if (!isDigitAt(rest, j))
            return {
              prefix: layout.slice(0, i),
              std: ch === '0' ? 'frac0' : 'frac9',
              digits: j - 1,
              separator: layout[i],
              suffix: layout.slice(i + j),
            };
        }
        break;
      }
    }
  }
  return { prefix: layout, suffix: '' };
}

export const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Go's quote in package time: `"…"` with bytes outside printable ASCII as \x escapes. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}
