/**
 * Go's `fmt.Sprint`, `Sprintln` and `Sprintf` over template values, and what text/template
 * writes for `{{ x }}`. Output is byte-for-byte what Go prints, error forms included
 * (`%!d(float64=8080)`, `%!(EXTRA int=1)`, `%!s(MISSING)`, `%!(NOVERB)`, `%!(BADWIDTH)`, …).
 */
import { Printer, stringerMethod } from './fmt-print.js';
import { noFlags } from './fmt-format.js';
import { formatFloat } from './go-float.js';
import { GoInt, GoStruct, isUnsigned, typeOf, type GoValue } from './value.js';

/** fmt.Sprint: a space between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: always a space between operands, and a final newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/**
 * What text/template prints for a pipeline value (`printableValue` then `fmt.Fprint`): a
 * missing value, and a nil interface (the executor unwraps it to a missing value), print
 * `<no value>`; a pointer prints what it points to, a nil pointer `<nil>`.
 */
export function formatValue(v: GoValue): string {
  // Scalars first: they are most of what templates print.
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return formatFloat(v, 'g', -1, 64);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return '<no value>';
  }
  if (v === null) return '<no value>';
  if (v instanceof GoInt) return v.value.toString();
  if (v instanceof GoStruct && !v.nil) {
    // printableValue: a pointer prints what it points to; a struct reached through fields is
    // addressable, so its pointer methods count too.
    const method = stringerMethod(v, true);
    if (method !== undefined) return sprint([method.fn.fn()]);
    if (v.typeName.startsWith('*')) v = new GoStruct(v.typeName.slice(1), v.fields, v.methods);
  }
  return sprint([v]);
}

const TOO_LARGE = 1e6;

/** fmt's parsenum: digits at `s[start…]`; a crazy long number is no number at all. */
function parseNum(s: string, start: number): { num: number; isNum: boolean; next: number } {
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (num > TOO_LARGE) return { num: 0, isNum: false, next: s.length };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isNum = true;
  }
  return { num, isNum, next: i };
}

/** fmt's intFromArg: a width or precision taken from an integer operand. */
function intFromArg(a: readonly GoValue[], argNum: number): { num: number; isInt: boolean; next: number } {
  if (argNum >= a.length) return { num: 0, isInt: false, next: argNum };
  const v = a[argNum];
  let num = 0;
  let isInt = false;
  if (v instanceof GoInt) {
    const n = v.value;
    const fits = isUnsigned(v.type) ? n < 1n << 63n : true;
    if (fits) {
      num = Number(n);
      isInt = true;
    }
  }
  if (num > TOO_LARGE || num < -TOO_LARGE) return { num: 0, isInt: false, next: argNum + 1 };
  return { num, isInt, next: argNum + 1 };
}

interface ArgState {
  argNum: number;
  i: number;
  found: boolean;
}

/** An explicit argument index `[n]` at `format[i]`, if any. */
function argNumber(
  st: { reordered: boolean; goodArgNum: boolean },
  argNum: number,
  format: string,
  i: number,
  numArgs: number,
): ArgState {
  if (i >= format.length || format[i] !== '[') return { argNum, i, found: false };
  st.reordered = true;
  // parseArgNumber: at least "[n]", the number one-based.
  let index = 0;
  let wid = 1;
  let ok = false;
  if (format.length - i >= 3) {
    for (let j = i + 1; j < format.length; j++) {
      if (format[j] === ']') {
        const n = parseNum(format, i + 1);
        wid = j - i + 1;
        if (n.isNum && n.next === j) {
          index = n.num - 1;
          ok = true;
        }
        break;
      }
    }
  }
  if (ok && index >= 0 && index < numArgs) return { argNum: index, i: i + wid, found: true };
  st.goodArgNum = false;
  return { argNum, i: i + wid, found: ok };
}

/** fmt.Sprintf. */
export function sprintf(format: string, a: readonly GoValue[]): string {
  const p = new Printer();
  const st = { reordered: false, goodArgNum: true };
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let i = 0;
  while (i < end) {
    st.goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = noFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = true;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }

    let an = argNumber(st, argNum, format, i, a.length);
    ({ argNum, i, found: afterIndex } = an);

    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(a, argNum);
      f.wid = w.num;
      f.widPresent = w.isInt;
      argNum = w.next;
      if (!f.widPresent) p.buf += '%!(BADWIDTH)';
      // A negative width means left-justify.
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parseNum(format, i);
      f.wid = w.num;
      f.widPresent = w.isNum;
      i = w.next;
      if (afterIndex && f.widPresent) st.goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) st.goodArgNum = false;
      an = argNumber(st, argNum, format, i, a.length);
      ({ argNum, i, found: afterIndex } = an);
      if (i < end && format[i] === '*') {
        i++;
        const pr = intFromArg(a, argNum);
        f.prec = pr.num;
        f.precPresent = pr.isInt;
        argNum = pr.next;
        // A negative precision is no precision.
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const pr = parseNum(format, i);
        f.prec = pr.num;
        f.precPresent = true;
        i = pr.next;
        if (!pr.isNum) f.prec = 0;
      }
    }

    if (!afterIndex) {
      an = argNumber(st, argNum, format, i, a.length);
      ({ argNum, i, found: afterIndex } = an);
    }

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }

    const verb = String.fromCodePoint(format.codePointAt(i) as number);
    i += verb.length;

    if (verb === '%') {
      p.buf += '%';
    } else if (!st.goodArgNum) {
      p.buf += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= a.length) {
      p.buf += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(a[argNum], verb);
      argNum++;
    }
  }

  // Extra operands are reported unless the format reordered its arguments.
  if (!st.reordered && argNum < a.length) {
    p.f = noFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === undefined || arg === null) p.buf += '<nil>';
      else {
        p.buf += typeOf(arg) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
