import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The real `kubectl kustomize`, the oracle for differential tests. In CI a missing kubectl
 * is a failure, never a silent skip; on a developer machine without it the tests skip.
 */
export function kubectlAvailable(): boolean {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  const ok = r.status === 0;
  if (!ok && process.env.CI) {
    throw new Error('kubectl is required for the differential tests in CI but was not found on PATH');
  }
  return ok;
}

export interface OracleResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** `kubectl kustomize --load-restrictor LoadRestrictionsNone DIR`. */
export function realKustomize(dir: string): OracleResult {
  const r = spawnSync('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Writes `files` (relative path → content) into a fresh temporary directory. */
export function writeFixture(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'k8s-ops-fixture-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

export function withFixture<T>(files: Record<string, string | Uint8Array>, fn: (root: string) => T): T {
  const root = writeFixture(files);
  try {
    return fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function withFixtureAsync<T>(
  files: Record<string, string | Uint8Array>,
  fn: (root: string) => Promise<T>,
): Promise<T> {
  const root = writeFixture(files);
  try {
    return await fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
