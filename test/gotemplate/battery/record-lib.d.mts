import type { BatteryCase, Goldens } from './load.mjs';

export interface RecordOptions {
  /** helm runs under way at once (default 3). */
  concurrency?: number;
  log?: (line: string) => void;
  /** Ids known to fail, recorded alone without trying them in a batch. */
  expectErrors?: ReadonlySet<string>;
}
export function recordCases(
  cases: readonly BatteryCase[],
  sharedData: Record<string, unknown>,
  options?: RecordOptions,
): Promise<Goldens>;
