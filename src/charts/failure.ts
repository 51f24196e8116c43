/**
 * The one error retrieval code throws internally: a reason and a hint meant for a person. The
 * entry points catch it (and anything else) and turn it into a failed ChartResult.
 */
export class ChartFailure extends Error {
  readonly hint: string;

  constructor(reason: string, hint: string) {
    super(reason);
    this.name = 'ChartFailure';
    this.hint = hint;
  }
}

export function fail(reason: string, hint: string): never {
  throw new ChartFailure(reason, hint);
}

/** The reason of anything thrown; unexpected errors keep their message, never their stack. */
export function failureOf(e: unknown): { reason: string; hint: string } {
  if (e instanceof ChartFailure) return { reason: e.message, hint: e.hint };
  const message = e instanceof Error ? e.message : String(e);
  return { reason: `unexpected error: ${message}`, hint: 'this is a bug in k8s-ops; please report it' };
}
