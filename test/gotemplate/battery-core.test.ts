/**
 * The recorded battery's 'core' cases (text/template builtins only), run through Templates
 * directly: `.Values` is the battery data, missing keys are zero values as helm sets, and
 * `<no value>` is dropped from the output as helm's `tpl` drops it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Templates, TemplateError } from '../../src/gotemplate/template.js';
import type { GoValue } from '../../src/gotemplate/value.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

const BATTERY = join(SHARED_DIR, 'helm', 'battery');

interface Recorded {
  ok: boolean;
  v?: string;
  err?: string;
}

/** The text/template error inside helm's `tpl` wrapper message. */
function innerError(err: string): string {
  const m = /: (template: gotpl:[\s\S]*?)\n\nUse --debug/.exec(err);
  return m?.[1] ?? err;
}

const hasShared = sharedAvailable();

// A skipped suite's body still runs while tests are collected: read the battery only when it is there.
describe.skipIf(!hasShared)('battery core cases through Templates', async () => {
  const mod = (
    hasShared ? await import(pathToFileURL(join(BATTERY, 'cases.mjs')).href) : { data: null, cases: [] }
  ) as {
    data: GoValue;
    cases: [string, string, string][];
  };
  const recorded = (
    hasShared ? JSON.parse(readFileSync(join(BATTERY, 'helm-v4.1.4-out.json'), 'utf8')) : {}
  ) as Record<string, Recorded>;
  const core = mod.cases.filter(([, , kind]) => kind === 'core');

  it('finds the core cases', () => expect(core.length).toBeGreaterThanOrEqual(39));

  it.each(core)('%s', (id, text) => {
    const want = recorded[id] as Recorded;
    const t = new Templates({}, { missingKey: 'zero' });
    let got: Recorded;
    try {
      t.parse('gotpl', text);
      const out = t.execute('gotpl', { Values: structuredClone(mod.data) });
      got = { ok: true, v: out.replaceAll('<no value>', '') };
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      got = { ok: false, err: e.message };
    }
    if (want.ok) expect(got).toEqual({ ok: true, v: want.v });
    else expect(got).toEqual({ ok: false, err: innerError(want.err as string) });
  });
});
