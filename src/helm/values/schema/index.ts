/**
 * helm's ValidateAgainstSchema: the coalesced values of the chart and of every enabled
 * subchart are checked against each chart's values.schema.json, and one error lists every
 * chart that fails, with helm's text byte for byte. A schema that needs anything outside its
 * own file (a remote `$ref`, an unknown `$schema`) stops the render with a diagnostic naming
 * it: k8s-ops never fetches, where helm would read the file or the network.
 */
import { createHash } from 'node:crypto';
import { DiagnosticError } from '../../../core/diagnostic.js';
import type { Chart } from '../../chart/types.js';
import { compileSchema, SchemaCompileError, type CompiledSchema } from './compile.js';
import { sq } from './go-text.js';
import { JsonSyntaxError, parseSchemaJson } from './json.js';
import { kindMessage } from './kinds.js';
import { escapeToken } from './resources.js';
import { validateValue, type VError } from './validate.js';

export const SCHEMA_HEADER =
  "values don't meet the specifications of the schema(s) in the following chart(s):\n";

type Loaded = { ok: true; schema: CompiledSchema } | { ok: false; message: string; remote?: string };

const cache = new WeakMap<Uint8Array, Loaded>();
// By content too: a library subchart often ships its parent's schema file (app-template's
// `common` does, 560 KB), and compiling it is the slowest step of a first render. The last few
// only, by digest, so that schemas are not kept after their charts.
const byDigest = new Map<string, Loaded>();
const KEPT_BY_DIGEST = 8;
const decoder = new TextDecoder();

function load(bytes: Uint8Array): Loaded {
  const hit = cache.get(bytes);
  if (hit) return hit;
  const digest = createHash('sha256').update(bytes).digest('hex');
  const same = byDigest.get(digest);
  if (same) {
    cache.set(bytes, same);
    return same;
  }
  let out: Loaded;
  try {
    out = { ok: true, schema: compileSchema(parseSchemaJson(decoder.decode(bytes))) };
  } catch (e) {
    if (e instanceof JsonSyntaxError) out = { ok: false, message: e.message };
    else if (e instanceof SchemaCompileError) out = { ok: false, message: e.message, remote: e.remoteRef };
    else throw e;
  }
  cache.set(bytes, out);
  byDigest.set(digest, out);
  if (byDigest.size > KEPT_BY_DIGEST) byDigest.delete(byDigest.keys().next().value!);
  return out;
}

/** The validator's error tree as helm prints it, one `- at '…': …` line per error. */
export function formatErrors(errors: readonly VError[]): string {
  const lines: string[] = [];
  const walk = (e: VError, indent: number): void => {
    // A `$ref` with a single cause is not printed: its cause stands in its place.
    if (e.kind.k === 'reference' && e.causes.length === 1) {
      walk(e.causes[0] as VError, indent);
      return;
    }
    const ptr = e.loc.map((t) => `/${escapeToken(t)}`).join('');
    lines.push(`${'  '.repeat(indent)}- at ${sq(ptr)}: ${kindMessage(e.kind)}`);
    for (const c of e.causes) walk(c, indent + 1);
  };
  for (const e of errors) walk(e, 0);
  return lines.join('\n');
}

// Go's %T of a value that is not a map.
function goTypeName(v: unknown): string {
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

function remoteError(chart: Chart, url: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-values-schema',
    file: `${chart.source}/values.schema.json`,
    message: `values.schema.json of chart ${chart.metadata.name} needs "${url}", which k8s-ops never fetches (helm would load it when rendering)`,
    hint: 'inline the referenced schema under $defs in values.schema.json, or point $schema at a JSON Schema draft',
  });
}

interface Report {
  text: string;
  /** The first chart whose schema failed, for the diagnostic's file. */
  first?: Chart;
}

function check(chart: Chart, values: Record<string, unknown>, report: Report): void {
  if (chart.schema) {
    const loaded = load(chart.schema);
    let failure: string | undefined;
    if (!loaded.ok) {
      if (loaded.remote !== undefined) throw remoteError(chart, loaded.remote);
      failure = loaded.message;
    } else {
      const errors = validateValue(loaded.schema, values);
      if (errors.length > 0) failure = `${formatErrors(errors)}\n`;
    }
    if (failure !== undefined) {
      report.text += `${chart.metadata.name}:\n${failure}`;
      report.first ??= chart;
    }
  }
  for (const sub of chart.dependencies) {
    const raw = values[sub.metadata.name];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      report.text += `${sub.metadata.name}:\ninvalid type for values: expected object (map), got ${goTypeName(raw)}\n`;
      report.first ??= sub;
      continue;
    }
    check(sub, raw as Record<string, unknown>, report);
  }
}

/**
 * Validates coalesced `values` of an enabled-subcharts `chart` as helm does before rendering.
 * Throws a DiagnosticError (rule `helm-values-schema`) whose message is helm's error text.
 */
export function validateChartValues(chart: Chart, values: Record<string, unknown>): void {
  const report: Report = { text: '' };
  check(chart, values, report);
  if (report.text === '') return;
  const first = report.first ?? chart;
  throw new DiagnosticError({
    rule: 'helm-values-schema',
    file: `${first.source}/values.schema.json`,
    message: SCHEMA_HEADER + report.text,
    hint: 'fix the values so they satisfy the chart schema, or use values written for this chart version',
  });
}
