/**
 * Sprig's numbers: conversions (`int`, `int64`, `float64` through spf13/cast), integer arithmetic
 * in int64 (`add 1 2.5` is 3: each operand is cast first), float arithmetic through decimals
 * (`divf 1 3` is 0.3333333333333333), and the integer sequences `until`, `untilStep`, `seq`.
 */
import { toFloat64, toInt, toInt64 } from '../convert.js';
import { GoCallError, GoInt, typedSlice, type FuncMap, type GoValue } from '../value.js';
import { ANY, FLOAT64, INT, STRING, goFunc, goInt64Of, intArg } from './define.js';
import * as decimal from './decimal.js';
import { checkElements } from './limits.js';

const INT64 = 'int64';

const int64Of = (v: GoValue): bigint => toInt64(v ?? null).value;
const float64Of = (v: GoValue): number => toFloat64(v ?? null);

function divide(a: GoValue, b: GoValue, op: (x: bigint, y: bigint) => bigint): GoInt {
  const y = int64Of(b);
  if (y === 0n) throw new GoCallError('runtime error: integer divide by zero');
  return goInt64Of(op(int64Of(a), y));
}

/** sprig's execDecimalOp: folds the operands into the first in decimal, then back to float64. */
function decimalFold(
  first: GoValue,
  rest: readonly GoValue[],
  op: (a: decimal.Decimal, b: decimal.Decimal) => decimal.Decimal,
): number {
  let acc = decimal.fromFloat(float64Of(first));
  for (const x of rest) acc = op(acc, decimal.fromFloat(float64Of(x)));
  return decimal.toFloat(acc);
}

/**
 * math.Pow(10, n) for an integer n: exact up to 10^22 as in Go; beyond that by repeated
 * squaring, as Go does too, though the last bit may then differ.
 */
function pow10(n: number): number {
  if (Math.abs(n) <= 22) return n >= 0 ? 10 ** n : 1 / 10 ** -n;
  let a = 1;
  let x = 10;
  for (let i = Math.abs(n); i > 0; i = Math.floor(i / 2)) {
    if (i % 2 === 1) a *= x;
    x *= x;
  }
  return n < 0 ? 1 / a : a;
}

/** sprig's round: rounds up from `roundOn` (default .5) of the fraction at `places` decimals. */
function round(v: GoValue, places: number, roundOn: number): number {
  const pow = pow10(places);
  const digit = pow * float64Of(v);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

/** sprig's untilStep: start, start+step, … up to but not including stop. */
function untilStep(start: bigint, stop: bigint, step: bigint, what: string): GoValue {
  const ints = (count: bigint): GoValue => {
    checkElements(Number(count), what);
    const out: GoValue[] = [];
    for (let i = 0n; i < count; i++) out.push(new GoInt('int', BigInt.asIntN(64, start + i * step)));
    return typedSlice(out, '[]int');
  };
  if (stop < start) return step >= 0n ? ints(0n) : ints((start - stop + -step - 1n) / -step);
  return step <= 0n ? ints(0n) : ints((stop - start + step - 1n) / step);
}

/** sprig's seq, after GNU seq: `seq 3`, `seq 2 5`, `seq 1 2 9`; numbers joined by spaces. */
function seq(params: readonly bigint[]): string {
  let list: GoValue = [];
  if (params.length === 1) {
    const end = params[0]!;
    const inc = end < 1n ? -1n : 1n;
    list = untilStep(1n, end + inc, inc, 'seq');
  } else if (params.length === 2) {
    const [start, end] = params as [bigint, bigint];
    const inc = end < start ? -1n : 1n;
    list = untilStep(start, end + inc, inc, 'seq');
  } else if (params.length === 3) {
    const [start, step, end] = params as [bigint, bigint, bigint];
    if (end < start && step > 0n) return '';
    list = untilStep(start, end + (end < start ? -1n : 1n), step, 'seq');
  }
  return (list as GoInt[]).map((i) => i.value.toString()).join(' ');
}

const bigArg = (v: GoValue): bigint => (v instanceof GoInt ? v.value : BigInt(intArg(v)));

export function mathFuncs(): FuncMap {
  const max = goFunc(
    [ANY],
    INT64,
    (a, ...rest) => goInt64Of(rest.map(int64Of).reduce((m, x) => (x > m ? x : m), int64Of(a))),
    ANY,
  );
  const decimalOp = (op: (a: decimal.Decimal, b: decimal.Decimal) => decimal.Decimal) =>
    goFunc([ANY], FLOAT64, (a, ...rest) => decimalFold(a, rest, op), ANY);
  return {
    int64: goFunc([ANY], INT64, (v) => toInt64(v ?? null)),
    int: goFunc([ANY], INT, (v) => toInt(v ?? null)),
    float64: goFunc([ANY], FLOAT64, (v) => float64Of(v)),
    add1: goFunc([ANY], INT64, (v) => goInt64Of(int64Of(v) + 1n)),
    add: goFunc(
      [],
      INT64,
      (...v) => goInt64Of(v.reduce<bigint>((s, x) => BigInt.asIntN(64, s + int64Of(x)), 0n)),
      ANY,
    ),
    sub: goFunc([ANY, ANY], INT64, (a, b) => goInt64Of(int64Of(a) - int64Of(b))),
    div: goFunc([ANY, ANY], INT64, (a, b) => divide(a, b, (x, y) => x / y)),
    mod: goFunc([ANY, ANY], INT64, (a, b) => divide(a, b, (x, y) => x % y)),
    mul: goFunc(
      [ANY],
      INT64,
      (a, ...rest) => goInt64Of(rest.reduce((p, x) => BigInt.asIntN(64, p * int64Of(x)), int64Of(a))),
      ANY,
    ),
    biggest: max,
    max,
    min: goFunc(
      [ANY],
      INT64,
      (a, ...rest) => goInt64Of(rest.map(int64Of).reduce((m, x) => (x < m ? x : m), int64Of(a))),
      ANY,
    ),
    add1f: goFunc([ANY], FLOAT64, (v) => decimalFold(v, [1], decimal.add)),
    addf: goFunc([], FLOAT64, (...v) => decimalFold(0, v, decimal.add), ANY),
    subf: decimalOp(decimal.sub),
    mulf: decimalOp(decimal.mul),
    divf: decimalOp(decimal.div),
    maxf: goFunc([ANY], FLOAT64, (a, ...rest) => Math.max(float64Of(a), ...rest.map(float64Of)), ANY),
    minf: goFunc([ANY], FLOAT64, (a, ...rest) => Math.min(float64Of(a), ...rest.map(float64Of)), ANY),
    ceil: goFunc([ANY], FLOAT64, (v) => Math.ceil(float64Of(v))),
    floor: goFunc([ANY], FLOAT64, (v) => Math.floor(float64Of(v))),
    round: goFunc(
      [ANY, INT],
      FLOAT64,
      (v, p, ...r) => round(v, intArg(p), typeof r[0] === 'number' ? r[0] : 0.5),
      FLOAT64,
    ),
    until: goFunc([INT], '[]int', (n) => {
      const count = bigArg(n);
      return untilStep(0n, count, count < 0n ? -1n : 1n, 'until');
    }),
    untilStep: goFunc([INT, INT, INT], '[]int', (a, b, c) =>
      untilStep(bigArg(a), bigArg(b), bigArg(c), 'untilStep'),
    ),
    seq: goFunc([], STRING, (...p) => seq(p.map(bigArg)), INT),
  };
}
