import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCapabilities } from '../../../src/gotemplate/helm/capabilities.js';
import { makeChart } from '../../../src/gotemplate/helm/chart.js';
import { reformatExecError } from '../../../src/gotemplate/helm/errors.js';
import { makeFiles } from '../../../src/gotemplate/helm/files.js';
import { helmFuncs, REMOVED_SPRIG_FUNCS } from '../../../src/gotemplate/helm/funcs.js';
import { makeRelease, makeTemplateObject } from '../../../src/gotemplate/helm/release.js';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import { TemplateError, Templates } from '../../../src/gotemplate/template.js';
import {
  newMap,
  withMethods,
  type FuncMap,
  type GoMap,
  type GoValue,
} from '../../../src/gotemplate/value.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

const FILE = 'battery/templates/out.yaml';

function chartSet(options: { lintMode?: boolean; missingKey?: 'zero' | 'error' } = {}): Templates {
  const holder: { set?: Templates } = {};
  const sprig: Record<string, FuncMap[string]> = { ...sprigFuncs(defaultSprigEnv('rel/ns')) };
  for (const name of REMOVED_SPRIG_FUNCS) delete sprig[name];
  const funcs: FuncMap = { ...sprig, ...helmFuncs({ templates: () => holder.set!, options: options }) };
  holder.set = new Templates(funcs, { missingKey: options.missingKey ?? 'zero' });
  return holder.set;
}

function toGo(value: unknown): GoValue {
  if (Array.isArray(value)) return value.map(toGo);
  if (value !== null && typeof value === 'object') {
    const map = newMap();
    for (const [k, v] of Object.entries(value)) map[k] = toGo(v);
    return map;
  }
  return value as GoValue;
}

function context(values: unknown): GoMap {
  const top = newMap('common.Values');
  top.Values = toGo(values);
  top.Release = makeRelease({ name: 'rel', namespace: 'ns' });
  top.Chart = makeChart({ name: 'battery', version: '0.1.0', apiVersion: 'v2' }, true);
  top.Capabilities = makeCapabilities({ kubeVersion: '1.31.0' });
  top.Template = makeTemplateObject(FILE, 'battery/templates');
  const enc = new TextEncoder();
  top.Files = makeFiles({
    'files/a.txt': enc.encode('alpha\nbeta\n'),
    'files/b.txt': enc.encode('b-content'),
  });
  return top;
}

/** Renders `text` as the chart file `FILE`: output with `<no value>` removed, or helm's error. */
function render(
  text: string,
  values: unknown = {},
  set = chartSet(),
): { ok: true; v: string } | { ok: false; err: string } {
  try {
    set.parse(FILE, text);
    return { ok: true, v: set.execute(FILE, context(values)).replaceAll('<no value>', '') };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, err: reformatExecError(e, FILE) };
    throw e;
  }
}

// The executor resolves `.Files.Get` and `.APIVersions.Has` only once it calls methods of named
// maps and slices; until then the cases that need it are skipped, visibly.
const namedMethods = (() => {
  const set = new Templates({});
  set.parse('t', '{{ .m.M }}');
  const m = withMethods(newMap('x.t'), { M: { params: [], result: 'string', fn: () => 'ok' } });
  try {
    return set.execute('t', { m }) === 'ok';
  } catch {
    return false;
  }
})();
const NEEDS_METHODS = new Set(['files', 'release-caps']);

interface Battery {
  data: unknown;
  cases: [string, string, string][];
}

async function loadBattery(): Promise<{
  battery: Battery;
  answers: Record<string, { ok: boolean; v?: string; err?: string }>;
}> {
  const dir = join(SHARED_DIR, 'helm', 'battery');
  const battery = (await import(join(dir, 'cases.mjs'))) as Battery;
  const answers = JSON.parse(readFileSync(join(dir, 'helm-v4.1.4-out.json'), 'utf8')) as Record<
    string,
    { ok: boolean; v?: string; err?: string }
  >;
  return { battery, answers };
}

