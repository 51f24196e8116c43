/**
 * Differential test: the `--set` family and `import-values`, rendered natively and by the real
 * helm on small charts written here, must print the same bytes (or fail with the same message).
 * The charts print `.Values` with toYaml and the Go type of every leaf, so int64 against
 * float64, nil padding and key order all show.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import type { GoMap } from '../../../src/gotemplate/value.js';
import { loadChartFiles } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart, type PreparedChart } from '../../../src/helm/render/render.js';
import {
  applySetFlags,
  mergeValueMaps,
  type SetFlag,
  type SetKind,
} from '../../../src/helm/values/strvals/index.js';
import { parseUserValues } from '../../../src/helm/values/user-values.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';

type Files = Readonly<Record<string, string>>;

// Prints every leaf of .Values as `path type value`, walking maps and lists.
const WALK = `{{- define "walk" -}}
{{- if kindIs "map" .v -}}
{{- range $k, $v := .v }}
{{ include "walk" (dict "p" (printf "%s.%s" $.p $k) "v" $v) }}
{{- end -}}
{{- else if kindIs "slice" .v -}}
{{- range $i, $v := .v }}
{{ include "walk" (dict "p" (printf "%s[%d]" $.p $i) "v" $v) }}
{{- end -}}
{{- else -}}
{{ $.p }} {{ typeOf .v }} {{ printf "%v" .v }}
{{- end -}}
{{- end -}}
`;

const PRINT = `${WALK}values: |
{{ toYaml .Values | indent 2 }}
types: |
{{- include "walk" (dict "p" "" "v" .Values) | indent 2 }}
`;

const SET_CHART: Files = {
  'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
  'values.yaml': 'keep: 1\ndel: 2\nnested:\n  a: 1\n  b: 2\nlist: [x, y]\n',
  'templates/out.yaml': PRINT,
};

const USER_FILE = 'user.yaml';
const USER_VALUES = 'fromFile: {a: 1, b: [1, 2]}\nnested: {c: 3}\n';
const TEXT_FILE = 'text.txt';
const TEXT = 'line1\nline2\n';

type Args = readonly string[];

const SET_CASES: readonly Args[] = [
  ['--set', 'a=1,b=1.5,c=true,d=TRUE,e=null,f=0x10,g="1",h=0,i=007,j=-5'],
  ['--set', 'k=9223372036854775807,l=9223372036854775808,m=Null,n=+3,o=1e3,p=,q=False'],
  ['--set', 'del=null,nested.a=null'],
  ['--set', 'a.b.c=deep,a.b.d=2'],
  ['--set', 'a\\.b=1,c=x\\,y'],
  ['--set', 'p[2]=x'],
  ['--set', 'p[0].a=1,p[1].b=2'],
  ['--set', 'p[1][1]=x'],
  ['--set', 'p[0]={1,2}'],
  ['--set', 'q={a,1,true,null},r=2'],
  ['--set', 'list[1]=z'],
  ['--set', 'list[3]=z'],
  ['--set', 'list=null'],
  ['--set', 'nested.c=3', '--set', 'nested.d.e=4'],
  ['--set', 'a=b=c'],
  ['--set', 'a[0]'],
  ['--set', 'a.'],
  ['--set', 'a[1'],
  ['--set', '=1,.x=2'],
  ['--set', 'ü.é=ß'],
  ['--set', 'a=-0,b=9223372036854775807,c=fal\u017fe,d=\\{x,e={x\\,y,z},f={}'],
  ['--set', 'a=\\'],
  ['--set', 'a[0]=x,a[0].b=1'],
  ['--set', 'fromFile.a=2', '-f', USER_FILE],
  ['--set', 'fromFile.b[3]=9', '-f', USER_FILE],
  ['--set-string', 's=1,t=true,u={1,null},v[1]=2'],
  ['--set-json', 'a={"x":1,"y":[1,"s",null,true,1.5e3]}'],
  ['--set-json', 'a=[1,2],b="s",c=12345678901234567890'],
  ['--set-json', 'a= , b=3'],
  ['--set-json', 'a=1 b=2'],
  ['--set-json', 'a=-0,b=1.0,c=1e2,d="\\u00e9\\n",e={},f=[]'],
  ['--set-json', 'a[1]={"k":"v"}'],
  ['--set-json', '{"fromFile":{"c":3},"nested":{"a":9}}', '-f', USER_FILE],
  ['--set-json', '  {"nested":{"c":null}}  '],
  ['--set-literal', 'a.b=x,y=z\\,{q}'],
  ['--set-literal', 'a[1].c=1'],
  ['--set-literal', 'a,b=1'],
  ['--set-file', `a=${TEXT_FILE},b[0]={${TEXT_FILE},${TEXT_FILE}}`],
  ['--set-file', 'a='],
  [
    '--set',
    'x=1',
    '--set-string',
    'x=2',
    '--set-json',
    'x=3',
    '--set-literal',
    'x=4',
    '--set-file',
    `x=${TEXT_FILE}`,
  ],
  ['--set', 'x=1', '--set-string', 'x=2', '--set-json', 'x=3'],
  ['--set-json', 'x=3', '--set', 'x=1'],
  ['--set-literal', 'x=1', '--set-file', `x=${TEXT_FILE}`],
  ['-f', USER_FILE, '--set', 'fromFile=null'],
  // Errors.
  ['--set', 'a'],
  ['--set', 'a,b=1'],
  ['--set', 'a.b'],
  ['--set', 'a..b=1'],
  ['--set', 'a[x]=1'],
  ['--set', 'a[]=1'],
  ['--set', 'a[99999999999999999999]=1'],
  ['--set', 'a[-1]=1'],
  ['--set', 'a[65537]=1'],
  ['--set', 'a[0]b\'"=1'],
  ['--set', 'a={x,y'],
  ['--set', 'a=1,a.b=2'],
  ['--set', 'a.b=1,a[0]=2'],
  ['--set', 'a=null,a.b=1'],
  ['--set', 'a[0]=1,a[0][1]=2'],
  ['--set', 'keep.x=1', '-f', USER_FILE, '--set', 'fromFile.b.c=1'],
  ['--set', `${'a.'.repeat(31)}b=1`],
  ['--set-string', 'a'],
  ['--set-literal', 'a'],
  ['--set-file', 'a=no-such-file'],
  ['--set-json', 'a={'],
  ['--set-json', 'a=1x'],
  ['--set-json', 'a=1e400'],
  ['--set-json', '{"a":1} x'],
];

// import-values: both forms, nested subcharts (bottom up), aliases, precedence, missing tables.
const IMPORT_CHART: Files = {
  'Chart.yaml': `apiVersion: v2
name: p
version: 0.1.0
dependencies:
  - name: child
    version: 0.1.0
    import-values:
      - data
      - child: deep.table
        parent: imported.here
      - child: missing
        parent: nowhere
      - child: scalar
        parent: sc
      - child: deep
        parent: .
  - name: child
    alias: twin
    version: 0.1.0
    import-values:
      - data
      - child: exports.fromgrand
        parent: twin.grand
`,
  'values.yaml': `own: 1
myint: 1
imported:
  here:
    x: parent
    nul: null
child:
  deep:
    table:
      fromParent: 1
`,
  'templates/out.yaml': PRINT,
  // The import lists as helm leaves them: rewritten to child/parent pairs.
  'templates/deps.yaml': 'deps: |\n{{ toYaml .Chart.Dependencies | indent 2 }}\n',
  'charts/child/Chart.yaml': `apiVersion: v2
name: child
version: 0.1.0
dependencies:
  - name: grand
    version: 0.1.0
    import-values:
      - child: gexp
        parent: exports.fromgrand
`,
  'charts/child/values.yaml': `exports:
  data:
    myint: 99
    exported: yes
    own: child
    list: [1, 2]
scalar: 5
deep:
  table:
    x: child
    y: child
    nul: notnull
`,
  'charts/child/templates/out.yaml': 'child: |\n{{ toYaml .Values | indent 2 }}\n',
  'charts/child/charts/grand/Chart.yaml': 'apiVersion: v2\nname: grand\nversion: 0.1.0\n',
  'charts/child/charts/grand/values.yaml': 'gexp:\n  g: 1\n  own: grand\n',
  'charts/child/charts/grand/templates/out.yaml': 'grand: |\n{{ toYaml .Values | indent 2 }}\n',
};

const IMPORT_CASES: readonly Args[] = [
  [],
  ['--set', 'imported.here.x=user,myint=7,exported=false'],
  ['--set', 'child.exports.data.myint=5,twin.exports.data.own=twin'],
  ['--set', 'twin.enabled=false'],
];

// A dependency disabled by its condition imports nothing; the string form needs `exports`.
const CONDITION_CHART: Files = {
  'Chart.yaml': `apiVersion: v2
name: q
version: 0.1.0
dependencies:
  - name: lib
    version: 0.1.0
    condition: lib.enabled
    import-values: [settings, absent]
`,
  'values.yaml': 'lib:\n  enabled: true\nsettings:\n  mine: 1\n',
  'templates/out.yaml': PRINT,
  'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\n',
  'charts/lib/values.yaml': 'exports:\n  settings:\n    mine: 2\n    theirs: 2\n    nil: null\n',
};

const CONDITION_CASES: readonly Args[] = [[], ['--set', 'lib.enabled=false'], ['--set', 'settings=null']];

const ready = helmAvailable();
const root = mkdtempSync(join(tmpdir(), 'k8s-ops-set-values-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeChart(name: string, files: Files): { dir: string; prepared: PreparedChart } {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const encoder = new TextEncoder();
  const list = Object.entries(files).map(([path, text]) => ({ name: path, data: encoder.encode(text) }));
  return { dir, prepared: prepareChart(loadChartFiles(list, name)) };
}

const FLAG_KINDS: Readonly<Record<string, SetKind>> = {
  '--set': 'set',
  '--set-string': 'set-string',
  '--set-json': 'set-json',
  '--set-literal': 'set-literal',
  '--set-file': 'set-file',
};

// The user values as helm's MergeValues builds them from the command line.
function userValues(args: Args): GoMap {
  const user: GoMap = {};
  const flags: SetFlag[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]!];
    if (flag === '-f') mergeValueMaps(user, parseUserValues(readFileSync(join(root, value), 'utf8'), value));
    else flags.push({ kind: FLAG_KINDS[flag]!, argument: value });
  }
  applySetFlags(user, flags, (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      throw new Error(`open ${path}: no such file or directory`);
    }
  });
  return user;
}

function native(prepared: PreparedChart, args: Args): string {
  try {
    return renderChart(prepared, userValues(args), { releaseName: 'rel', namespace: 'ns' }).text;
  } catch (e) {
    if (e instanceof DiagnosticError) return `Error: ${e.message}\n`;
    throw e;
  }
}

function helm(dir: string, args: Args): string {
  const r = runHelm(['template', 'rel', dir, '-n', 'ns', ...args], { cwd: root });
  // Warnings (an import that finds no table) go to stderr with the output on stdout.
  return r.ok ? r.stdout : r.stderr.replace(/^level=WARN .*\n/gm, '');
}

const label = (args: Args): string => (args.length === 0 ? '(no flags)' : args.join(' '));

describe.skipIf(!ready)(
  `--set flags and import-values against helm template ${helmUnavailableReason()}`,
  () => {
    writeFileSync(join(root, USER_FILE), USER_VALUES);
    writeFileSync(join(root, TEXT_FILE), TEXT);
    const setChart = writeChart('c', SET_CHART);
    const importChart = writeChart('p', IMPORT_CHART);
    const conditionChart = writeChart('q', CONDITION_CHART);

    it.each(SET_CASES.map((args) => [label(args), args] as const))('set: %s', (_, args) => {
      expect(native(setChart.prepared, args)).toBe(helm(setChart.dir, args));
    });

    it.each(IMPORT_CASES.map((args) => [label(args), args] as const))('import-values: %s', (_, args) => {
      expect(native(importChart.prepared, args)).toBe(helm(importChart.dir, args));
    });

    it.each(CONDITION_CASES.map((args) => [label(args), args] as const))(
      'import with a condition: %s',
      (_, args) => {
        expect(native(conditionChart.prepared, args)).toBe(helm(conditionChart.dir, args));
      },
    );
  },
);
