// Benchmarks, measured as ratios against the real tools in the same run.
// Usage: npm run bench [-- --write]   (--write refreshes docs/performance.md)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../dist/kustomize/build.js';
import { newBuildCache } from '../dist/kustomize/context.js';
import { allRules } from '../dist/checks/registry.js';
import { checkContext, runChecks } from '../dist/checks/run-checks.js';
import { loadSchemaOptions } from '../dist/cli/schema-sources.js';
import { diffRevisions, diffTrees } from '../dist/diff/index.js';
import { renderRepository } from '../dist/render/render-repository.js';
import { overlayTree } from '../dist/tree/overlay-tree.js';
import { openWorktree } from '../dist/tree/worktree.js';
import { emitDocuments } from '../dist/yaml/emit.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus');
if (!existsSync(corpus)) {
  console.error('bench: ../shared/corpus not found beside the project');
  process.exit(2);
}

function okDirs(repo) {
  return readFileSync(join(corpus, repo, '.build-dirs.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.endsWith('\tOK'))
    .map((l) => l.split('\t')[0]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

const repos = readdirSync(corpus, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const jobs = repos.flatMap((repo) => okDirs(repo).map((dir) => ({ repo, dir })));

// Native: one process, one parse cache per repository (how the tool renders a repository).
function nativePass() {
  const times = [];
  const t0 = performance.now();
  let bytes = 0;
  for (const repo of repos) {
    const tree = openWorktree(join(corpus, repo));
    const cache = newBuildCache();
    for (const { dir } of jobs.filter((j) => j.repo === repo)) {
      const s = performance.now();
      bytes += emitDocuments(build(tree, dir, { cache })).length;
      times.push(performance.now() - s);
    }
  }
  return { total: performance.now() - t0, times, bytes };
}

// Render: every cluster of every corpus repository, as `k8s-ops build` does (strict mode).
async function renderPass() {
  const t0 = performance.now();
  let clusters = 0;
  let kustomizations = 0;
  const timings = { kustomizeMs: 0 };
  for (const repo of repos) {
    const result = await renderRepository(openWorktree(join(corpus, repo)), { strict: true, timings });
    clusters += result.models.length;
    kustomizations += result.models.reduce((n, m) => n + m.kustomizations.length, 0);
  }
  return { total: performance.now() - t0, clusters, kustomizations, kustomizeMs: timings.kustomizeMs };
}

// The first pass is the cold one (JIT, first reads); the second is reported as the steady state.
const cold = nativePass();
const native = nativePass();
// Peak memory of the kustomize passes alone, before rendering and checking run in this process.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const renderCold = await renderPass();
const renderWarm = await renderPass();

// Check: render, then every rule (schemas included) over every corpus repository.
async function checkPass() {
  let renderMs = 0;
  let checkMs = 0;
  let objects = 0;
  let findings = 0;
  for (const repo of repos) {
    const tree = openWorktree(join(corpus, repo));
    const r0 = performance.now();
    const result = await renderRepository(tree, { strict: true });
    renderMs += performance.now() - r0;
    const c0 = performance.now();
    const renderDiagnostics = [...result.diagnostics, ...result.models.flatMap((m) => m.diagnostics)];
    const schemas = await loadSchemaOptions(
      { schemas: resolve(root, '../shared/schemas') },
      {},
      '1.35',
      result.models,
      [],
    );
    findings += runChecks(checkContext(tree, result, '1.35'), {
      rules: allRules(schemas),
      renderDiagnostics,
    }).length;
    checkMs += performance.now() - c0;
    objects += result.models.reduce(
      (n, m) => n + m.kustomizations.reduce((k, ks) => k + ks.objects.length, 0),
      0,
    );
  }
  return { renderMs, checkMs, objects, findings };
}
await checkPass(); // compiles the schemas of the kinds in use
const checked = await checkPass();

// Diff: one shared file changed in the largest corpus repository, and the platform between two commits.
async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
const largest = 'bjw-s-labs__home-ops';
const largestTree = openWorktree(join(corpus, largest));
const sharedFile = 'kubernetes/components/namespace/kustomization.yaml';
const changed = overlayTree(
  largestTree,
  new Map([[sharedFile, `${largestTree.readText(sharedFile)}\n# changed\n`]]),
);
await renderRepository(largestTree, { strict: true });
const corpusRenderMs = await timed(() =>
  renderRepository(openWorktree(join(corpus, largest)), { strict: true }),
);
const corpusDiffMs = await timed(() =>
  diffTrees(openWorktree(join(corpus, largest)), changed, { strict: true }),
);
const platformRenderMs = await timed(() => renderRepository(openWorktree(root), { strict: true }));
const platformDiffMs = await timed(() => diffRevisions(root, { base: 'HEAD~1', head: 'HEAD', strict: true }));

const kubectlTimes = [];
const k0 = performance.now();
for (const { repo, dir } of jobs) {
  const s = performance.now();
  const r = spawnSync(
    'kubectl',
    ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', join(corpus, repo, dir)],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (r.status !== 0) console.error(`kubectl failed on ${repo}/${dir}`);
  kubectlTimes.push(performance.now() - s);
}
const kubectlTotal = performance.now() - k0;

const rows = [
  ['directories built', String(jobs.length), String(jobs.length), ''],
  [
    'total wall time, cold (first pass in the process)',
    ms(cold.total),
    ms(kubectlTotal),
    `${(kubectlTotal / cold.total).toFixed(1)}x faster`,
  ],
  [
    'total wall time, warm',
    ms(native.total),
    ms(kubectlTotal),
    `${(kubectlTotal / native.total).toFixed(1)}x faster`,
  ],
  [
    'median per directory',
    ms(median(native.times)),
    ms(median(kubectlTimes)),
    `${(median(kubectlTimes) / median(native.times)).toFixed(1)}x faster`,
  ],
  ['peak memory (RSS)', `${peakRssMb.toFixed(0)} MB`, 'n/a (one process per directory)', ''],
];
const table = [
  '| kustomize build of every OK corpus directory | native (k8s-ops) | kubectl kustomize | ratio |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

const renderTable = [
  '| render every cluster of every corpus repository | total | of which kustomize builds | total / kustomize stage |',
  '|---|---|---|---|',
  `| clusters / Flux Kustomizations | ${renderWarm.clusters} / ${renderWarm.kustomizations} | | |`,
  `| cold (first work in the process) | ${ms(renderCold.total)} | ${ms(renderCold.kustomizeMs)} | ${(renderCold.total / renderCold.kustomizeMs).toFixed(2)}x |`,
  `| warm | ${ms(renderWarm.total)} | ${ms(renderWarm.kustomizeMs)} | ${(renderWarm.total / renderWarm.kustomizeMs).toFixed(2)}x |`,
].join('\n');

const checkTable = [
  '| check every corpus repository (warm) | time |',
  '|---|---|',
  `| objects validated / findings | ${checked.objects} / ${checked.findings} |`,
  `| render | ${ms(checked.renderMs)} |`,
  `| checks (all rules, schemas included) | ${ms(checked.checkMs)} (+${((checked.checkMs / checked.renderMs) * 100).toFixed(0)}% on rendering) |`,
].join('\n');

console.log(table);
console.log();
console.log(renderTable);
console.log();
console.log(checkTable);

const diffTable = [
  '| diff | diff time | one render | diff / render |',
  '|---|---|---|---|',
  `| ${largest}, one shared file changed | ${ms(corpusDiffMs)} | ${ms(corpusRenderMs)} | ${(corpusDiffMs / corpusRenderMs).toFixed(2)}x |`,
  `| the platform, HEAD~1 → HEAD (git objects) | ${ms(platformDiffMs)} | ${ms(platformRenderMs)} | ${(platformDiffMs / platformRenderMs).toFixed(2)}x |`,
].join('\n');
console.log();
console.log(diffTable);

if (process.argv.includes('--write')) {
  const machine = `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const doc = `# Performance

Measured with \`npm run bench -- --write\` (${new Date().toISOString().slice(0, 10)}, ${machine}).
Every figure is measured in the same run as the real tool it is compared with.

## Native kustomize engine vs. \`kubectl kustomize\`

All directories that real kustomize builds in \`../shared/corpus\` (six public Flux repositories).
The native pass runs in one process with one parse cache per repository, as \`k8s-ops\` renders a
repository; \`kubectl kustomize\` runs once per directory, as a script around it would. The cold
figure is the first native pass in a fresh process (module loading and JIT included); the warm
figure is a second pass in the same process. kubectl runs last, from a warm file-system cache.

${table}

Budget: the native pass at least 20x faster in total (cold), peak memory under 500 MB.

## Rendering every cluster

\`renderRepository\` on each corpus repository in strict mode: discovery, then the simulated
reconciliation of every cluster (Flux overlay, kustomize build, SOPS masking, postBuild
substitution per Kustomization). The kustomize stage is the time the render itself spends in
kustomize builds (the Flux overlays of every Kustomization), measured inside the same run.

${renderTable}

Budget: under 3 s wall in total (met) and at most 1.5x the time of the kustomize stage alone
(**not met yet**: about 2x; the rest is postBuild substitution's print/read round trip, Flux's
kustomization generation and cluster discovery).

## Checking every corpus repository

\`k8s-ops check\` without the printing: render, then every rule, with the Kubernetes 1.35 and CRD
schemas from \`../shared/schemas\`, one schema registry per repository as one \`check\` run
builds it (validators are built per kind on first use). Measured on a second pass.

${checkTable}

Budget: validation adds at most 50 % to rendering — **not met yet**: the rules re-parse every
YAML file of the repository (the render's parse cache is not shared with them) and the schema
rule builds its validators per run. Schema validation alone is well inside its budget: 10,000
objects of kinds whose validators are built validate in about 22 ms.

## Diff

Both sides are rendered in full and share one parse cache (files the two sides have in common
are parsed once). The git side is read straight from git objects.

${diffTable}

Budget: a one-file change diffs in under 2x the time of a single render.
`;
  writeFileSync(join(root, 'docs/performance.md'), doc);
  console.log('\nwrote docs/performance.md');
}
