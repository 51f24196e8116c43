// One whole native process, as one `k8s-ops` run of one release: load the modules, the chart
// and the values, render once, print. The steps of the first render are taken one by one (they
// are what renderChart does first; it then finds their results cached), so that the time of
// each is known. Prints the output on stdout and the step times (ms) as JSON on stderr.
// Usage: node --stack-size=3900 bench/helm-whole-process.mjs CHART.tgz VALUES.yaml
const started = performance.now(); // since the process began: node's own start-up
const marks = { nodeStart: started };
let last = started;
const mark = (name) => {
  const now = performance.now();
  marks[name] = now - last;
  last = now;
};

const { readFileSync } = await import('node:fs');
const { basename } = await import('node:path');
const { loadChartArchive } = await import('../dist/helm/chart/load.js');
const { prepareChart, renderChart } = await import('../dist/helm/render/render.js');
const { parseUserValues } = await import('../dist/helm/values/user-values.js');
const { enabledCharts } = await import('../dist/helm/values/dependencies.js');
const { importValues } = await import('../dist/helm/values/import-values.js');
const { coalesceChartValues } = await import('../dist/helm/values/coalesce.js');
const { validateChartValues } = await import('../dist/helm/values/schema/index.js');
const { renderables } = await import('../dist/helm/render/template-set.js');
mark('modules');

const OPTIONS = { releaseName: 'rel', namespace: 'ns', kubeVersion: '1.31.0' };
const [chartFile, valuesFile] = process.argv.slice(2);
const prepared = prepareChart(loadChartArchive(readFileSync(chartFile), basename(chartFile)));
mark('chart');
const user = parseUserValues(readFileSync(valuesFile, 'utf8'), valuesFile);
mark('values');
const chart = importValues(enabledCharts(prepared.chart, user));
const values = coalesceChartValues(chart, user);
mark('coalesce');
validateChartValues(chart, values);
mark('schema');
prepared.sets.get(renderables(chart), `${OPTIONS.releaseName}/${OPTIONS.namespace}`);
mark('parse');
const text = renderChart(prepared, user, OPTIONS).text;
mark('render');
process.stdout.write(text, () => {
  mark('write');
  process.stderr.write(JSON.stringify(marks));
});
