// Benchmarks, measured as ratios against the real tools in the same run.
// Usage: npm run bench [-- --write]   (--write refreshes docs/performance.md)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
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
import { kustomizeAlone } from './kustomize-alone.mjs';
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

// Render: every cluster of every corpus repository, as `k8s-ops build` does (strict mode). The
// overlays kustomize built are recorded, to build them again on their own (kustomizeAlonePass).
async function renderPass() {
  const t0 = performance.now();
  let clusters = 0;
  let kustomizations = 0;
  const timings = { kustomizeMs: 0, overlays: [] };
  const overlays = new Map();
  for (const repo of repos) {
    timings.overlays = [];
    const result = await renderRepository(openWorktree(join(corpus, repo)), { strict: true, timings });
    overlays.set(repo, timings.overlays);
    clusters += result.models.length;
    kustomizations += result.models.reduce((n, m) => n + m.kustomizations.length, 0);
  }
  return {
    total: performance.now() - t0,
    clusters,
    kustomizations,
    kustomizeMs: timings.kustomizeMs,
    overlays,
  };
}

// The overlays' kustomize builds alone, as the first work of a fresh process.
function freshProcessAlone(overlays) {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-bench-overlays-'));
  const file = join(dir, 'overlays.json');
  writeFileSync(file, JSON.stringify([...overlays]));
  const script = `
    import { readFileSync } from 'node:fs';
    import { kustomizeAlone } from './kustomize-alone.mjs';
    const overlays = new Map(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')));
    console.log(JSON.stringify(kustomizeAlone(${JSON.stringify(corpus)}, overlays)));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(root, 'bench'),
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`fresh-process kustomize builds failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// A render as the first work of a fresh process, as one `k8s-ops build` runs.
function freshProcessRender() {
  const script = `
    import { renderRepository } from '../dist/render/render-repository.js';
    import { openWorktree } from '../dist/tree/worktree.js';
    const timings = { kustomizeMs: 0 };
    const t0 = performance.now();
    for (const repo of ${JSON.stringify(repos)})
      await renderRepository(openWorktree(${JSON.stringify(corpus)} + '/' + repo), { strict: true, timings });
    console.log(JSON.stringify({ total: performance.now() - t0, kustomizeMs: timings.kustomizeMs }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(root, 'bench'),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`fresh-process render failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// The first pass is the cold one (JIT, first reads); the second is reported as the steady state.
const cold = nativePass();
const native = nativePass();
// Peak memory of the kustomize passes alone, before rendering and checking run in this process.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
// Fresh processes vary from run to run: the median of three.
const medianBy = (runs, key) => [...runs].sort((a, b) => a[key] - b[key])[1];
const renderCold = medianBy([freshProcessRender(), freshProcessRender(), freshProcessRender()], 'total');
await renderPass(); // warms the render's code paths
const renderWarm = await renderPass();
const aloneCold = median([1, 2, 3].map(() => freshProcessAlone(renderWarm.overlays)));
kustomizeAlone(corpus, renderWarm.overlays); // warms the builds' code paths on their own
const aloneWarm = kustomizeAlone(corpus, renderWarm.overlays);

// Check: render, then every rule (schemas included) over every corpus repository, as one
// `check` run per repository does. The schema cache (prepared schema copies) is the bench's own:
// empty on the first pass, filled from then on.
const schemaCache = mkdtempSync(join(tmpdir(), 'k8s-ops-bench-schemas-'));
async function checkPass(cacheDir = schemaCache) {
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
      { schemas: resolve(root, '../shared/schemas'), schemaCache: cacheDir },
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
const checkedCold = await checkPass(); // empty schema cache, first compile of every rule
// Warm passes vary: the median of three, by the checks' share.
const warmChecks = [await checkPass(), await checkPass(), await checkPass()];
const checked = [...warmChecks].sort((a, b) => a.checkMs / a.renderMs - b.checkMs / b.renderMs)[1];
// The cost of the schema cache alone: warm code, but an empty cache again.
const emptyCache = mkdtempSync(join(tmpdir(), 'k8s-ops-bench-schemas-'));
const checkedEmpty = await checkPass(emptyCache);
rmSync(emptyCache, { recursive: true, force: true });

// Schema validation at scale: 10,000 objects (the largest repository's objects, repeated) through
// the schema rule of one check run, source positions of violations included.
async function validateTenThousand() {
  const tree = openWorktree(join(corpus, 'bjw-s-labs__home-ops'));
  const result = await renderRepository(tree, { strict: true });
  const schemas = await loadSchemaOptions(
    { schemas: resolve(root, '../shared/schemas'), schemaCache },
    {},
    '1.35',
    result.models,
    [],
  );
  const all = result.models.flatMap((m) => m.kustomizations.flatMap((k) => k.objects));
  const objects = Array.from({ length: 10_000 }, (_, i) => all[i % all.length]);
  const model = { ...result.models[0], kustomizations: [{ ...result.models[0].kustomizations[0], objects }] };
  const ctx = { ...checkContext(tree, result, '1.35'), models: [model] };
  const rule = allRules(schemas).find((r) => r.id === 'schema');
  const t0 = performance.now();
  const findings = rule.check(ctx).length;
  return { ms: performance.now() - t0, findings };
}
const tenThousand = await validateTenThousand();
rmSync(schemaCache, { recursive: true, force: true });

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

const x = (a, b) => `${(a / b).toFixed(2)}x`;
const renderTable = [
  '| render every cluster of every corpus repository | render | kustomize stage alone | render / kustomize alone | kustomize builds inside the render | render / builds inside |',
  '|---|---|---|---|---|---|',
  `| clusters / Flux Kustomizations | ${renderWarm.clusters} / ${renderWarm.kustomizations} | | | | |`,
  `| cold (first work of a fresh process) | ${ms(renderCold.total)} | ${ms(aloneCold)} | ${x(renderCold.total, aloneCold)} | ${ms(renderCold.kustomizeMs)} | ${x(renderCold.total, renderCold.kustomizeMs)} |`,
  `| warm | ${ms(renderWarm.total)} | ${ms(aloneWarm)} | ${x(renderWarm.total, aloneWarm)} | ${ms(renderWarm.kustomizeMs)} | ${x(renderWarm.total, renderWarm.kustomizeMs)} |`,
].join('\n');

const pct = (c) => `+${((c.checkMs / c.renderMs) * 100).toFixed(0)}% on rendering`;
const checkTable = [
  '| check every corpus repository | render | checks (all rules, schemas included) | checks / render |',
  '|---|---|---|---|',
  `| objects validated / findings | ${checked.objects} / ${checked.findings} | | |`,
  `| first pass in the process, empty schema cache | ${ms(checkedCold.renderMs)} | ${ms(checkedCold.checkMs)} | ${pct(checkedCold)} |`,
  `| warm code, empty schema cache | ${ms(checkedEmpty.renderMs)} | ${ms(checkedEmpty.checkMs)} | ${pct(checkedEmpty)} |`,
  `| warm (schema copies prepared; median of three passes) | ${ms(checked.renderMs)} | ${ms(checked.checkMs)} | ${pct(checked)} |`,
].join('\n');
const tenThousandRow = `10,000 objects (the largest repository's, repeated) through the schema rule of one run, building its validators: ${ms(tenThousand.ms)} (${tenThousand.findings} findings)`;
const renderMet = renderWarm.total / aloneWarm <= 1.5 && renderCold.total / aloneCold <= 1.5;
const checkMet = checked.checkMs / checked.renderMs <= 0.5;

console.log(table);
console.log();
console.log(renderTable);
console.log();
console.log(checkTable);
console.log(tenThousandRow);

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
substitution per Kustomization). The cold row is the first work of a fresh process, as one
\`k8s-ops build\` runs (the median of three processes); the warm row is a later pass in a process
that has rendered before.

Two measures of the kustomize stage. **Alone**: the same overlays (every Flux Kustomization's
generated or rewritten kustomization over its source artifact) built by kustomize and nothing
else, with a fresh tree and parse cache per repository, so the builds read and parse what they
use, as a plain \`kustomize build\` of them would (\`bench/kustomize-alone.mjs\`). **Inside**: the
time the render spends in those builds, which find most files already read by discovery and
so look cheaper than they are.

${renderTable}

Budget: under 3 s wall in total (${renderCold.total < 3000 ? 'met' : '**not met**'}) and at most 1.5x
the time of the kustomize stage alone (${renderMet ? 'met' : '**not met**'} in this run, cold and warm).
What is not kustomize: cluster discovery (it reads every YAML file of the repository once),
Flux's kustomization overlay or generation, the Flux models, SOPS masking and postBuild
substitution (in the object tree, with the print/read round trip only where the printed token
cannot be reasoned about).

## Checking every corpus repository

\`k8s-ops check\` without the printing: render, then every rule, with the Kubernetes 1.35 and CRD
schemas from \`../shared/schemas\`, one schema catalog per repository as one \`check\` run builds
it. The first pass starts with an empty schema cache; from then on the cache holds prepared
copies of the schema files (only what validation reads of them, see docs/schemas.md), as it
does for every \`check\` after the first on a machine.

${checkTable}

${tenThousandRow}.

Budget: validation adds at most 50 % to rendering (${checkMet ? 'met' : '**not met**'} with the schema
cache filled; the first run on a machine also reads and prepares the schema files), and 10,000
resources validate in under 1 s (${tenThousand.ms < 1000 ? 'met' : '**not met**'}).

## Diff

Both sides are rendered; files the two sides have in common are parsed once, and the head reuses
a kustomize build of the base when everything that build looked at is the same on both sides
(docs/diff.md). Git revisions are read straight from git objects.

${diffTable}

Budget: a one-file change diffs in under 2x the time of a single render.
`;
  writeFileSync(join(root, 'docs/performance.md'), doc);
  console.log('\nwrote docs/performance.md');
}

// The Helm chart benchmark adds its own section to docs/performance.md after the rewrite above.
const helm = spawnSync(process.execPath, [join(root, 'bench/helm-template.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (helm.status !== 0) process.exitCode = helm.status ?? 1;
