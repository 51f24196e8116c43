// Benchmark: app-template rendered natively (parse once, render N times in one process) against
// `helm template` of the same chart and values, measured in the same run, alternating.
// Usage: npm run build && node bench/helm-template.mjs [--write]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChartArchive } from '../dist/helm/chart/load.js';
import { prepareChart, renderChart } from '../dist/helm/render/render.js';
import { parseUserValues } from '../dist/helm/values/user-values.js';
import { runHelmSync } from '../test/helpers/helm-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chartFile = resolve(root, '../shared/helm/charts/app-template-4.1.1.tgz');
// A typical values file: two controllers, services, an HTTPRoute, persistence.
const valuesFile = resolve(
  root,
  '../shared/helm/values/app-template/onedr0p__home-ops__kubernetes_apps_default_autobrr_app_helmrelease.yaml__autobrr.yaml',
);
if (!existsSync(chartFile) || !existsSync(valuesFile)) {
  console.error('bench: ../shared/helm not found beside the project');
  process.exit(2);
}
const OPTIONS = { releaseName: 'rel', namespace: 'ns', kubeVersion: '1.31.0' };
const HELM_ARGS = ['template', 'rel', chartFile, '-f', valuesFile, '-n', 'ns', '--kube-version', '1.31.0'];
const ROUNDS = 10;
const RENDERS_PER_ROUND = 20;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const ratio = (ours, theirs) =>
  ours <= theirs ? `${(theirs / ours).toFixed(1)}x faster` : `${(ours / theirs).toFixed(1)}x slower`;
const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

// A whole native process: load, parse and render once, as one `k8s-ops` run of one release would.
function nativeProcess() {
  const script = `
    import { readFileSync } from 'node:fs';
    import { loadChartArchive } from '../dist/helm/chart/load.js';
    import { prepareChart, renderChart } from '../dist/helm/render/render.js';
    import { parseUserValues } from '../dist/helm/values/user-values.js';
    const p = prepareChart(loadChartArchive(readFileSync(${JSON.stringify(chartFile)}), 'app-template'));
    const v = parseUserValues(readFileSync(${JSON.stringify(valuesFile)}, 'utf8'), 'values.yaml');
    process.stdout.write(renderChart(p, v, ${JSON.stringify(OPTIONS)}).text);
  `;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--stack-size=3900', '--input-type=module', '-e', script], {
    cwd: join(root, 'bench'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = performance.now() - t0;
  if (r.status !== 0) throw new Error(`native process failed: ${r.stderr}`);
  return { elapsed, text: r.stdout };
}

function helmProcess() {
  const t0 = performance.now();
  const r = runHelmSync(HELM_ARGS);
  const elapsed = performance.now() - t0;
  if (!r.ok) throw new Error(`helm template failed: ${r.stderr}`);
  return { elapsed, text: r.stdout };
}

const l0 = performance.now();
const prepared = prepareChart(loadChartArchive(readFileSync(chartFile), 'app-template'));
const user = parseUserValues(readFileSync(valuesFile, 'utf8'), 'values.yaml');
const loadMs = performance.now() - l0;
const f0 = performance.now();
const first = renderChart(prepared, user, OPTIONS).text; // parses the templates
const firstMs = performance.now() - f0;

const renders = [];
const helmRuns = [];
const nativeRuns = [];
let same = true;
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < RENDERS_PER_ROUND; i++) {
    const t0 = performance.now();
    renderChart(prepared, user, OPTIONS);
    renders.push(performance.now() - t0);
  }
  const h = helmProcess();
  helmRuns.push(h.elapsed);
  same &&= h.text === first;
  const n = nativeProcess();
  nativeRuns.push(n.elapsed);
  same &&= n.text === first;
}

const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const rows = [
  ['render in a process that has rendered before (parse reused), median per render', renders, helmRuns],
  ['whole process: load, parse and render once', nativeRuns, helmRuns],
];
const table = [
  '| app-template 4.1.1, one values file | native (k8s-ops) | helm template | ratio |',
  '|---|---|---|---|',
  ...rows.map(
    ([label, ours, theirs]) =>
      `| ${label} | ${ms(median(ours))} (${range(ours)}) | ${ms(median(theirs))} (${range(theirs)}) | ${ratio(median(ours), median(theirs))} |`,
  ),
  `| first render in the process (parses the templates) | ${ms(firstMs)} | | |`,
  `| loading the chart archive | ${ms(loadMs)} | | |`,
].join('\n');
console.log(`${machine}; output identical to helm: ${same}\n${table}`);

if (process.argv.includes('--write')) {
  const file = join(root, 'docs/performance.md');
  const doc = readFileSync(file, 'utf8');
  const section = `## Rendering a Helm chart: app-template vs. \`helm template\`

Measured with \`node bench/helm-template.mjs --write\` after \`npm run build\`
(${new Date().toISOString().slice(0, 10)}, ${machine}). app-template 4.1.1 with one real values file
(two controllers, services, an HTTPRoute, persistence), release \`rel\` in \`ns\`, Kubernetes 1.31.0.
${ROUNDS} rounds, each of ${RENDERS_PER_ROUND} native renders in this process, one \`helm template\`
process and one fresh native process, alternated so that both see the same machine load.
Medians with min–max. The native output was ${same ? 'byte-identical to' : 'NOT identical to'} helm's in every run.

${table}

The template set is parsed once per chart and reused by every later render (the first render
pays for it); values are coalesced and every template executed again on each render.
`;
  const start = doc.indexOf('## Rendering a Helm chart');
  const next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  const updated =
    start < 0
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${next < 0 ? '' : doc.slice(next)}`;
  writeFileSync(file, updated);
  console.log('wrote docs/performance.md');
}
