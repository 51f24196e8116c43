/**
 * Go `strconv` number parsing and formatting, as far as the YAML resolvers and the
 * YAML encoder rely on them. Integers are checked with BigInt so int64/uint64 ranges
 * are exact even when the resulting JS number is not.
 */

export type GoIntResult = { kind: 'int' | 'uint'; value: bigint } | { kind: 'error' };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

// Go integer literal after an optional sign, as strconv.ParseInt(s, 0, 64) accepts it
// (underscores are removed by the YAML resolvers before parsing).
const GO_INT_BODY = /^(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const SMALL_DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})$/;

function bodyToBigInt(body: string): bigint {
  // A leading 0 without a letter is Go's legacy octal; JS BigInt would read decimal.
  if (body.length > 1 && body[0] === '0' && body[1]! >= '0' && body[1]! <= '7')
    return BigInt('0o' + body.slice(1));
  return BigInt(body);
}

/** strconv.ParseInt(s, 0, 64), falling back to strconv.ParseUint(s, 0, 64) like the YAML resolvers do. */
export function parseGoInt(s: string): GoIntResult {
  if (SMALL_DECIMAL.test(s)) return { kind: 'int', value: BigInt(s) };
  let sign = 1n;
  let body = s;
  const first = s[0];
  if (first === '+' || first === '-') {
    sign = first === '-' ? -1n : 1n;
    body = s.slice(1);
  }
  if (!GO_INT_BODY.test(body)) return { kind: 'error' };
  const value = sign * bodyToBigInt(body);
  if (value >= INT64_MIN && value <= INT64_MAX) return { kind: 'int', value };
  // ParseUint takes no sign at all.
  if (first !== '+' && first !== '-' && value <= UINT64_MAX) return { kind: 'uint', value };
  return { kind: 'error' };
}

// YAML's own float syntax check used before strconv.ParseFloat on digit/sign scalars.
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** yamlStyleFloat match followed by strconv.ParseFloat; undefined when either rejects (incl. overflow). */
export function parseYamlStyleFloat(plain: string): number | undefined {
  if (!YAML_STYLE_FLOAT.test(plain)) return undefined;
  const f = Number(plain);
  return Number.isFinite(f) ? f : undefined;
}

// strconv.ParseFloat on a scalar starting with '.', where Go literal underscores are allowed.
const DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;

export function parseDotFloat(s: string): number | undefined {
  if (!DOT_FLOAT.test(s)) return undefined;
  const f = Number(s.replace(/_/g, ''));
  return Number.isFinite(f) ? f : undefined;
}

/** strconv.FormatFloat(f, 'g', -1, 64) for finite f: shortest digits, %e when exp < -4 || exp >= 6. */
export function formatGoFloatG(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // Go uses precision 6 for the %e decision when printing the shortest representation.
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  // JS prints plain decimal notation for these exponents, with the same shortest digits.
  return String(f);
}
