/**
 * Differential test: every chart of the shared collection rendered natively and by the real
 * helm with its default values, with and without `--include-crds`, must print the same bytes
 * (lines helm itself varies from run to run masked), or fail with the same message. Known
 * differences are listed with their cause; each must still differ, so the list only shrinks.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { helmAvailable, helmUnavailableReason } from '../../helpers/helm-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';
import { compare, expectSame } from './chart-oracle.js';

const CHARTS = join(SHARED_DIR, 'helm/charts');

// Keyed by archive name, with ` --include-crds` for that variant.
const KNOWN: Readonly<Record<string, string>> = {};

const ready = sharedAvailable() && helmAvailable();

const cases = ready
  ? readdirSync(CHARTS)
      .filter((f) => f.endsWith('.tgz'))
      .sort()
      .flatMap((f) => [f, `${f} --include-crds`])
  : [];

describe.skipIf(!ready)(`charts against helm template ${ready ? '' : helmUnavailableReason()}`, () => {
  it.each(cases)('%s', async (name) => {
    const [file = '', flag] = name.split(' ');
    const result = await compare({ chart: join(CHARTS, file), includeCrds: flag !== undefined });
    expectSame(result, KNOWN[name]);
  });
});
