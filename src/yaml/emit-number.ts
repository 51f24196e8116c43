/**
 * How a JSON number comes out of kustomize: Go's encoding/json prints the float64, yaml.v2
 * reads that text back (integer if it parses as int64/uint64, else float) and prints it.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { formatGoFloatG } from './go-number.js';
import { goNonFinite, UNSUPPORTED_VALUE_RULE } from './unprintable.js';

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) {
    throw new DiagnosticError({
      rule: UNSUPPORTED_VALUE_RULE,
      message: `json: unsupported value: ${goNonFinite(n)} (kustomize cannot print .inf or .nan)`,
    });
  }
  if (Number.isSafeInteger(n)) return Object.is(n, -0) ? '0' : String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // JSON prints integral floats below 1e21 as shortest digits padded with zeros, as JS does.
    const text = String(n);
    const big = BigInt(text);
    if (big >= INT64_MIN && big <= UINT64_MAX) return text;
  }
  return formatGoFloatG(n);
}
