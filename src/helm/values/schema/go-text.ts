/**
 * How the validator's messages print values: its `quote` (Go %q in single quotes), `%v` of
 * schema values, and golang.org/x/text's English printer, which groups digits (`1,000`) and
 * writes large or tiny floats as `1.5×10⁻⁰⁷`.
 */
import { formatFloat } from '../../../gotemplate/go-float.js';
import { quote as goQuote } from '../../../gotemplate/go-quote.js';
import { JsonNumber, type SJson } from './json.js';

/** The validator's quote: Go %q with `"` unescaped and `'` escaped, in single quotes. */
export function sq(s: string): string {
  const q = goQuote(s).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${q}'`;
}

export function joinQuoted(list: readonly string[]): string {
  return list.map(sq).join(', ');
}

/** Go's %v of a value: literals as written, `<nil>` for null. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof JsonNumber) return v.literal;
  if (typeof v === 'number') return formatFloat(v, 'g', -1);
  return String(v);
}

/** The validator's `display`: strings quoted, composites as `value`. */
export function display(v: SJson | unknown): string {
  if (typeof v === 'string') return sq(v);
  if (Array.isArray(v) || (typeof v === 'object' && v !== null && !(v instanceof JsonNumber))) return 'value';
  return goValue(v);
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** x/text's `%d` in English: digits grouped by three. */
export function localInt(n: number): string {
  const s = String(Math.trunc(n));
  return s.startsWith('-') ? `-${group(s.slice(1))}` : group(s);
}

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** x/text's `%v` of a float64 in English: %g's choice of form, grouped or as ×10ⁿ. */
export function localFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '∞' : '-∞';
  const e = formatFloat(f, 'e', -1); // -d.ddde±XX
  const [mant = '', expText = '0'] = e.split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const digits = String(Math.abs(exp)).padStart(2, '0');
    const sup = [...digits].map((d) => SUPERSCRIPT[Number(d)]).join('');
    return `${mant}×10${exp < 0 ? '⁻' : ''}${sup}`;
  }
  const plain = formatFloat(f, 'f', -1);
  const neg = plain.startsWith('-');
  const [intPart = '', frac] = (neg ? plain.slice(1) : plain).split('.');
  return `${neg ? '-' : ''}${group(intPart)}${frac !== undefined ? `.${frac}` : ''}`;
}
