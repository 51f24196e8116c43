/**
 * `build` printing to stdout: object by object, in batches, so the whole output is never
 * held as one string. At the output limit it stops after the last whole object (a JSON array
 * is closed), and the returned diagnostic names the Kustomization or HelmRelease it stopped in.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { refKey, type RenderedObject } from '../render/model.js';
import type { BuildUnit } from '../report/build-units.js';
import type { Io } from './io.js';
import { formatSize, writeChunks, type OutputBudget } from './output-limit.js';

export function writeBuildStdout(
  units: readonly BuildUnit[],
  chunksOf: (objects: Iterable<RenderedObject>) => Iterable<string>,
  budget: OutputBudget,
  format: string,
  io: Io,
): Diagnostic | undefined {
  let current: BuildUnit | undefined;
  const objects = function* () {
    for (const k of units) {
      current = k;
      yield* k.objects;
    }
  };
  if (writeChunks(chunksOf(objects()), budget, (text) => io.stdout(text))) return undefined;
  // A JSON array cut short is still closed, so what was printed parses.
  if (format === 'json') io.stdout(budget.used > 0 ? '\n]\n' : '[]\n');
  const k = current;
  return {
    severity: 'error',
    rule: 'limit-exceeded',
    ...(k ? { file: k.file, ...(k.line !== undefined ? { line: k.line } : {}) } : {}),
    message: `the output reached the limit of ${formatSize(budget.limit)}${k ? ` in ${k.kind} ${refKey(k.ref)}` : ''}; what was printed ends with the last whole object before it`,
    hint: 'raise it with --max-output-size, build less (--ks, --hr, a cluster name), or use --out-dir',
  };
}
