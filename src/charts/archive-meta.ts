/**
 * A chart archive's name and version, read from its Chart.yaml with the chart engine's own
 * guarded reader, so an archive that would not load is refused before it is cached.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { readChartArchive } from '../helm/chart/archive.js';
import { parseChartMetadata } from '../helm/chart/metadata.js';
import { ChartFailure } from './failure.js';

const corruptHint =
  'the chart archive is corrupt or not a Helm chart; check the source, or package the chart again';

export interface ArchiveMeta {
  name: string;
  version: string;
}

export function readArchiveMeta(bytes: Uint8Array, source: string): ArchiveMeta {
  try {
    const { top, files } = readChartArchive(bytes, source);
    const chartYaml = files.get('Chart.yaml');
    if (!chartYaml)
      throw new ChartFailure(`${source} is not a chart: it has no ${top}/Chart.yaml`, corruptHint);
    const meta = parseChartMetadata(Buffer.from(chartYaml).toString('utf8'), `${top}/Chart.yaml`);
    return { name: meta.name, version: meta.version ?? '' };
  } catch (e) {
    if (e instanceof ChartFailure) throw e;
    const message = e instanceof DiagnosticError ? e.message : e instanceof Error ? e.message : String(e);
    throw new ChartFailure(`${source} is not a valid chart archive: ${message}`, corruptHint);
  }
}
