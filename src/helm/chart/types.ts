/**
 * A loaded chart, as helm's `chart.Chart` holds it: metadata, default values, templates,
 * other files and the subcharts found under `charts/`. Plain data: nothing here reads a disk.
 */
import type { JsonObject } from '../../core/json.js';
import type { ChartMetadata } from '../../gotemplate/helm/chart.js';

export interface ChartFile {
  /** Path relative to the chart root, `/`-separated (`templates/deployment.yaml`). */
  name: string;
  data: Uint8Array;
}

export interface Chart {
  metadata: ChartMetadata;
  /** values.yaml as helm reads it (YAML 1.1, numbers as float64); `{}` when absent. */
  values: JsonObject;
  /** values.schema.json, unparsed. */
  schema?: Uint8Array;
  /** Files under `templates/`, in load order. */
  templates: ChartFile[];
  /** Every other file (`crds/`, `files/`, README…): what `.Files` sees. */
  files: ChartFile[];
  /** Subcharts found under `charts/` (directories or archives), before conditions apply. */
  dependencies: Chart[];
  /** Where the chart came from, for messages (`app-template-4.1.1.tgz`, `charts/common`). */
  source: string;
}