const HELM_CASES = new Set([
  'toYaml',
  'toYaml-quote',
  'toYaml-long',
  'toYaml-multi',
  'toYaml-num',
  'toYaml-nil',
  'toJson',
  'fromYaml',
  'tpl',
  'include-nindent',
  'toToml',
  'files',
  'release-caps',
  'template-obj',
  'lookup',
  'required-ok',
  'required-fail',
  'fail',
]);

describe.skipIf(!sharedAvailable())("the battery's helm cases", async () => {
  const { battery, answers } = sharedAvailable()
    ? await loadBattery()
    : { battery: { data: {}, cases: [] }, answers: {} };
  const cases = battery.cases.filter(([id]) => HELM_CASES.has(id));
  it('has every case this file covers', () => {
    expect(cases.map(([id]) => id).sort()).toEqual([...HELM_CASES].sort());
  });
  // The battery ran each case through `tpl` inside a one-template chart; so do we.
  const wrapper =
    '{{ tpl .Values.caseText (dict "Values" .Values.data "Release" .Release "Chart" .Chart "Capabilities" .Capabilities "Template" .Template "Files" .Files) }}';
  it.each(cases)('%s', (id, text) => {
    if (NEEDS_METHODS.has(id) && !namedMethods) return;
    const want = answers[id]!;
    const got = render(`v: ${wrapper}`, { caseText: text, data: battery.data });
    if (want.ok) expect(got).toEqual({ ok: true, v: `v: ${want.v!}` });
    else
      expect(got).toEqual({
        ok: false,
        err: want.err!.replace(/^Error: /, '').replace(/\n\nUse --debug.*$/s, ''),
      });
  });
});

describe('include', () => {
  it('runs a define of the current set and returns its text', () => {
    expect(
      render('{{ define "inc" }}a: {{ .x }}{{ end }}x:{{ include "inc" .Values | nindent 2 }}', { x: 1 }),
    ).toEqual({
      ok: true,
      v: 'x:\n  a: 1',
    });
  });

  it("keeps <no value> inside the include (helm removes it from the file's output only)", () => {
    expect(render('{{ define "n" }}{{ .missing }}{{ end }}{{ include "n" .Values | quote }}')).toEqual({
      ok: true,
      v: '""',
    });
    expect(render('{{ define "n" }}{{ .missing }}{{ end }}{{ include "n" .Values | len }}')).toEqual({
      ok: true,
      v: '10',
    });
  });

  // helm stops at the 1002nd nested include of a name. Our executor may run out of stack
  // first (a few hundred levels); then the render ends with its depth-limit error instead.
  it('ends a runaway recursion with an error', () => {
    const got = render('{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}');
    expect(got.ok).toBe(false);
    const err = (got as { err: string }).err;
    const helmLimit = err.endsWith(
      'error calling include: rendering template has a nested reference name: r: unable to execute template',
    );
    if (helmLimit) expect(err.match(/executing "r"/g)).toHaveLength(1001);
    else expect(err).toMatch(/exceeded maximum template depth/);
  });

  it('counts nested references per name: the 1002nd nested include fails', () => {
    let executions = 0;
    const set = {
      execute: (name: string): string => {
        executions++;
        return funcs.include!.fn(name, null) as string;
      },
    };
    const funcs = helmFuncs(() => set as unknown as Templates);
    expect(() => funcs.include!.fn('x', null)).toThrow(
      'rendering template has a nested reference name: x: unable to execute template',
    );
    expect(executions).toBe(1001);
    // The count goes back down as includes return: the name can be included again.
    expect(() => funcs.include!.fn('x', null)).toThrow('nested reference name: x');
    expect(executions).toBe(2002);
  });

  it('traces an error through nested includes', () => {
    expect(render('{{ define "a" }}{{ .Values.missing.deep }}{{ end }}{{ include "a" . }}')).toEqual({
      ok: false,
      err: `${FILE}:1:54\n  executing "${FILE}" at <include "a" .>:\n    error calling include:\n${FILE}:1:26\n  executing "a" at <.Values.missing.deep>:\n    nil pointer evaluating interface {}.deep`,
    });
    expect(render('{{ include "nope" . }}')).toEqual({
      ok: false,
      err: `${FILE}:1:3\n  executing "${FILE}" at <include "nope" .>:\n    error calling include:\ntemplate: no template "nope" associated with template "gotpl"`,
    });
  });
});

