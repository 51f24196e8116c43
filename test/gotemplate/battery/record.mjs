// Records helm's answers for our battery cases into goldens.json:
//   node test/gotemplate/battery/record.mjs
//   node test/gotemplate/battery/record.mjs --twice   (also checks that helm answers the same twice)
// Needs the helm oracle (K8S_OPS_HELM or the devDependency) and the shared battery's data.
// A case whose answer differs between two runs needs a `shape` (see shapes.mjs).
import { writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { GOLDENS_FILE, loadGoldens, loadOurs, loadShared } from './load.mjs';
import { recordCases } from './record-lib.mjs';

const started = Date.now();
const { data } = await loadShared();
const cases = await loadOurs();
const previous = loadGoldens();
const expectErrors = new Set(Object.keys(previous).filter((id) => previous[id].ok === false));
const log = (line) => process.stdout.write(`${line}\n`);
const answers = await recordCases(cases, data, { expectErrors, log });
if (process.argv.includes('--twice')) {
  const again = await recordCases(cases, data, { expectErrors, log });
  const unstable = cases.filter((c) => JSON.stringify(again[c.id]) !== JSON.stringify(answers[c.id]));
  for (const c of unstable)
    log(`unstable: ${c.id}\n  ${JSON.stringify(answers[c.id])}\n  ${JSON.stringify(again[c.id])}`);
  if (unstable.length > 0) process.exitCode = 1;
}

// Keys in case order: a re-recording changes only the lines whose answer changed.
const sorted = {};
for (const kase of cases) sorted[kase.id] = answers[kase.id];
// Written in the project's format, so a re-recording needs no formatting pass.
const options = { ...(await prettier.resolveConfig(GOLDENS_FILE)), filepath: GOLDENS_FILE };
writeFileSync(GOLDENS_FILE, await prettier.format(JSON.stringify(sorted), options));

const failing = cases.filter((c) => answers[c.id].ok === false).length;
const changed = cases.filter((c) => JSON.stringify(previous[c.id]) !== JSON.stringify(answers[c.id])).length;
log(
  `${cases.length} cases recorded (${failing} are errors, ${changed} new or changed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
