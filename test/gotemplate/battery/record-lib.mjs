// Records battery cases with the real helm. Cases that succeed are rendered many at a time, one
// template per case in one chart; a batch that fails names the failing template in its error, so
// that case moves to a run of its own (as `out.yaml`, exactly as the shared battery was
// recorded) and the batch is retried without it. helm runs in UTC: dates in cases are local time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHelmAsync } from '../../helpers/helm-binary.mjs';
import { shapeFacts } from './shapes.mjs';
import {
  CHART_NAME,
  TEMPLATE_NAME,
  TEMPLATE_FILE,
  caseData,
  helmArgs,
  parseHelmOutput,
  wrapperText,
  writeChart,
} from './wrapper.mjs';

const BATCH_SIZE = 120;
const TIMEOUT_MS = 60_000;
const FAILED_TEMPLATE = new RegExp(`${CHART_NAME}/templates/(c\\d{4})\\.yaml`);

/** Runs `tasks` (functions returning promises) with at most `limit` under way. */
async function pool(tasks, limit) {
  const queue = [...tasks];
  const worker = async () => {
    while (queue.length > 0) await queue.shift()();
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

async function withChart(templates, values, fn) {
  // The values file stays outside the chart folder, or `.Files` would list it.
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-battery-'));
  try {
    const chart = writeChart(join(dir, CHART_NAME), templates);
    writeFileSync(join(dir, 'values.json'), JSON.stringify(values));
    const args = helmArgs(chart, join(dir, 'values.json'));
    return await fn(await runHelmAsync(args, { timeoutMs: TIMEOUT_MS, env: { TZ: 'UTC' } }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function answer(kase, r, output) {
  if (!r.ok) return { ok: false, err: r.stderr.trim() };
  return kase.shape ? { ok: true, shape: shapeFacts(output, kase.shape) } : { ok: true, v: output };
}

/** One case alone, through `battery/templates/out.yaml`. */
function recordSingle(kase, data) {
  const values = { caseText: kase.text, data };
  return withChart({ [TEMPLATE_FILE]: wrapperText() }, values, (r) =>
    answer(kase, r, r.ok ? parseHelmOutput(r.stdout)[TEMPLATE_NAME] : undefined),
  );
}

/**
 * Renders `batch` together until it succeeds; returns the answers of the cases that rendered and
 * the cases that failed (to be recorded alone).
 */
async function recordBatch(batch, data, log) {
  let rest = [...batch];
  const failed = [];
  const answers = {};
  while (rest.length > 0) {
    const slot = new Map(rest.map((kase, i) => [`c${String(i).padStart(4, '0')}`, kase]));
    const templates = {};
    const cases = {};
    for (const [slotName, kase] of slot) {
      templates[`${slotName}.yaml`] = wrapperText(`.Values.cases.${slotName}`);
      cases[slotName] = kase.text;
    }
    const done = await withChart(templates, { cases, data }, (r) => {
      if (r.ok) {
        const out = parseHelmOutput(r.stdout);
        for (const [slotName, kase] of slot) {
          answers[kase.id] = answer(kase, r, out[`${CHART_NAME}/templates/${slotName}.yaml`]);
        }
        return true;
      }
      const culprit = slot.get(FAILED_TEMPLATE.exec(r.stderr)?.[1] ?? '');
      if (culprit === undefined) {
        log(
          `a batch failed without naming a case; recording its ${rest.length} cases alone: ${r.stderr.trim()}`,
        );
        failed.push(...rest);
        return true;
      }
      failed.push(culprit);
      rest = rest.filter((kase) => kase !== culprit);
      return false;
    });
    if (done) break;
  }
  return { answers, failed };
}

/**
 * helm's answer for each case: `{ok: true, v}`, `{ok: true, shape}` for a case compared by
 * shape, or `{ok: false, err}` with helm's whole error output. `expectErrors` lists ids known to
 * fail (from earlier goldens), recorded alone straight away.
 */
export async function recordCases(cases, sharedData, options = {}) {
  const { concurrency = 3, log = () => {}, expectErrors = new Set() } = options;
  const data = caseData(sharedData);
  const alone = cases.filter((c) => c.single || expectErrors.has(c.id));
  const together = cases.filter((c) => !alone.includes(c));
  const batches = [];
  for (let i = 0; i < together.length; i += BATCH_SIZE) batches.push(together.slice(i, i + BATCH_SIZE));

  const answers = {};
  await pool(
    batches.map((batch) => async () => {
      const r = await recordBatch(batch, data, log);
      Object.assign(answers, r.answers);
      alone.push(...r.failed);
    }),
    concurrency,
  );
  log(`${Object.keys(answers).length} cases rendered in batches, ${alone.length} alone`);
  await pool(
    alone.map((kase) => async () => {
      answers[kase.id] = await recordSingle(kase, data);
    }),
    concurrency,
  );
  return answers;
}
