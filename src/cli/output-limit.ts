/**
 * The bound on what one command writes (docs/limits.md): output is counted as it is written,
 * in batches, so a huge build streams to its file or pipe instead of being joined in memory,
 * and a runaway one stops at a known size instead of filling a disk.
 */
import { UsageError } from './usage-error.js';

export const DEFAULT_MAX_OUTPUT_BYTES = 2 * 1024 ** 3;

/** Writes are gathered to about this size: few system calls, little held in memory. */
const BATCH_CHARS = 1 << 20;

export interface OutputBudget {
  readonly limit: number;
  used: number;
}

export function newOutputBudget(limit = DEFAULT_MAX_OUTPUT_BYTES): OutputBudget {
  return { limit, used: 0 };
}

/** Counts `text` against the budget; false, and nothing counted, when it would cross the limit. */
export function spend(budget: OutputBudget, text: string): boolean {
  const bytes = Buffer.byteLength(text);
  if (budget.used + bytes > budget.limit) return false;
  budget.used += bytes;
  return true;
}

/**
 * Writes every chunk through `write` in batches while the budget lasts. Chunks are whole
 * (an object each), so output cut by the limit ends at a chunk boundary. Returns whether
 * every chunk was written.
 */
export function writeChunks(
  chunks: Iterable<string>,
  budget: OutputBudget,
  write: (text: string) => void,
): boolean {
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = () => {
    if (pending.length > 0) write(pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  try {
    for (const chunk of chunks) {
      if (!spend(budget, chunk)) return false;
      pending.push(chunk);
      pendingChars += chunk.length;
      if (pendingChars >= BATCH_CHARS) flush();
    }
    return true;
  } finally {
    flush();
  }
}

const UNITS: Readonly<Record<string, number>> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** `--max-output-size`: bytes, or a number with K, M or G (binary units; `Ki`/`KiB` also read). */
export function parseOutputSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^([1-9][0-9]{0,12})\s*([KMG]?)(?:i?B)?$/i.exec(value.trim());
  const unit = m ? UNITS[m[2]!.toUpperCase()] : undefined;
  const bytes = m && unit ? Number(m[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes)) {
    throw new UsageError(`--max-output-size takes a size such as 500M or 4G, not '${value}'`);
  }
  return bytes;
}

/** A size as the limit message shows it. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}
