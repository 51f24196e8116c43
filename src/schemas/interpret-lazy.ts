import type { Check } from './interpret-run.js';

/** Deferred building for lazy compiles: a property's check is built on its first use. */

/** The interpreter's build mode, shared with the checks it defers. */
export interface BuildMode {
  /** Building for a lazy compile: property checks wait for their first use. */
  lazy: boolean;
}

/** A check built on its first run, itself lazily; until then it has cost nothing. */
export function deferred(mode: BuildMode, make: () => Check | undefined): Check {
  let built: Check | undefined;
  let done = false;
  return (data, run) => {
    if (!done) {
      mode.lazy = true;
      try {
        built = make();
      } finally {
        mode.lazy = false;
      }
      done = true;
    }
    built?.(data, run);
  };
}
