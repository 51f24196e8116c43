/**
 * The chart worker service around stand-in worker scripts: answers come back by request, and a
 * worker that crashes, throws, cannot start or is closed mid-render ends its requests with a
 * diagnostic instead of leaving them waiting. (The real worker runs in the CLI's differential test.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartRenderRequest } from '../../src/cli/chart-render.js';
import { startChartWorker } from '../../src/cli/chart-worker.js';

const dir = mkdtempSync(join(tmpdir(), 'chart-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPTS: Record<string, string> = {
  // Answers with the key and how many requests this worker has seen.
  echo: `let n = 0; parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, response: { ok: true, text: m.request.key + ':' + ++n } }));`,
  exits: `parentPort.on('message', () => process.exit(3));`,
  throws: `parentPort.on('message', () => { throw new Error('boom'); });`,
  silent: `parentPort.on('message', () => {});`,
};

function entry(name: string): URL {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, `import { parentPort } from 'node:worker_threads';\n${SCRIPTS[name]}\n`);
  return pathToFileURL(path);
}

const request = (key: string): ChartRenderRequest => ({
  key,
  chart: { kind: 'files', files: [], source: 'x' },
  values: [],
  cwd: dir,
  options: { releaseName: 'r', namespace: 'default' },
});

describe('startChartWorker', () => {
  it('answers each request, several at once, on one worker', async () => {
    const service = startChartWorker({ entry: entry('echo') });
    const answers = await Promise.all([service.render(request('a')), service.render(request('b'))]);
    expect(answers).toEqual([
      { ok: true, text: 'a:1' },
      { ok: true, text: 'b:2' },
    ]);
    await service.close();
  });

  it.each([
    ['exits', /stopped unexpectedly \(exit code 3\)/],
    ['throws', /the chart renderer failed: boom/],
  ])(
    'a worker that %s fails its request with a diagnostic, and the next starts afresh',
    async (name, message) => {
      const service = startChartWorker({ entry: entry(name) });
      const first = await service.render(request('a'));
      expect(first.ok).toBe(false);
      if (!first.ok) expect(first.diagnostic.message).toMatch(message);
      const second = await service.render(request('b'));
      expect(second.ok).toBe(false);
      await service.close();
    },
  );

  it('a worker script that cannot be loaded is a diagnostic', async () => {
    const service = startChartWorker({ entry: pathToFileURL(join(dir, 'missing.mjs')) });
    const answer = await service.render(request('a'));
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.diagnostic.rule).toBe('helm-render');
    await service.close();
  });

  it('close ends a render still open with a diagnostic', async () => {
    const service = startChartWorker({ entry: entry('silent') });
    const pending = service.render(request('a'));
    await service.close();
    const answer = await pending;
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.diagnostic.message).toMatch(/closed before the render finished/);
  });
});
