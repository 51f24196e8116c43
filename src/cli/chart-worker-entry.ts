/**
 * The chart worker thread: answers each render request posted by chart-worker.ts. Parsed charts
 * stay in this thread between requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createChartRenderer, type ChartRenderRequest } from './chart-render.js';

// Loaded only as the chart worker: anything else that imports it by mistake stays inert.
const port = (workerData as { chartWorker?: boolean } | null)?.chartWorker === true ? parentPort : null;
if (port) {
  const renderer = createChartRenderer();
  port.on('message', (message: { id: number; request: ChartRenderRequest }) => {
    port.postMessage({ id: message.id, response: renderer.render(message.request) });
  });
}
