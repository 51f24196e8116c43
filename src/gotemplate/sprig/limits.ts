/**
 * Size limits for the functions whose output size a template chooses (`until 100000000`,
 * `repeat`, `indent`): Go would try and exhaust memory; we stop with an error that names the
 * limit, so a bad value fails the render instead of the process.
 */
import { GoCallError } from '../value.js';

/** Most elements one call may produce (`until`, `untilStep`, `seq`). */
export const MAX_ELEMENTS = 1_000_000;

/** Most characters one call may produce (`repeat`, `indent`, `replace`, `join`, …). */
export const MAX_STRING_LENGTH = 10_000_000;

export function checkElements(count: number, what: string): void {
  if (count > MAX_ELEMENTS) {
    throw new GoCallError(
      `${what} would produce ${count} elements, more than the limit of ${MAX_ELEMENTS} per call`,
    );
  }
}

export function checkLength(length: number, what: string): void {
  if (length > MAX_STRING_LENGTH) {
    throw new GoCallError(
      `${what} would produce ${length} characters, more than the limit of ${MAX_STRING_LENGTH} per call`,
    );
  }
}

/** Deepest nesting of maps and lists that `deepCopy`, `deepEqual` and the merges walk. */
export const MAX_NESTING = 1_000;

export function checkNesting(depth: number, what: string): void {
  if (depth > MAX_NESTING) {
    throw new GoCallError(
      `${what}: the value nests more than ${MAX_NESTING} levels deep (or contains itself)`,
    );
  }
}
