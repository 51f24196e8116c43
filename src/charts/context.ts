/** What one resolveCharts run shares between its requests. */
import type { HttpOptions } from './http.js';
import type { ChartIndex } from './helm-index.js';
import type { ChartLimits } from './limits.js';
import type { ChartStore } from './store.js';

export interface RunContext {
  store: ChartStore;
  offline: boolean;
  http: HttpOptions;
  limits: ChartLimits;
  progress: (message: string) => void;
  /** Repository indexes fetched in this run, by URL: each is downloaded once. */
  indexes: Map<string, Promise<ChartIndex>>;
  /** OCI bearer tokens by registry and scope. */
  tokens: Map<string, string>;
  /** Path of a Docker config.json with registry credentials. */
  dockerConfig?: string;
}

/** What to tell a person who is offline and lacks a chart. */
export const OFFLINE_HINT =
  'run `k8s-ops charts pull` while online to fetch it into the cache, or add the archive with `k8s-ops charts import <file>.tgz`';
