import { goSort } from './go-sort.js';

/**
 * yaml.v2's map key order (sorter.go keyList.Less) for string keys: runs of digits compare
 * numerically, letters sort after non-letters, otherwise code point order.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(cp: number): boolean {
  return cp < 0x80
    ? (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
    : LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  return cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : DIGIT.test(String.fromCodePoint(cp));
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    out.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

// Go accumulates the digit run in an int64, wrapping on overflow.
function digitRun(r: number[], start: number, seed: bigint): { end: number; value: bigint } {
  let value = seed;
  let end = start;
  for (; end < r.length && isDigit(r[end]!); end++) {
    value = BigInt.asIntN(64, value * 10n + BigInt(r[end]! - 0x30));
  }
  return { end, value };
}

/**
 * The answer of `less` when it is decided by one ASCII non-digit after an ASCII common prefix
 * (most keys), without building code point arrays; undefined when the full rule must run.
 */
function lessAscii(a: string, b: string): boolean | undefined {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c !== b.charCodeAt(i)) break;
    if (c >= 0x80) return undefined;
  }
  // A proper ASCII prefix has fewer code points.
  if (i === n) return a.length < b.length;
  const ac = a.charCodeAt(i);
  const bc = b.charCodeAt(i);
  if (ac >= 0x80 || bc >= 0x80 || isDigit(ac) || isDigit(bc)) return undefined;
  const al = isLetter(ac);
  const bl = isLetter(bc);
  if (al !== bl) return bl;
  return ac < bc;
}

function less(a: string, b: string): boolean {
  const quick = lessAscii(a, b);
  if (quick !== undefined) return quick;
  const ar = codePoints(a);
  const br = codePoints(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return bl;
    let seed = 0n;
    if (ac === 0x30 || bc === 0x30) {
      // A zero inside a number that already has a non-zero digit is not a leading zero.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          seed = 1n;
          break;
        }
      }
    }
    const an = digitRun(ar, i, seed);
    const bn = digitRun(br, i, seed);
    if (an.value !== bn.value) return an.value < bn.value;
    if (an.end !== bn.end) return an.end < bn.end;
    return ac < bc;
  }
  return ar.length < br.length;
}

export { less as keyLess };

/** Sorts map keys in place into the order yaml.v2 prints them. */
export function sortKeys(keys: string[]): string[] {
  return goSort(keys, less);
}
