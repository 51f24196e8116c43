/**
 * The volatile list is complete for the charts of the development data: two renders of the
 * same chart by the real helm, masked pairwise, must be equal object by object.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepEqual, isJsonObject, type JsonObject } from '../../src/core/json.js';
import { identityKey, identityOf } from '../../src/diff/objects.js';
import { maskVolatile } from '../../src/diff/volatile.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../helpers/helm-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

const CHARTS = join(SHARED_DIR, 'helm/charts');
const ready = sharedAvailable() && helmAvailable();

/** Helm test hooks get a random name on every render and Flux does not apply them by default. */
function isTestHook(o: JsonObject): boolean {
  const meta = isJsonObject(o.metadata) ? o.metadata : {};
  const hook = isJsonObject(meta.annotations) ? meta.annotations['helm.sh/hook'] : undefined;
  return typeof hook === 'string' && hook.split(',').some((h) => h.trim().startsWith('test'));
}

function render(chart: string): Map<string, JsonObject> | undefined {
  const r = runHelm(['template', 'rel', join(CHARTS, chart), '-n', 'ns', '--kube-version', '1.31.0']);
  if (!r.ok) return undefined;
  const out = new Map<string, JsonObject>();
  for (const d of parseYamlDocuments(r.stdout, chart)) {
    if (isJsonObject(d.value) && !isTestHook(d.value)) out.set(identityKey(identityOf(d.value)), d.value);
  }
  return out;
}

describe.skipIf(!ready)(`volatile chart values ${ready ? '' : helmUnavailableReason()}`, () => {
  const charts = ready
    ? readdirSync(CHARTS)
        .filter((f) => f.endsWith('.tgz'))
        .sort()
    : [];
  const maskedIn = new Set<string>();

  it.each(charts)(
    '%s renders the same twice once volatile values are masked',
    { timeout: 120_000 },
    (chart) => {
      const a = render(chart);
      const b = render(chart);
      // A chart that needs values to render fails both times; nothing to compare.
      expect(a === undefined).toBe(b === undefined);
      if (!a || !b) return;
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [key, x] of a) {
        const { pair, paths } = maskVolatile(x, b.get(key) as JsonObject);
        if (paths.length > 0) maskedIn.add(chart);
        expect(deepEqual(pair[0], pair[1]), `${chart}: ${key}`).toBe(true);
      }
    },
  );

  it('the corpus exercises the list: some charts regenerate values', () => {
    // Runs after the charts above (vitest runs a file's tests in order).
    expect(maskedIn.size).toBeGreaterThan(0);
  });
});
