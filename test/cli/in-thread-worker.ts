/** The chart worker module for CLI tests: the renderer runs in this thread behind a structured clone. */
import type { ChartRenderRequest } from '../../src/cli/chart-render.js';
import { createChartRenderer } from '../../src/cli/chart-render.js';

export function startChartWorker() {
  const renderer = createChartRenderer();
  return {
    render: (request: ChartRenderRequest) =>
      Promise.resolve(structuredClone(renderer.render(structuredClone(request)))),
    close: () => Promise.resolve(),
  };
}
