import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { PROJECT_ROOT, SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

describe.skipIf(!sharedAvailable())('the platform passes k8s-ops check', () => {
  it('zero errors and zero warnings, with the Kubernetes and CRD schemas', async () => {
    const io = {
      cwd: PROJECT_ROOT,
      out: '',
      err: '',
      stdout: (t: string) => void (io.out += t),
      stderr: (t: string) => void (io.err += t),
    } as Io & { out: string; err: string };
    const code = await run(
      ['check', '--root', PROJECT_ROOT, '--schemas', `${SHARED_DIR}/schemas`, '--format', 'json'],
      io,
    );
    const report = JSON.parse(io.out) as {
      diagnostics: { severity: string; rule: string; file?: string; message: string }[];
    };
    const problems = report.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems, problems.map((d) => `${d.file}: ${d.rule}: ${d.message}`).join('\n')).toEqual([]);
    expect(code).toBe(0);
  });
});
