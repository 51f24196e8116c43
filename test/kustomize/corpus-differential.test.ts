import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { deepEqual, type JsonValue } from '../../src/core/json.js';
import { build } from '../../src/kustomize/build.js';
import { newBuildCache } from '../../src/kustomize/context.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { emitDocuments } from '../../src/yaml/emit.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { buildDirs, CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

/**
 * The fidelity bar: every corpus directory that real kustomize builds must build natively to
 * the same objects in the same order. Byte identity of the printed YAML is counted as well.
 */

function kubectlKustomize(dir: string): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', dir]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolveRun({ ok: code === 0, stdout, stderr }));
  });
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

function firstDifference(a: JsonValue[], b: JsonValue[]): string {
  if (a.length !== b.length) return `object count differs: native ${a.length}, kustomize ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!deepEqual(a[i] as JsonValue, b[i] as JsonValue)) {
      return `object #${i} differs:\n--- native\n${JSON.stringify(a[i])}\n--- kustomize\n${JSON.stringify(b[i])}`;
    }
  }
  return '';
}

const enabled = sharedAvailable() && kubectlAvailable();

describe.skipIf(!enabled)('native kustomize equals kubectl kustomize on the corpus', () => {
  const repos = enabled ? corpusRepos() : [];
  for (const repo of repos) {
    it(repo, async () => {
      const root = join(CORPUS_DIR, repo);
      const tree = openWorktree(root);
      const cache = newBuildCache();
      const dirs = buildDirs(repo).filter((d) => d.ok);
      const oracle = await mapLimit(dirs, 4, (d) => kubectlKustomize(join(root, d.dir)));
      const failures: string[] = [];
      let identical = 0;
      dirs.forEach((d, i) => {
        const real = oracle[i] as { ok: boolean; stdout: string; stderr: string };
        if (!real.ok) {
          failures.push(`${d.dir}: kubectl kustomize failed although the oracle says OK: ${real.stderr}`);
          return;
        }
        let native;
        try {
          native = build(tree, d.dir, { cache });
        } catch (e) {
          const msg = e instanceof DiagnosticError ? e.diagnostic.message : String(e);
          failures.push(`${d.dir}: native build failed: ${msg}`);
          return;
        }
        const expected = parseYamlDocuments(real.stdout, 'kubectl-output', { kustomizeFoldedScalars: false })
          .map((doc) => doc.value)
          .filter((v) => v !== null);
        const diff = firstDifference(native, expected);
        if (diff) failures.push(`${d.dir}: ${diff}`);
        else if (emitDocuments(native) === real.stdout) identical++;
      });
      console.info(
        `${repo}: ${dirs.length - failures.length}/${dirs.length} equal, ${identical} byte-identical`,
      );
      expect(failures, failures.slice(0, 5).join('\n\n')).toEqual([]);
      expect(identical).toBe(dirs.length);
    });
  }
});
