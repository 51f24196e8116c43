import type { ResolvedChart } from './types.js';

/** A successful resolution, before it becomes a ChartResult. */
export interface Resolution {
  chart: ResolvedChart;
  fromCache: boolean;
}
