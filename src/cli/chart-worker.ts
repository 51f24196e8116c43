/**
 * Chart rendering on a worker thread. Helm allows 1000 nested `include`s and reproducing its
 * error needs a stack of about 4 MB, four times the main thread's, so renders run on a worker
 * started with that stack. The worker keeps the charts it prepared, by key, for later requests.
 * A worker that crashes or runs out of memory fails the requests it held with a diagnostic and
 * is started afresh for the next one; nothing waits forever on it.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ChartRenderRequest, ChartRenderResponse } from './chart-render.js';

export type { ChartRenderRequest, ChartRenderResponse };

export interface ChartRenderService {
  render(request: ChartRenderRequest): Promise<ChartRenderResponse>;
  /** Stops the worker; requests still open fail with a diagnostic. */
  close(): Promise<void>;
}

export interface ChartWorkerOptions {
  /** The worker's script (default: the compiled chart-worker-entry.js beside this module). */
  entry?: URL;
  stackSizeMb?: number;
}

function stopped(message: string): ChartRenderResponse {
  const diagnostic: Diagnostic = {
    severity: 'error',
    rule: 'helm-render',
    message,
    hint: 'if the chart is very large or nests templates deeply, simplify it; otherwise report this',
  };
  return { ok: false, diagnostic };
}

export function startChartWorker(options: ChartWorkerOptions = {}): ChartRenderService {
  const entry = options.entry ?? new URL('./chart-worker-entry.js', import.meta.url);
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, (response: ChartRenderResponse) => void>();

  // Ends every open request of `w` with `message` and forgets `w`.
  function fail(w: Worker, message: string): void {
    if (worker === w) worker = undefined;
    for (const resolve of pending.values()) resolve(stopped(message));
    pending.clear();
  }

  function start(): Worker {
    const w = new Worker(entry, {
      workerData: { chartWorker: true },
      resourceLimits: { stackSizeMb: options.stackSizeMb ?? 4 },
    });
    w.on('message', (message: { id: number; response: ChartRenderResponse }) => {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.response);
      if (pending.size === 0) w.unref();
    });
    w.on('error', (e: Error) => {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'the chart renderer ran out of memory'
          : `the chart renderer failed: ${e.message}`;
      fail(w, why);
    });
    w.on('exit', (code) => fail(w, `the chart renderer stopped unexpectedly (exit code ${code})`));
    return w;
  }

  return {
    render(request) {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<ChartRenderResponse>((resolve) => {
        pending.set(id, resolve);
        // An idle worker must not keep the process alive; a busy one must.
        w.ref();
        try {
          w.postMessage({ id, request });
        } catch (e) {
          // Only plain data crosses to the worker.
          pending.delete(id);
          resolve(
            stopped(`the render request cannot be sent: ${e instanceof Error ? e.message : String(e)}`),
          );
        }
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (!w) return;
      fail(w, 'the chart renderer was closed before the render finished');
      await w.terminate();
    },
  };
}
