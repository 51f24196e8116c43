/**
 * Differential test: each real values file of the shared collection rendered with its chart,
 * natively and by the real helm, must print the same bytes (lines helm itself varies from run
 * to run masked), or fail with the same message. app-template's files have their own test.
 * Values keep Flux's `${VAR}` text unsubstituted: both sides see the same text. Known
 * differences are listed with their cause; each must still differ, so the list only shrinks.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { helmAvailable, helmUnavailableReason } from '../../helpers/helm-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';
import { compare, expectSame } from './chart-oracle.js';

const CHARTS = join(SHARED_DIR, 'helm/charts');
const VALUES = join(SHARED_DIR, 'helm/values');
// Tested with its 100 values files by app-template.test.ts.
const SEPARATE = new Set(['app-template']);

// Keyed by `<chart>/<values file>`.
const KNOWN: Readonly<Record<string, string>> = {};

const ready = sharedAvailable() && helmAvailable();

/** `<chart>/<values file>` → archive, for every values folder whose chart is in the collection. */
function valuesCases(): Map<string, string> {
  const archives = new Map<string, string>();
  for (const f of readdirSync(CHARTS)) {
    const m = /^(.+?)-v?\d+\.\d+\.\d+.*\.tgz$/.exec(f);
    if (m) archives.set(m[1]!, f);
  }
  const out = new Map<string, string>();
  for (const dir of readdirSync(VALUES).sort()) {
    const archive = archives.get(dir);
    if (!archive || SEPARATE.has(dir) || !existsSync(join(VALUES, dir))) continue;
    for (const file of readdirSync(join(VALUES, dir)).sort()) out.set(`${dir}/${file}`, archive);
  }
  return out;
}

const cases = ready ? valuesCases() : new Map<string, string>();

describe.skipIf(!ready)(`values files against helm template ${ready ? '' : helmUnavailableReason()}`, () => {
  it.each([...cases.keys()])('%s', async (name) => {
    const result = await compare({ chart: join(CHARTS, cases.get(name)!), valuesFile: join(VALUES, name) });
    expectSame(result, KNOWN[name]);
  });
});
