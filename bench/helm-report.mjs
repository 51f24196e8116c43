// The Helm benchmark's report: tables printed, and with --write put in place of the Helm
// section of docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;
const ratio = (ours, theirs) =>
  ours <= theirs ? `${(theirs / ours).toFixed(1)}x faster` : `${(ours / theirs).toFixed(1)}x slower`;
const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

const STEPS = [
  ['nodeStart', 'node start-up, before the script runs'],
  ['modules', 'loading the modules'],
  ['chart', 'reading and unpacking the chart archive'],
  ['values', 'reading the values file'],
  ['coalesce', 'subcharts and values (enabled, imported, coalesced)'],
  ['schema', 'compiling the values schema and validating (values.schema.json)'],
  ['parse', 'parsing the templates'],
  ['render', 'executing the templates (the render itself)'],
  ['write', 'printing the output'],
];

function appSection({ app, rounds, perRound }) {
  const table = [
    '| app-template 4.1.1, one values file | native (k8s-ops) | helm template | ratio |',
    '|---|---|---|---|',
    `| render in a process that has rendered the chart before, median per render | ${ms(median(app.renders))} (${range(app.renders)}) | ${ms(median(app.helm))} (${range(app.helm)}) | ${ratio(median(app.renders), median(app.helm))} |`,
    `| whole process: start, load, parse and render once | ${ms(median(app.whole))} (${range(app.whole)}) | ${ms(median(app.helm))} (${range(app.helm)}) | ${ratio(median(app.whole), median(app.helm))} |`,
  ];
  const steps = STEPS.map(([key, label]) => [label, median(app.steps.map((s) => s[key]))]);
  const inside = sum(steps.map(([, v]) => v));
  const wall = median(app.whole);
  const ranked = [...steps].sort((a, b) => b[1] - a[1]);
  const breakdown = [
    `| one whole native process, step by step (median of ${rounds}) | time | share |`,
    '|---|---|---|',
    ...steps.map(([label, v]) => `| ${label} | ${ms(v)} | ${Math.round((100 * v) / wall)} % |`),
    `| process exit and spawning, the rest of the wall time | ${ms(Math.max(0, wall - inside))} | ${Math.round((100 * Math.max(0, wall - inside)) / wall)} % |`,
    `| whole process, wall time | ${ms(wall)} | 100 % |`,
  ];
  return `### app-template with one values file

app-template 4.1.1 with one real values file (two controllers, services, an HTTPRoute,
persistence). ${rounds} rounds, each of ${perRound} native renders, one \`helm template\` process and one
fresh native process, alternated. Medians with min–max. The native output was
${app.same ? 'byte-identical to' : 'NOT identical to'} helm's in every run.

${table.join('\n')}

${breakdown.join('\n')}

What dominates the whole process: ${ranked[0][0]} (${ms(ranked[0][1])}), then ${ranked[1][0]}
(${ms(ranked[1][1])}) and ${ranked[2][0]} (${ms(ranked[2][1])}). A process that renders many
releases pays the start-up, the modules, the parse and the schema once per chart, then only
the render (first row of the table above).
`;
}

function allSection({ all, gnuTime }) {
  const both = all.jobs.filter((j) => j.native.ok && j.helm.ok);
  const failed = all.jobs.filter((j) => !(j.native.ok && j.helm.ok));
  const differ = both.filter((j) => !j.same);
  const nat = both.map((j) => j.native.ms);
  const theirs = both.map((j) => j.helm.ms);
  const ratios = both.map((j) => j.helm.ms / j.native.ms);
  const slowest = both.reduce((a, j) => (a === undefined || j.native.ms > a.native.ms ? j : a), undefined);
  const helmMem = gnuTime
    ? `${mb(Math.max(...all.helmRss))} (largest process; median ${mb(median(all.helmRss))})`
    : 'not measured (no GNU time)';
  const prepared = sum(all.prepare.map((p) => p.loadMs + p.firstMs));
  const table = [
    '| every chart with default values and every values file written for one | native (k8s-ops) | helm template | ratio |',
    '|---|---|---|---|',
    `| renders where both sides succeed | ${both.length} | ${both.length} | |`,
    `| total wall time | ${ms(sum(nat))} | ${ms(sum(theirs))} | ${ratio(sum(nat), sum(theirs))} |`,
    `| median per render | ${ms(median(nat))} | ${ms(median(theirs))} | |`,
    `| median of the per-render ratios | | | ${median(ratios).toFixed(1)}x faster |`,
    `| slowest native render | ${ms(slowest.native.ms)} (${slowest.label}) | ${ms(slowest.helm.ms)} | |`,
    `| loading and first render of each chart, once (${all.prepare.length} charts) | ${ms(prepared)} | | |`,
    `| peak memory (RSS) | ${mb(all.peakRss)} (the whole benchmark process) | ${helmMem} | |`,
    `| byte-identical output | ${both.filter((j) => j.same).length} of ${both.length} | | |`,
  ];
  // One line per render: the error's first lines, shortened.
  const brief = (error) => {
    const text = error.replace(/\s+/g, ' ').trim();
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
  };
  const failures = failed.map((j) => {
    if (!j.native.ok && !j.helm.ok) {
      const alike = j.native.error.trim() === j.helm.error.trim();
      return `- ${j.label}: both fail${alike ? ' alike' : ''}: ${brief(j.helm.error)}`;
    }
    const [side, r] = j.native.ok ? ['helm', j.helm] : ['native', j.native];
    return `- ${j.label}: only ${side} fails: ${brief(r.error)}`;
  });
  return `### Every chart and values file

Every chart of \`../shared/helm/charts\` with its default values, and with every values file
of \`../shared/helm/values\` written for it (${all.jobs.length} renders). For each render, one native
render (the chart prepared once: loaded and rendered once with its default values, which
parses the templates and compiles the values schema) then one \`helm template\` process.
Outputs are compared byte for byte here; the differential tests compare them with the lines
helm itself varies from run to run (random values, Go map order) masked.

${table.join('\n')}

Outputs not byte-identical to helm's (${differ.length}): ${differ.length ? differ.map((j) => j.label).join('; ') : 'none'}.

Renders where either side fails (${failed.length}), not counted above:

${failures.length ? failures.join('\n') : '- none'}
`;
}

export function writeHelmSection(results, { root, write }) {
  const { machine, gnuTime, load } = results;
  const section = `## Rendering a Helm chart: native vs. \`helm template\`

Measured with \`node bench/helm-template.mjs --write\` after \`npm run build\`
(${new Date().toISOString().slice(0, 10)}, ${machine}). Release \`rel\` in \`ns\`, Kubernetes 1.31.0, on
both sides. Native renders run in the benchmark's process on a worker thread with a 4 MB stack,
as chart rendering needs; \`helm template\` runs once per render, alternated with the native
renders so that both see the same machine load (load average ${load.map((l) => l.toFixed(1)).join(' at the start, ')} at the end: other work shared the machine). helm's peak memory is ${gnuTime ? "GNU time's maximum resident set size of each process" : 'not measured (GNU time is not installed)'}.

${appSection(results)}
${allSection(results)}`;
  console.log(section);
  if (!write) return;
  const file = join(root, 'docs/performance.md');
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('## Rendering a Helm chart');
  const next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  const updated =
    start < 0
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${next < 0 ? '' : doc.slice(next)}`;
  writeFileSync(file, updated);
  console.log('wrote docs/performance.md');
}
