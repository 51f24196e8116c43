/** Every `k8s-ops check` format over one small, sorted list of findings. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { formatCheckJson } from '../../src/report/check-json.js';
import { checkSummary, formatCheckText } from '../../src/report/check-text.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatJunit } from '../../src/report/junit.js';
import { sarifLog, SARIF_SCHEMA } from '../../src/report/sarif.js';

const FOUND: Diagnostic[] = [
  { severity: 'warning', rule: 'schema-missing', message: 'objects were not validated' },
  {
    severity: 'error',
    rule: 'schema',
    message: 'Deployment web: unknown field `spec.replica`',
    file: 'apps/web.yaml',
    line: 7,
    column: 3,
    hint: 'did you mean `replicas`?',
  },
  {
    severity: 'warning',
    rule: 'image-tag',
    message: 'image nginx has no tag, 100% "latest"',
    file: 'apps/web.yaml',
    line: 12,
  },
  { severity: 'info', rule: 'note', message: 'a <note> & more', file: 'infra/a b.yaml' },
];

describe('text', () => {
  it('groups by file, with hints and a summary', () => {
    expect(formatCheckText(FOUND, { color: false, clusters: 2 })).toBe(
      [
        '(repository)  warning  schema-missing  objects were not validated',
        '',
        'apps/web.yaml:7:3  error    schema  Deployment web: unknown field `spec.replica`',
        '    hint: did you mean `replicas`?',
        'apps/web.yaml:12  warning  image-tag  image nginx has no tag, 100% "latest"',
        '',
        'infra/a b.yaml  info     note  a <note> & more',
        '',
        '1 error, 2 warnings, 1 info in 2 files (2 clusters)',
        '',
      ].join('\n'),
    );
  });

  it('colours severities on a terminal', () => {
    const text = formatCheckText(FOUND.slice(1, 2), { color: true, clusters: 1 });
    expect(text).toContain('\u001b[31merror  \u001b[0m');
    expect(text).toContain('\u001b[1mapps/web.yaml:7:3\u001b[0m');
  });

  it.each<[string, Diagnostic[], boolean, string]>([
    ['clean', [], false, '0 errors, 0 warnings in 0 files (1 cluster)\n'],
    ['quiet and clean: nothing', FOUND.slice(2, 3), true, ''],
    [
      'quiet lists errors only',
      FOUND.slice(0, 3),
      true,
      'apps/web.yaml:7:3  error    schema  Deployment web: unknown field `spec.replica`\n' +
        '    hint: did you mean `replicas`?\n\n1 error, 2 warnings in 1 file (1 cluster)\n',
    ],
  ])('%s', (_name, found, quiet, want) => {
    expect(formatCheckText(found, { color: false, clusters: 1, quiet })).toBe(want);
  });

  it('counts files once', () => {
    expect(checkSummary(FOUND.slice(1, 3), 3)).toBe('1 error, 1 warning in 1 file (3 clusters)');
  });
});

describe('json', () => {
  it('keeps a fixed shape', () => {
    expect(JSON.parse(formatCheckJson(FOUND.slice(0, 2), 2))).toEqual({
      version: 1,
      summary: { errors: 1, warnings: 1, infos: 0, files: 1, clusters: 2 },
      diagnostics: [
        { severity: 'warning', rule: 'schema-missing', message: 'objects were not validated' },
        {
          severity: 'error',
          rule: 'schema',
          message: 'Deployment web: unknown field `spec.replica`',
          file: 'apps/web.yaml',
          line: 7,
          column: 3,
          hint: 'did you mean `replicas`?',
        },
      ],
    });
  });
});

describe('sarif', () => {
  const rules = [
    { id: 'schema', severity: 'error' as const, description: 'objects match their schema' },
    { id: 'unused', severity: 'warning' as const, description: 'never reported' },
  ];
  const log = sarifLog(FOUND, { rules, toolVersion: '0.1.0' });
  const run = log.runs[0];

  it('is SARIF 2.1.0 with the registry rules first', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run?.tool.driver.name).toBe('k8s-ops');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual([
      'schema',
      'unused',
      'schema-missing',
      'image-tag',
      'note',
    ]);
    expect(run?.tool.driver.rules[0]).toEqual({
      id: 'schema',
      shortDescription: { text: 'objects match their schema' },
      defaultConfiguration: { level: 'error' },
    });
  });

  it('points every result at a rule of the driver', () => {
    const ids = run?.tool.driver.rules.map((r) => r.id) ?? [];
    for (const r of run?.results ?? []) expect(ids[r.ruleIndex]).toBe(r.ruleId);
    expect(run?.results.map((r) => r.level)).toEqual(['warning', 'error', 'warning', 'note']);
  });

  it('gives file, line and column where known', () => {
    expect(run?.results[0]?.locations).toBeUndefined();
    expect(run?.results[1]).toEqual({
      ruleId: 'schema',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Deployment web: unknown field `spec.replica`\nhint: did you mean `replicas`?' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'apps/web.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 3 },
          },
        },
      ],
    });
    expect(run?.results[3]?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/a%20b.yaml', uriBaseId: '%SRCROOT%' },
    });
  });
});

describe('junit', () => {
  it('has a suite per file and failures for errors', () => {
    expect(formatJunit(FOUND, 2)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="k8s-ops check" tests="4" failures="1">',
        '  <testsuite name="(repository)" tests="1" failures="0">',
        '    <testcase name="schema-missing" classname="(repository)">',
        '      <system-out>warning: objects were not validated</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="apps/web.yaml" tests="2" failures="1">',
        '    <testcase name="schema:7:3" classname="apps/web.yaml">',
        '      <failure message="Deployment web: unknown field `spec.replica`" type="schema">Deployment web: unknown field `spec.replica`',
        'hint: did you mean `replicas`?</failure>',
        '    </testcase>',
        '    <testcase name="image-tag:12" classname="apps/web.yaml">',
        '      <system-out>warning: image nginx has no tag, 100% &quot;latest&quot;</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="infra/a b.yaml" tests="1" failures="0">',
        '    <testcase name="note" classname="infra/a b.yaml">',
        '      <system-out>info: a &lt;note&gt; &amp; more</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('reports a clean run as one passing test', () => {
    expect(formatJunit([], 2)).toContain('<testcase name="2 clusters checked" classname="k8s-ops check"/>');
  });
});

describe('github', () => {
  it('writes one workflow command per finding', () => {
    expect(formatGithub(FOUND)).toBe(
      [
        '::warning title=schema-missing::objects were not validated',
        '::error file=apps/web.yaml,line=7,col=3,title=schema::Deployment web: unknown field `spec.replica`%0Ahint: did you mean `replicas`?',
        '::warning file=apps/web.yaml,line=12,title=image-tag::image nginx has no tag, 100%25 "latest"',
        '::notice file=infra/a b.yaml,title=note::a <note> & more',
        '',
      ].join('\n'),
    );
  });

  it.each<[string, string, string]>([
    ['a%b\r\nc', 'a%25b%0D%0Ac', 'a%25b%0D%0Ac'],
    ['x:y,z', 'x:y,z', 'x%3Ay%2Cz'],
  ])('escapes %j', (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });
});
