/**
 * Go's `strconv.FormatFloat(f, 'f', -1, 64)`: the shortest digits that round-trip (the
 * same digits JavaScript picks) written without an exponent. SOPS hashes numbers this way
 * for the MAC and writes floats this way before encrypting them.
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const sign = f < 0 || Object.is(f, -0) ? '-' : '';
  const [mantissa = '0', exp = '0'] = Math.abs(f).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // Position of the decimal point relative to the start of `digits`.
  const point = Number(exp) + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
