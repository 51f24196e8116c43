/** runChecks: configured severities, path and inline ignores, dedupe and order. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { globToRegExp, parseChecksConfig } from '../../src/checks/config.js';
import type { CheckContext, Rule } from '../../src/checks/rule.js';
import { parseIgnoreComment, runChecks } from '../../src/checks/run-checks.js';
import { loadConfig } from '../../src/render/config.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';

const APP = [
  'apiVersion: v1', // 1
  'kind: ConfigMap', // 2
  'metadata:', // 3
  '  name: web # k8s-ops:ignore name-rule names are fixed upstream', // 4
  '  # k8s-ops:ignore label-rule', // 5
  '  labels: {}', // 6
  'data: {}', // 7
].join('\n');

const finding = (
  rule: string,
  file: string | undefined,
  line?: number,
  severity: Diagnostic['severity'] = 'error',
) =>
  ({
    severity,
    rule,
    message: `${rule} found`,
    ...(file ? { file } : {}),
    ...(line ? { line } : {}),
  }) as Diagnostic;

/** A rule that reports the given findings under its id. */
const rule = (id: string, ...found: Diagnostic[]): Rule => ({
  id,
  severity: 'error',
  description: id,
  check: () => found,
});

const RULES: Rule[] = [
  rule('name-rule', finding('name-rule', 'apps/web.yaml', 4)),
  rule('label-rule', finding('label-rule', 'apps/web.yaml', 6)),
  rule(
    'data-rule',
    finding('data-rule', 'apps/web.yaml', 7),
    finding('data-rule', 'test/fixtures/x.yaml', 1),
  ),
  rule(
    'warn-rule',
    finding('warn-rule', 'apps/web.yaml', 2, 'warning'),
    finding('warn-rule', undefined, undefined, 'warning'),
  ),
];

function check(checks: string, rules: Rule[] = RULES, renderDiagnostics: Diagnostic[] = []) {
  const tree = memoryTree({
    'k8s-ops.yaml': `detect: true\n${checks}`,
    'apps/web.yaml': APP,
    'test/fixtures/x.yaml': 'a: 1\n',
  });
  const loaded = loadConfig(tree);
  expect(loaded.diagnostics).toEqual([]);
  const ctx: CheckContext = {
    tree,
    yamlFiles: [],
    models: [],
    config: loaded.config,
    kubernetesVersion: '1.35',
  };
  return runChecks(ctx, { rules, renderDiagnostics }).map(
    (d) => `${d.file ?? '-'}:${d.line ?? 0}:${d.column ?? 0} ${d.severity} ${d.rule}`,
  );
}

describe('runChecks', () => {
  it.each<[string, string, string[]]>([
    [
      'defaults: inline ignores apply, the reasonless one is reported, sorted by file and line',
      '',
      [
        '-:0:0 warning warn-rule',
        'apps/web.yaml:2:0 warning warn-rule',
        'apps/web.yaml:5:3 warning ignore-reason-missing',
        'apps/web.yaml:7:0 error data-rule',
        'test/fixtures/x.yaml:1:0 error data-rule',
      ],
    ],
    [
      'severities and off',
      'checks:\n  rules:\n    data-rule: warning\n    warn-rule: off\n    ignore-reason-missing: info\n',
      [
        'apps/web.yaml:5:3 info ignore-reason-missing',
        'apps/web.yaml:7:0 warning data-rule',
        'test/fixtures/x.yaml:1:0 warning data-rule',
      ],
    ],
    [
      'path ignores, for one rule and for all',
      'checks:\n  ignore:\n    - paths: ["test/**"]\n    - rule: warn-rule\n      paths: ["apps/*.yaml"]\n',
      [
        '-:0:0 warning warn-rule',
        'apps/web.yaml:5:3 warning ignore-reason-missing',
        'apps/web.yaml:7:0 error data-rule',
      ],
    ],
    [
      'a directory pattern covers what is below it',
      'checks:\n  ignore:\n    - paths: [apps/]\n',
      ['-:0:0 warning warn-rule', 'test/fixtures/x.yaml:1:0 error data-rule'],
    ],
  ])('%s', (_name, checks, expected) => {
    expect(check(checks)).toEqual(expected);
  });

  it('merges render diagnostics and removes duplicates', () => {
    const dup = finding('data-rule', 'apps/web.yaml', 7);
    const render = [finding('kustomize-build', 'apps/kustomization.yaml', 1), dup, dup];
    expect(check('', [rule('data-rule', dup, dup)], render)).toEqual([
      'apps/kustomization.yaml:1:0 error kustomize-build',
      'apps/web.yaml:7:0 error data-rule',
    ]);
  });

  it('turns a throwing rule into a rule-failed error', () => {
    const bad: Rule = {
      id: 'bad',
      severity: 'error',
      description: 'bad',
      check: () => {
        throw new Error('boom');
      },
    };
    expect(check('', [bad])).toEqual(['-:0:0 error rule-failed']);
  });
});

