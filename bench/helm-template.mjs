// Benchmark: the native chart engine against `helm template`, measured in the same run,
// alternating so that both see the same machine load.
//  1. app-template with one values file: rounds of warm native renders, one `helm template`
//     process and one fresh native process (with the time of each of its steps).
//  2. Every chart of ../shared/helm/charts with default values and with every values file
//     written for it: one native render (chart prepared once, in this process) then one
//     `helm template` process, per render.
// Native renders run on a worker thread with a 4 MB stack, as chart rendering needs.
// Usage: npm run build && node bench/helm-template.mjs [--write | --quick]
// (--quick: two rounds and three charts, to try the benchmark itself)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { locateHelm } from '../test/helpers/helm-binary.mjs';
import { writeHelmSection } from './helm-report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/helm');
const chartsDir = join(shared, 'charts');
const valuesDir = join(shared, 'values');
const APP_TEMPLATE = join(chartsDir, 'app-template-4.1.1.tgz');
// A typical values file: two controllers, services, an HTTPRoute, persistence.
const APP_VALUES = join(
  valuesDir,
  'app-template/onedr0p__home-ops__kubernetes_apps_default_autobrr_app_helmrelease.yaml__autobrr.yaml',
);
if (!existsSync(APP_TEMPLATE) || !existsSync(APP_VALUES)) {
  console.error('bench: ../shared/helm not found beside the project');
  process.exit(2);
}
const helm = locateHelm();
if (!helm.path) {
  console.error(`bench: no helm: ${helm.reason}`);
  process.exit(2);
}
const QUICK = process.argv.includes('--quick');
const loadAtStart = loadavg()[0];
const ROUNDS = QUICK ? 2 : 10;
const RENDERS_PER_ROUND = 20;
const HELM_OPTIONS = ['-n', 'ns', '--kube-version', '1.31.0'];

// helm with private, empty home folders, never reaching out; its peak memory through GNU time.
const home = mkdtempSync(join(tmpdir(), 'k8s-ops-bench-helm-'));
process.once('exit', () => rmSync(home, { recursive: true, force: true }));
const helmEnv = { ...process.env, HELM_NO_PLUGINS: '1', KUBECONFIG: join(home, 'kubeconfig') };
for (const k of ['CACHE', 'CONFIG', 'DATA']) {
  helmEnv[`HELM_${k}_HOME`] = join(home, k.toLowerCase());
  mkdirSync(helmEnv[`HELM_${k}_HOME`]);
}
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete helmEnv[k];
const timeFile = join(home, 'time.txt');
const gnuTime = spawnSync('time', ['-f', '%M', '-o', timeFile, 'true']).status === 0;

function helmRun(chart, valuesFile) {
  const args = ['template', 'rel', chart, ...(valuesFile ? ['-f', valuesFile] : []), ...HELM_OPTIONS];
  const [cmd, argv] = gnuTime
    ? ['time', ['-f', '%M', '-o', timeFile, helm.path, ...args]]
    : [helm.path, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { env: helmEnv, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - t0;
  const rssKb = gnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  const error = r.status === 0 ? undefined : r.stderr.replace(/^Error: /, '') || `exit ${r.status}`;
  return { ms, ok: r.status === 0, text: r.stdout, error, rss: rssKb * 1024 };
}

// The native worker, one request at a time.
const worker = new Worker(new URL('./helm-native-worker.mjs', import.meta.url), {
  resourceLimits: { stackSizeMb: 4 },
});
let pending;
worker.on('message', (m) => pending?.resolve(m));
worker.on('error', (e) => pending?.reject(e));
const ask = (msg) =>
  new Promise((resolvePromise, reject) => {
    pending = { resolve: resolvePromise, reject };
    worker.postMessage(msg);
  });

function wholeProcess() {
  const script = join(root, 'bench/helm-whole-process.mjs');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--stack-size=3900', script, APP_TEMPLATE, APP_VALUES], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`native process failed: ${r.stderr}`);
  return { ms, text: r.stdout, steps: JSON.parse(r.stderr) };
}

// 1. app-template, one values file.
const app = { renders: [], helm: [], whole: [], steps: [], same: true };
const prep = await ask({ op: 'prepare', chart: APP_TEMPLATE });
app.loadMs = prep.loadMs;
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < RENDERS_PER_ROUND; i++) {
    const n = await ask({ op: 'render', chart: APP_TEMPLATE, valuesFile: APP_VALUES });
    if (!n.ok) throw new Error(`app-template render failed: ${n.error}`);
    app.renders.push(n.ms);
    app.text ??= n.text;
  }
  const h = helmRun(APP_TEMPLATE, APP_VALUES);
  app.helm.push(h.ms);
  app.same &&= h.text === app.text;
  const w = wholeProcess();
  app.whole.push(w.ms);
  app.steps.push(w.steps);
  app.same &&= w.text === app.text;
}

// 2. Every chart with default values and with each values file written for it.
const charts = readdirSync(chartsDir)
  .map((f) => ({ file: f, name: /^(.+?)-v?\d+\.\d+\.\d+.*\.tgz$/.exec(f)?.[1] }))
  .filter((c) => c.name)
  .sort((a, b) => (a.file < b.file ? -1 : 1))
  .slice(0, QUICK ? 3 : undefined);
const all = { jobs: [], prepare: [], peakRss: 0, helmRss: [] };
for (const c of charts) {
  const chart = join(chartsDir, c.file);
  const p = await ask({ op: 'prepare', chart });
  all.prepare.push({ chart: c.file, ...p });
  const dir = join(valuesDir, c.name);
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const valuesFile of [undefined, ...files.map((f) => join(dir, f))]) {
    const label = `${c.file}${valuesFile ? ` -f ${c.name}/${valuesFile.slice(dir.length + 1)}` : ''}`;
    const native = await ask({ op: 'render', chart, valuesFile });
    const theirs = helmRun(chart, valuesFile);
    all.peakRss = Math.max(all.peakRss, native.peakRss);
    if (!Number.isNaN(theirs.rss)) all.helmRss.push(theirs.rss);
    const same = native.ok && theirs.ok && native.text === theirs.text;
    // Only the figures are kept: the outputs would count in the process's memory.
    delete native.text;
    delete theirs.text;
    all.jobs.push({ label, native, helm: theirs, same });
  }
}
await worker.terminate();

const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const load = [loadAtStart, loadavg()[0]];
writeHelmSection(
  { machine, load, app, all, gnuTime, rounds: ROUNDS, perRound: RENDERS_PER_ROUND },
  {
    root,
    write: process.argv.includes('--write') && !QUICK,
  },
);
