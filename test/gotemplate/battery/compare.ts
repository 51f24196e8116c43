/**
 * Judges one battery case: our engine's answer against helm's recorded one. Outputs must be
 * byte-identical (or, for a case compared by shape, have the same shape facts); errors must
 * have the same class and position (template, line, column of the innermost error) and the
 * same text.
 */
import type { BatteryCase, Golden } from './load.mjs';
import { shapeFacts } from './shapes.mjs';
import { helmErrorCore } from './wrapper.mjs';

/** What our engine answered: the case's output, or the text helm would print after `Error: `. */
export type Answer = { ok: true; v: string } | { ok: false; err: string };

/** Where an error points and what kind it is, read from its text. */
export interface ErrorFacts {
  /** `parse` (no column), `exec`, `fail` (helm's `execution error at`), or `other`. */
  kind: 'parse' | 'exec' | 'fail' | 'other';
  /** `NAME:LINE` or `NAME:LINE:COL` of the innermost error. */
  where: string;
}

export interface Verdict {
  id: string;
  area: string;
  /** helm's answer was an error. */
  expectsError: boolean;
  /** Both are errors of the same kind at the same place. */
  samePlace: boolean;
  agree: boolean;
  /** Empty when the answers agree; otherwise what differs, for a person to read. */
  detail: string;
}

const LOCATION = /template: ([^\s:]+):(\d+)(?::(\d+))?: /g;
const HELM_FAIL = /^execution error at \(([^)]*)\): /;

/** The innermost location of an error text: the last `template: NAME:LINE[:COL]: ` in it. */
export function errorFacts(text: string): ErrorFacts {
  const fail = HELM_FAIL.exec(text);
  if (fail) return { kind: 'fail', where: fail[1]! };
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(LOCATION)) last = m;
  if (!last) return { kind: 'other', where: '' };
  const where = `${last[1]!}:${last[2]!}${last[3] === undefined ? '' : `:${last[3]}`}`;
  return { kind: last[3] === undefined ? 'parse' : 'exec', where };
}

/** A value for a failure message: long texts keep their head and their tail, where errors say what went wrong. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length <= 700) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, 200))} … ${JSON.stringify(text.slice(-500))} (${text.length} chars)`;
}

function describeAnswer(answer: Answer): string {
  return answer.ok ? `output ${show(answer.v)}` : `error ${show(answer.err)}`;
}

export function judge(kase: BatteryCase, recorded: Golden | undefined, actual: Answer): Verdict {
  // A deliberate difference from helm v4.1.4 replaces its recorded answer (see BatteryCase.target).
  const golden = kase.target ?? recorded;
  const base = { id: kase.id, area: kase.area, expectsError: golden?.ok === false };
  const differ = (detail: string, samePlace = false): Verdict => ({
    ...base,
    samePlace,
    agree: false,
    detail,
  });
  if (golden === undefined) return differ('no recorded answer: run node test/gotemplate/battery/record.mjs');

  if (golden.ok) {
    if (!actual.ok) return differ(`helm printed output, we failed with ${show(actual.err)}`);
    if ('shape' in golden) {
      const facts = shapeFacts(actual.v, kase.shape ?? {});
      const same = JSON.stringify(facts) === JSON.stringify(golden.shape);
      return same
        ? { ...base, samePlace: false, agree: true, detail: '' }
        : differ(`shape differs: helm ${show(golden.shape)}, ours ${show(facts)} from ${show(actual.v)}`);
    }
    return actual.v === golden.v
      ? { ...base, samePlace: false, agree: true, detail: '' }
      : differ(`expected ${show(golden.v)}\n     actual ${show(actual.v)}`);
  }

  const expected = helmErrorCore(golden.err);
  if (actual.ok) return differ(`helm failed with ${show(expected)}, we printed ${describeAnswer(actual)}`);
  const want = errorFacts(expected);
  const got = errorFacts(actual.err);
  const samePlace = want.kind === got.kind && want.where === got.where;
  if (samePlace && expected === actual.err) return { ...base, samePlace, agree: true, detail: '' };
  const place = samePlace
    ? 'same place, different text'
    : `helm: ${want.kind} at ${want.where}, ours: ${got.kind} at ${got.where}`;
  return differ(`${place}\n   expected ${show(expected)}\n     actual ${show(actual.err)}`, samePlace);
}

/** A failure message: each disagreeing case with its template, what helm said and what we said. */
export function describeFailures(
  verdicts: readonly Verdict[],
  cases: ReadonlyMap<string, BatteryCase>,
  limit = 40,
): string {
  const failing = verdicts.filter((v) => !v.agree);
  const lines = failing
    .slice(0, limit)
    .map((v) => `- ${v.id}\n   template ${show(cases.get(v.id)?.text ?? '')}\n   ${v.detail}`);
  if (failing.length > limit) lines.push(`… and ${failing.length - limit} more`);
  return `${failing.length} of ${verdicts.length} cases disagree with helm:\n${lines.join('\n')}`;
}

/** The per-area agreement table (Markdown), for the test log. */
export function agreementTable(verdicts: readonly Verdict[]): string {
  const areas = new Map<string, Verdict[]>();
  for (const v of verdicts) areas.set(v.area, [...(areas.get(v.area) ?? []), v]);
  const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(0)}%`);
  const row = (name: string, vs: readonly Verdict[]): string => {
    const outputs = vs.filter((v) => !v.expectsError);
    const errors = vs.filter((v) => v.expectsError);
    const agree = vs.filter((v) => v.agree).length;
    const okOut = outputs.filter((v) => v.agree).length;
    const placed = errors.filter((v) => v.samePlace).length;
    const exact = errors.filter((v) => v.agree).length;
    return `| ${name} | ${vs.length} | ${agree} | ${pct(agree, vs.length)} | ${okOut}/${outputs.length} | ${placed}/${errors.length} | ${exact}/${errors.length} |`;
  };
  return [
    '| area | cases | agree | % | outputs identical | errors: kind and place | errors: whole text |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[...areas].map(([area, vs]) => row(area, vs)),
    row('**total**', verdicts),
  ].join('\n');
}
