/** Kubernetes metav1.Duration values as the Flux CRDs accept them (Go time.ParseDuration subset). */

/** The CRDs' pattern: no `d`, `us` or `ns` units. */
export const DURATION_PATTERN = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

export interface Duration {
  /** Milliseconds (may be fractional). */
  ms: number;
  /** Go's Duration.String() form, e.g. `9m30s`, `1h0m0s`. */
  text: string;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a duration the CRD pattern accepts; undefined otherwise. */
export function parseDuration(text: string): Duration | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let ms = 0;
  for (const m of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) {
    ms += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  }
  return duration(ms);
}

export function duration(ms: number): Duration {
  return { ms, text: formatGoDuration(ms) };
}

/** Go's time.Duration.String for non-negative durations. */
export function formatGoDuration(ms: number): string {
  const ns = BigInt(Math.round(ms * 1e6));
  if (ns === 0n) return '0s';
  if (ns < 1_000_000_000n) {
    if (ns < 1000n) return `${ns}ns`;
    if (ns < 1_000_000n) return `${fraction(ns, 1000n)}µs`;
    return `${fraction(ns, 1_000_000n)}ms`;
  }
  const h = ns / 3_600_000_000_000n;
  const m = (ns / 60_000_000_000n) % 60n;
  const s = ns % 60_000_000_000n;
  const sec = `${fraction(s, 1_000_000_000n)}s`;
  if (h > 0n) return `${h}h${m}m${sec}`;
  if (m > 0n) return `${m}m${sec}`;
  return sec;
}

function fraction(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const rest = value % unit;
  if (rest === 0n) return `${whole}`;
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}
