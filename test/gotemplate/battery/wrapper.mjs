// The one-template wrapper chart every battery case is rendered through, by the real helm and by
// our engine alike: the case text is run with `tpl` against a context of the case data and
// helm's built-in objects, and the result is printed as JSON so any bytes survive the YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CHART_NAME = 'battery';
export const RELEASE_NAME = 'rel';
export const NAMESPACE = 'ns';
export const KUBE_VERSION = '1.31.0';
/** The template the wrapper lives in when a case is rendered alone. */
export const TEMPLATE_FILE = 'out.yaml';
export const TEMPLATE_NAME = `${CHART_NAME}/templates/${TEMPLATE_FILE}`;

/** Chart.yaml's fields; the shared battery only shows Name and Version, the others are ours. */
export const CHART_META = {
  apiVersion: 'v2',
  name: CHART_NAME,
  version: '0.1.0',
  appVersion: '1.2.3',
  description: 'A one-template chart for template cases',
  type: 'application',
  keywords: ['test', 'battery'],
  annotations: { team: 'core' },
};

/** Chart.yaml, written as JSON (which is YAML) so it says exactly what CHART_META says. */
export const CHART_YAML = JSON.stringify(CHART_META, null, 2) + '\n';

/**
 * Non-template chart files for `.Files`. `files/` holds exactly what the shared battery had
 * (its cases glob `files/**`); everything added for our cases lives under `more/`.
 */
export const CHART_FILES = {
  'files/a.txt': 'alpha\nbeta\n',
  'files/b.txt': 'b-content',
  'more/config.yaml': 'key: value\nlist:\n  - 1\n  - 2\n',
  'more/data.json': '{"name":"x","n":1}\n',
  'more/lines.txt': 'one\r\ntwo\n\nthree',
  'more/empty.txt': '',
  'more/sub/deep.txt': 'deep\n',
  'more/sub/other.conf': 'k=v\n',
  'more/unicode.txt': 'héllo ✓\n',
};

/** Values our cases use in addition to the shared battery's `data`. */
export const EXTRA_DATA = {
  strs: ['banana', 'apple', 'cherry'],
  mixed: [1, 'a', true, null, 2.5],
  dup: [1, 1, 2, 3, 3],
  nums: [3, 1, 2],
  nullv: null,
  falsev: false,
  emptystr: '',
  spaces: '  padded  ',
  csv: 'a,b,,c',
  unicode: 'héllo wörld ✓',
  negf: -2.5,
  small: 0.000001,
  tiny: 1e-7,
  huge: 1e21,
  pi: 3.141592653589793,
  half: 0.5,
  maxsafe: 9007199254740992,
  deep: { a: { b: { c: 'leaf' } } },
  listOfMaps: [
    { name: 'a', v: 1 },
    { name: 'b', v: 2 },
  ],
  yamlstr: 'a: 1\nb:\n  - x\n  - y\n',
  jsonstr: '{"a":1,"b":[true,null],"c":"s"}',
  b64: 'aGVsbG8gd29ybGQ=',
  url: 'https://user:pw@example.com:8443/path/x?q=1&r=2#frag',
  version: '1.2.3-beta.1+build.5',
  tplnest: '{{ tpl .Values.tplstr . }}!',
  tplbad: '{{ .Values.str | nosuch }}',
  keyspecial: { 'a-b': 1, 'with.dot': 2, '': 3, '1x': 4 },
  mapOfLists: { x: [1, 2], y: [] },
  boolstr: 'true',
  floatstr: '3.25',
  hexstr: '0x1F',
  ipaddr: '10.0.0.1',
  html2: '<script>alert("x&y")</script>',
  tab: 'a\tb',
  crlf: 'a\r\nb',
};

/** The context a case's text is run with: the data under `.Values` plus helm's objects. */
export const CONTEXT_EXPR =
  '(dict "Values" .Values.data "Release" .Release "Chart" .Chart "Capabilities" .Capabilities "Template" .Template "Files" .Files)';

/** The wrapper template: `valuesPath` is where its case text is in the values. */
export function wrapperText(valuesPath = '.Values.caseText') {
  return `v: {{ tpl ${valuesPath} ${CONTEXT_EXPR} | toJson }}\n`;
}

/** The values data every case sees as `.Values`. */
export function caseData(sharedData) {
  return { ...sharedData, ...EXTRA_DATA };
}

/**
 * Writes the wrapper chart into `dir`: `templates` maps a file name under templates/ to its
 * text. Returns `dir`.
 */
export function writeChart(dir, templates) {
  const files = { 'Chart.yaml': CHART_YAML, ...CHART_FILES };
  for (const [name, text] of Object.entries(templates)) files[`templates/${name}`] = text;
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** `helm template` as the shared battery ran it. */
export function helmArgs(chartDir, valuesFile) {
  return [
    'template',
    RELEASE_NAME,
    chartDir,
    '-n',
    NAMESPACE,
    '--kube-version',
    KUBE_VERSION,
    '-f',
    valuesFile,
  ];
}

/**
 * The rendered value of each template in `helm template` output: `# Source:` path → the
 * decoded `v`. A document that is not the wrapper's one line is reported as an error.
 */
export function parseHelmOutput(stdout) {
  const out = {};
  for (const doc of stdout.split(/^---\n/m)) {
    const m = /^# Source: (\S+)\nv: (.*)\n?$/s.exec(doc);
    if (!m) {
      if (doc.trim() !== '') throw new Error(`unexpected helm output document: ${doc.slice(0, 200)}`);
      continue;
    }
    out[m[1]] = JSON.parse(m[2]);
  }
  return out;
}

/** helm's CLI error text without the fixed `Error: ` prefix and `--debug` hint. */
export function helmErrorCore(stderr) {
  return stderr
    .trim()
    .replace(/^Error: /, '')
    .replace(/\n\nUse --debug flag to render out invalid YAML$/, '');
}
