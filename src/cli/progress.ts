import type { Io } from './io.js';

/** A one-line progress indicator on stderr, only when stderr is a terminal and not --quiet. */
export function progress(io: Io, enabled: boolean): { update(msg: string): void; done(): void } {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(msg) {
      io.stderr(`\r\u001b[K${msg}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