describe('checks configuration', () => {
  const parse = (checks: string) => {
    const tree = memoryTree({ 'k8s-ops.yaml': checks });
    const { config } = loadConfig(tree);
    return parseChecksConfig(config, tree, ['schema', 'flux-dependency']).diagnostics.map(
      (d) => `${d.line}:${d.column ?? 0} ${d.severity} ${d.rule} ${d.message}${d.hint ? ` (${d.hint})` : ''}`,
    );
  };
  it.each<[string, string, string[]]>([
    ['valid', 'checks:\n  rules: {schema: off}\n  ignore: [{rule: schema, paths: [a/**]}]\n', []],
    [
      'bad severity and misspelt id',
      'checks:\n  rules:\n    schema: fatal\n    schemas: warning\n',
      [
        "3:5 error config-value 'checks.rules.schema' must be one of error, warning, info, off, not 'fatal'",
        "4:5 warning config-value unknown rule 'schemas' (did you mean 'schema'?)",
      ],
    ],
    [
      'unknown keys and wrong types',
      'checks:\n  rule: {}\n  ignore:\n    - paths: []\n    - {path: [x]}\n    - 3\n',
      [
        "2:3 error config-unknown-key unknown key 'rule' in 'checks' (allowed keys: rules, ignore, schemas)",
        "4:7 error config-type 'checks.ignore[0].paths' must be a non-empty list of path globs (write it like paths: ['test/**', 'clusters/*/talos/'])",
        "5:8 error config-unknown-key unknown key 'path' in 'checks.ignore[1]' (allowed keys: rule, paths)",
        "5:7 error config-required 'checks.ignore[1].paths' must be a non-empty list of path globs (write it like paths: ['test/**', 'clusters/*/talos/'])",
        "6:7 error config-type 'checks.ignore[2]' must be a mapping with paths, not a number",
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('globs and ignore comments', () => {
  it.each<[string, string, boolean]>([
    ['test/**', 'test/a/b.yaml', true],
    ['test/**', 'testing/a.yaml', false],
    ['**/talos/*.yaml', 'clusters/infra/talos/node.yaml', true],
    ['**/talos/*.yaml', 'talos/node.yaml', true],
    ['clusters/*/talos', 'clusters/infra/talos/x/y.yaml', true],
    ['*.yaml', 'apps/web.yaml', false],
    ['./apps/web.yaml', 'apps/web.yaml', true],
    ['apps/we?.yaml', 'apps/web.yaml', true],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (glob, path, want) => {
    expect(globToRegExp(glob).test(path)).toBe(want);
  });

  it.each<[string, object | undefined]>([
    ['x: 1 # k8s-ops:ignore a,b because', { rules: ['a', 'b'], reason: 'because', line: 1, column: 6 }],
    ['# k8s-ops:ignore a', { rules: ['a'], reason: '', line: 1, column: 1 }],
    ['x: 1 # k8s-ops:ignored a', undefined],
  ])('%s', (text, want) => {
    expect(parseIgnoreComment(text, 1)).toEqual(want);
  });
});
