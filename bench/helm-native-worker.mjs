// The native side of the Helm benchmark, on a worker thread with a 4 MB stack (chart rendering
// needs it, as the engine's own renders do). It keeps each chart prepared between renders, as
// k8s-ops does for the releases of one chart, and answers one message at a time:
//   {op: 'prepare', chart}            load the archive and render it once with default values
//   {op: 'render', chart, valuesFile} render it again, with a values file or default values
// Each answer carries the time, the output or the error, and the process's RSS high-water mark.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { DiagnosticError } from '../dist/core/diagnostic.js';
import { loadChartArchive } from '../dist/helm/chart/load.js';
import { prepareChart, renderChart } from '../dist/helm/render/render.js';
import { parseUserValues } from '../dist/helm/values/user-values.js';

const OPTIONS = { releaseName: 'rel', namespace: 'ns', kubeVersion: '1.31.0' };
const prepared = new Map();
let peakRss = process.memoryUsage().rss;

// A render's result: helm's output text, or the message helm's would correspond to.
function render(chart, valuesFile) {
  try {
    const user = valuesFile ? parseUserValues(readFileSync(valuesFile, 'utf8'), valuesFile) : {};
    return { ok: true, text: renderChart(prepared.get(chart), user, OPTIONS).text };
  } catch (e) {
    if (e instanceof DiagnosticError) return { ok: false, error: e.message };
    return { ok: false, error: `crash: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function timed(f) {
  const t0 = performance.now();
  const result = f();
  const ms = performance.now() - t0;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { ...result, ms, peakRss };
}

parentPort.on('message', (msg) => {
  if (msg.op === 'prepare') {
    const load = timed(() => {
      prepared.set(msg.chart, prepareChart(loadChartArchive(readFileSync(msg.chart), basename(msg.chart))));
      return {};
    });
    // The first render parses the templates and compiles the values schema.
    const first = timed(() => render(msg.chart, undefined));
    parentPort.postMessage({ loadMs: load.ms, firstMs: first.ms, peakRss: first.peakRss });
    return;
  }
  parentPort.postMessage(timed(() => render(msg.chart, msg.valuesFile)));
});
