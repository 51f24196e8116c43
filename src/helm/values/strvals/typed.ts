/**
 * How `--set` types a value (strvals' typedVal): `true`/`false`/`null` in any case, integers
 * as int64 (not float64, as a values file would give them), everything else a string. So
 * `1.5`, `0x10`, `007` and `1e3` stay strings, and a number too big for int64 too.
 */
import { atoi } from '../../../gotemplate/go-strconv.js';
import { GoInt, typeOf, type GoValue } from '../../../gotemplate/value.js';

// strings.EqualFold against an ASCII word: Unicode simple folding adds only the long s (ſ)
// and the Kelvin sign (K) to ASCII letters.
function equalFold(s: string, word: string): boolean {
  const runes = [...s];
  if (runes.length !== word.length) return false;
  return runes.every((r, i) => {
    const w = word[i] as string;
    if (r.toLowerCase() === w && r.length === 1 && r.charCodeAt(0) < 0x80) return true;
    return (w === 's' && r === '\u017f') || (w === 'k' && r === '\u212a');
  });
}

/** The value `--set` stores for `text`; `--set-string` (`asString`) keeps it a string. */
export function typedVal(text: string, asString: boolean): GoValue {
  if (asString) return text;
  if (equalFold(text, 'true')) return true;
  if (equalFold(text, 'false')) return false;
  if (equalFold(text, 'null')) return null;
  if (text === '0') return new GoInt('int64', 0n);
  if (text.length > 0 && text[0] !== '0') {
    const n = atoi(text);
    if (n !== undefined) return new GoInt('int64', n);
  }
  return text;
}

/** The dynamic type Go names in `interface conversion` panics (`nil` for a nil value). */
export function dynamicType(v: GoValue): string {
  return v === null || v === undefined ? 'nil' : typeOf(v);
}

/** The message of the panic a failed Go type assertion `v.(T)` raises. */
export function conversionPanic(v: GoValue, asserted: string): string {
  const actual = dynamicType(v);
  return actual === 'nil'
    ? `interface conversion: interface {} is nil, not ${asserted}`
    : `interface conversion: interface {} is ${actual}, not ${asserted}`;
}
