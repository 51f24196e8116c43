/**
 * Offline fallback to charts imported by hand: the versions imported under a chart's name,
 * chosen with the same rules as a repository index (exact match, else the highest version that
 * satisfies the constraint).
 */
import type { RunContext } from './context.js';
import { selectIndexEntry, type ChartIndex } from './helm-index.js';
import { ChartFailure } from './failure.js';
import type { Resolution } from './resolution.js';

export function resolveImported(
  ctx: RunContext,
  chart: string,
  version: string,
  key: string,
): Resolution | undefined {
  const imports = ctx.store.listImports(chart);
  if (imports.length === 0) return undefined;
  const index: ChartIndex = {
    entries: new Map([
      [
        chart,
        imports.map((r) => ({ name: r.name, version: r.version, urls: [], digest: r.digest, created: 0n })),
      ],
    ]),
  };
  let chosen: string;
  try {
    chosen = selectIndexEntry(index, chart, version, 'the imported charts').version;
  } catch (e) {
    if (e instanceof ChartFailure && e.message.startsWith('no ')) return undefined;
    throw e;
  }
  const record = imports.find((r) => r.version === chosen);
  if (!record) return undefined;
  const read = ctx.store.readBlob(record.digest);
  if (!('bytes' in read)) return undefined;
  ctx.progress(`${key}: using the imported chart ${record.name} ${record.version}`);
  return {
    chart: {
      archive: read.bytes,
      digest: record.digest,
      name: record.name,
      version: record.version,
      source: `imported ${record.file}`,
    },
    fromCache: true,
  };
}
