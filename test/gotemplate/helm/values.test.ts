import { describe, expect, it } from 'vitest';
import { reformatExecError } from '../../../src/gotemplate/helm/errors.js';
import { helmFuncs, REMOVED_SPRIG_FUNCS } from '../../../src/gotemplate/helm/funcs.js';
import { makeValues } from '../../../src/gotemplate/helm/values.js';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import { TemplateError, Templates } from '../../../src/gotemplate/template.js';
import { newMap, type FuncMap, type GoMap, type GoValue } from '../../../src/gotemplate/value.js';

const FILE = 'vchart/templates/t.yaml';

function toGo(value: unknown): GoValue {
  if (Array.isArray(value)) return value.map(toGo);
  if (value !== null && typeof value === 'object') {
    const map = newMap();
    for (const [k, v] of Object.entries(value)) map[k] = toGo(v);
    return map;
  }
  return value as GoValue;
}

/** `text` rendered with `.Values` built from `values`, or helm's error text. */
function render(text: string, values: unknown): string {
  const holder: { set?: Templates } = {};
  const sprig: Record<string, FuncMap[string]> = { ...sprigFuncs(defaultSprigEnv('rel/ns')) };
  for (const name of REMOVED_SPRIG_FUNCS) delete sprig[name];
  const funcs: FuncMap = { ...sprig, ...helmFuncs({ templates: () => holder.set!, options: {} }) };
  holder.set = new Templates(funcs, { missingKey: 'zero' });
  try {
    holder.set.parse(FILE, text);
    const top = newMap();
    top.Values = makeValues(toGo(values) as GoMap);
    return holder.set.execute(FILE, top).replaceAll('<no value>', '');
  } catch (e) {
    if (e instanceof TemplateError) return `Error: ${reformatExecError(e, FILE)}`;
    throw e;
  }
}

const VALUES = { a: { b: 'x', c: [1, 2] }, AsMap: 1 };
const at = (name: string) =>
  `Error: template: ${FILE}:1:10: executing "${FILE}" at <.Values.${name}>: error calling ${name}: `;

// Answers recorded from helm v4.1.4 on a one-template chart with these values.
describe('.Values is a common.Values with its methods', () => {
  it.each<[string, string, unknown, string]>([
    ['AsMap is what dig needs', '{{ dig "a" "b" "" .Values.AsMap }}', VALUES, 'x'],
    ['AsMap wins over a key of that name', '{{ typeOf .Values.AsMap }}', VALUES, 'map[string]interface {}'],
    ['the type', '{{ typeOf .Values }}', VALUES, 'common.Values'],
    ['Table', '{{ .Values.Table "a" | typeOf }} {{ (.Values.Table "a").b }}', VALUES, 'common.Values x'],
    ['PathValue', '{{ .Values.PathValue "a.b" }} {{ .Values.PathValue "AsMap" }}', VALUES, 'x 1'],
    ['YAML', '{{ .Values.YAML | quote }}', VALUES, '"AsMap: 1\\na:\\n  b: x\\n  c:\\n  - 1\\n  - 2\\n"'],
    ['YAML of a table', '{{ (.Values.Table "a").YAML | quote }}', VALUES, '"b: x\\nc:\\n- 1\\n- 2\\n"'],
    ['AsMap sees set', '{{ $_ := set .Values "n" 1 }}{{ .Values.AsMap.n }}', VALUES, '1'],
    ['AsMap of no values', '{{ .Values.AsMap }}', {}, 'map[]'],
    ['Table of a missing key', '{{ .Values.Table "zz" }}', VALUES, `${at('Table')}"zz" is not a table`],
    ['Table of a value', '{{ .Values.Table "a.b" }}', VALUES, `${at('Table')}"b" is not a table`],
    ['PathValue of a table', '{{ .Values.PathValue "a" }}', VALUES, `${at('PathValue')}"a" is not a value`],
    [
      'PathValue of nothing',
      '{{ .Values.PathValue "" }}',
      VALUES,
      `${at('PathValue')}YAML path cannot be empty`,
    ],
    [
      'PathValue of a missing table',
      '{{ .Values.PathValue "q.z" }}',
      VALUES,
      `${at('PathValue')}"z" is not a value`,
    ],
  ])('%s', (_name, text, values, expected) => {
    expect(render(text, values)).toBe(expected);
  });
});