describe('tpl', () => {
  // Outputs recorded from helm v4.1.4.
  it('sees defines of the text and of the set, and drops <no value>', () => {
    expect(render('{{ tpl "{{ define \\"t1\\" }}T1{{ end }}{{ include \\"t1\\" . }}" . }}')).toEqual({
      ok: true,
      v: 'T1',
    });
    expect(
      render(
        '{{ define "case2" }}[{{ .Values.missing }}]{{ end }}{{ tpl "{{ template \\"case2\\" . }}" . }}',
      ),
    ).toEqual({
      ok: true,
      v: '[]',
    });
    expect(render('{{ tpl "{{ .Values.missing }}<no value>x" . }}')).toEqual({ ok: true, v: 'x' });
    expect(render('{{ tpl "{{ tpl \\"{{ 1 }}\\" . }}" . }}|{{ tpl "plain" . }}')).toEqual({
      ok: true,
      v: '1|plain',
    });
  });

  it('keeps its defines to itself', () => {
    expect(render('{{ tpl "{{ define \\"own\\" }}x{{ end }}" . }}{{ include "own" . }}').ok).toBe(false);
  });

  it('prints nothing for a nested text of only defines or blanks', () => {
    expect(render('{{ tpl "a{{ tpl \\"{{ define \\\\\\"z\\\\\\" }}z{{ end }}\\" . }}b" . }}')).toEqual({
      ok: true,
      v: 'ab',
    });
    expect(render('{{ tpl "a{{ tpl \\"  \\" . }}b" . }}')).toEqual({ ok: true, v: 'a  b' });
  });

  it('words parse and execution errors as helm does', () => {
    expect(render('{{ tpl "{{ if }}" . }}')).toEqual({
      ok: false,
      err: `template: ${FILE}:1:3: executing "${FILE}" at <tpl "{{ if }}" .>: error calling tpl: cannot parse template "{{ if }}": template: gotpl:1: missing value for if`,
    });
    expect(render('{{ tpl "{{ include \\"nope\\" . }}" . }}')).toEqual({
      ok: false,
      err: `template: ${FILE}:1:3: executing "${FILE}" at <tpl "{{ include \\"nope\\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \\"nope\\" . }}": template: gotpl:1:3: executing "gotpl" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"`,
    });
    expect(render('{{ define "a" }}{{ tpl "{{ fail \\"boom\\" }}" . }}{{ end }}{{ include "a" . }}')).toEqual(
      {
        ok: false,
        err: `execution error at (${FILE}:1:61): boom`,
      },
    );
  });
});

describe('required, fail, lookup, getHostByName', () => {
  it('required passes values through and fails on nil or ""', () => {
    expect(render('{{ required "m" 0 }}|{{ required "m" false }}|{{ required "m" (list) | len }}')).toEqual({
      ok: true,
      v: '0|false|0',
    });
    expect(render('{{ required "need it" .Values.e }}', { e: '' })).toEqual({
      ok: false,
      err: `execution error at (${FILE}:1:3): need it`,
    });
  });

  it('does not fail in lint mode', () => {
    const set = chartSet({ lintMode: true });
    expect(render('[{{ required "m" .Values.x }}|{{ fail "boom" }}]', {}, set)).toEqual({
      ok: true,
      v: '[|]',
    });
  });

  it('answers lookup with an empty map offline and getHostByName with ""', () => {
    expect(render('{{ lookup "v1" "Secret" "ns" "n" | toJson }}|[{{ getHostByName "localhost" }}]')).toEqual({
      ok: true,
      v: '{}|[]',
    });
  });
});

