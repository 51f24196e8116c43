/**
 * The template battery: every case (the shared battery's and ours) rendered by our engine
 * through helm's wrapper chart and compared with helm v4.1.4's recorded answer. Prints a
 * per-area agreement table; the engine must agree on every case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { helmAvailable, helmUnavailableReason } from '../helpers/helm-oracle.js';
import { sharedAvailable } from '../helpers/shared.js';
import { agreementTable, describeFailures, judge, type Verdict } from './battery/compare.js';
import { batteryEngine, functionNames } from './battery/engine.js';
import { loadGoldens, loadOurs, loadShared, type BatteryCase, type Goldens } from './battery/load.mjs';
import { recordCases } from './battery/record-lib.mjs';
import { shapeFacts } from './battery/shapes.mjs';

// helm recorded the goldens in UTC; dates printed in local time must be UTC here too.
process.env.TZ = 'UTC';

const hasShared = sharedAvailable();
const LIVE_SAMPLE = { outputs: 22, errors: 8 };

interface Battery {
  data: Record<string, unknown>;
  cases: BatteryCase[];
  goldens: Goldens;
}

async function loadBattery(): Promise<Battery> {
  const shared = await loadShared();
  const ours = await loadOurs();
  return {
    data: shared.data,
    cases: [...shared.cases, ...ours],
    goldens: { ...loadGoldens(), ...shared.goldens },
  };
}

/** Evenly spread picks, so the live sample covers every area without being random. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

describe.skipIf(!hasShared)('template battery', () => {
  let battery: Battery;
  beforeAll(async () => {
    battery = await loadBattery();
  });

  it('has at least 500 cases of its own, each with a recorded answer, and no stale answers', async () => {
    const ours = await loadOurs();
    const goldens = loadGoldens();
    expect(ours.length).toBeGreaterThanOrEqual(500);
    const ids = new Set(ours.map((c) => c.id));
    expect(ours.filter((c) => goldens[c.id] === undefined).map((c) => c.id)).toEqual([]);
    expect(Object.keys(goldens).filter((id) => !ids.has(id))).toEqual([]);
    for (const c of ours) {
      const g = goldens[c.id]!;
      // A case compared by shape has shape facts recorded, and only such a case has them.
      if (g.ok) expect('shape' in g, c.id).toBe(c.shape !== undefined);
    }
  });

  it('calls every function a chart can call at least once', () => {
    const texts = battery.cases.map((c) => c.text).join('\n');
    // A name used as a function: not part of a field chain, a variable or a longer name.
    const used = (name: string): boolean => new RegExp(`(?<![\\w.$])${name}(?![\\w])`).test(texts);
    expect(functionNames().filter((name) => !used(name))).toEqual([]);
  });

  describe('our engine agrees with helm', () => {
    let verdicts: Verdict[] = [];
    beforeAll(() => {
      const engine = batteryEngine(battery.data);
      verdicts = battery.cases.map((c) => judge(c, battery.goldens[c.id], engine.render(c.text)));
      process.stdout.write(
        `\nTemplate battery: agreement with helm v4.1.4\n\n${agreementTable(verdicts)}\n\n`,
      );
    });

    it('agrees on every case', () => {
      expect(verdicts.length).toBe(battery.cases.length);
      const byId = new Map(battery.cases.map((c) => [c.id, c]));
      const failing = verdicts.filter((v) => !v.agree);
      // K8S_OPS_BATTERY_SHOW=N lists up to N disagreeing cases (default 40).
      const limit = Number(process.env.K8S_OPS_BATTERY_SHOW ?? 40);
      expect(failing.length, describeFailures(verdicts, byId, limit)).toBe(0);
    });
  });

  describe.skipIf(!helmAvailable())(
    `the goldens still match the real helm${helmUnavailableReason() ? ` (${helmUnavailableReason()})` : ''}`,
    () => {
      it(`re-records a sample of ${LIVE_SAMPLE.outputs + LIVE_SAMPLE.errors} cases with helm and gets the same answers`, async () => {
        const recorded = battery.cases.filter((c) => battery.goldens[c.id] !== undefined);
        const fails = (c: BatteryCase): boolean => battery.goldens[c.id]!.ok === false;
        const sample = [
          ...spread(
            recorded.filter((c) => !fails(c)),
            LIVE_SAMPLE.outputs,
          ),
          ...spread(recorded.filter(fails), LIVE_SAMPLE.errors),
        ];
        const fresh = await recordCases(sample, battery.data, { concurrency: 2 });
        for (const c of sample) {
          const golden = battery.goldens[c.id]!;
          const now = fresh[c.id]!;
          // Shared goldens hold plain outputs even where ours would record a shape.
          const comparable =
            'v' in golden && 'shape' in now && c.shape
              ? { ok: true, shape: shapeFacts(golden.v, c.shape) }
              : golden;
          expect(now, c.id).toEqual(comparable);
        }
      });
    },
  );
});