describe('conversions', () => {
  it('toYaml goes through JSON and trims the final newline', () => {
    expect(render('{{ toYaml .Values }}', { b: [1, { c: 'yes' }], a: 1000000, s: '' })).toEqual({
      ok: true,
      v: 'a: 1000000\nb:\n- 1\n- c: "yes"\ns: ""',
    });
    expect(
      render(
        '{{ toYaml (dict "i" 3 "f" 1.5 "n" nil) }}|{{ toYaml (list) }}|{{ toYaml .Capabilities.KubeVersion }}',
      ),
    ).toEqual({
      ok: true,
      v: 'f: 1.5\ni: 3\n"n": null|[]|Major: "1"\nMinor: "31"\nVersion: v1.31.0',
    });
  });

  // Recorded from helm v4.1.4: go-yaml folds a raw NEL when it reads the JSON back, and keeps
  // integers beyond 2^53 exact.
  it('toYaml reproduces what the JSON read-back does', () => {
    expect(
      render(
        '{{ toYaml (list "a\u0085b" "c \u0085\u0085 d") }}|{{ toYaml (list (int64 9007199254740993)) }}',
      ),
    ).toEqual({
      ok: true,
      v: '- a b\n- |-\n  c\n  d|- 9007199254740993',
    });
    expect(render('{{ mustToYaml (mulf 1e200 1e200) }}')).toEqual({
      ok: false,
      err: `template: ${FILE}:1:3: executing "${FILE}" at <mustToYaml (mulf 1e200 1e200)>: error calling mustToYaml: error marshaling into JSON: json: unsupported value: +Inf`,
    });
    expect(render('[{{ toYaml (mulf 1e200 1e200) }}]|[{{ toYaml (dict "k\u0085x" 1) }}]')).toEqual({
      ok: true,
      v: '[]|[]',
    });
    expect(render('{{ mustToYaml (dict "k\u0085x" 1) }}')).toMatchObject({
      err: expect.stringContaining(
        "error calling mustToYaml: yaml: line 1: did not find expected ',' or '}'",
      ) as unknown,
    });
  });

  it('toToml writes a time.Time as a bare date-time', () => {
    expect(render('{{ toToml (dict "i" (int64 5) "t" (toDate "2006-01-02" "2024-02-29")) }}')).toEqual({
      ok: true,
      v: 'i = 5\nt = 2024-02-29T00:00:00Z\n',
    });
  });

  it('toJson escapes HTML and mustToJson fails where toJson prints nothing', () => {
    expect(render('{{ toJson .Values.h }}|{{ mustToJson (list 1 "a") }}', { h: '<a&b>' })).toEqual({
      ok: true,
      v: '"\\u003ca\\u0026b\\u003e"|[1,"a"]',
    });
  });

  it('toToml returns the encoder error as text; mustToToml fails with it', () => {
    expect(render('{{ toToml (dict "a" (list 1 nil)) }}')).toEqual({
      ok: true,
      v: 'toml: cannot encode array with nil element',
    });
    expect(render('{{ mustToToml (dict "a" (list 1 nil)) }}')).toEqual({
      ok: false,
      err: `template: ${FILE}:1:3: executing "${FILE}" at <mustToToml (dict "a" (list 1 nil))>: error calling mustToToml: toml: cannot encode array with nil element`,
    });
  });

  it('fromYaml and fromJson give their errors as data', () => {
    expect(
      render(
        '{{ (fromYaml "a: [").Error }}|{{ (fromJson "{").Error }}|{{ index (fromJsonArray "[1,2]") 1 }}',
      ),
    ).toEqual({
      ok: true,
      v: 'error converting YAML to JSON: yaml: line 1: did not find expected node content|unexpected end of JSON input|2',
    });
  });
});

describe('toYamlPretty', () => {
  it('is in the function map and indents sequences under their key', () => {
    expect(render('{{ toYamlPretty .Values }}', { a: [1, 2], b: 1000000 })).toEqual({
      ok: true,
      v: 'a:\n  - 1\n  - 2\nb: 1e+06',
    });
  });
});

describe('fromToml', () => {
  it('is in the function map', () => {
    expect(
      render('{{ (fromToml "a = 1\\n[t]\\nx = \\"y\\"").t.x }}|{{ typeOf (fromToml "a = 1").a }}'),
    ).toEqual({
      ok: true,
      v: 'y|int64',
    });
  });
});
