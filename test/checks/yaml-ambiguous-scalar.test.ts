/**
 * yaml-ambiguous-scalar rules documents out by their decoded value before scanning their
 * source. That prefilter must never drop a document the scan reports on: checked here over
 * adversarial fixtures and every document of the corpus.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHaveAmbiguousScalar } from '../../src/checks/repository/ambiguous-fields.js';
import { parsedYaml, repositoryYamlFiles } from '../../src/checks/repository/files.js';
import { ambiguousScalars, scanDocument } from '../../src/checks/repository/yaml-ambiguous-scalar.js';
import type { CheckContext } from '../../src/checks/rule.js';
import { checkContext } from '../../src/checks/run-checks.js';
import { isJsonObject } from '../../src/core/json.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';
import { contextOf } from '../helpers/check-context.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const CM = (...body: string[]) => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', ...body);
const POD = (...body: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', ...body);
const ENV = (value: string) =>
  POD('spec:', '  containers:', '    - name: c', '      env:', `        - {name: A, value: ${value}}`);

/**
 * Documents meant to trip a value-based prefilter, with the scan's finding count (and how
 * many documents parse, when not 1).
 */
const FIXTURES: Record<string, [text: string, findings: number, documents?: number]> = {
  // One finding each, so that each path of the prefilter is needed by some fixture.
  'label value': [lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {a: yes}}'), 1],
  'label key': [lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {on: "x"}}'), 1],
  'annotation number': [
    lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, annotations: {b: 0755}}'),
    1,
  ],
  'matchLabels and nodeSelector': [POD('spec: {selector: {matchLabels: {c: N}}, nodeSelector: {d: Off}}'), 2],
  command: [POD('spec: {containers: [{name: c, command: [sh, -c, yes]}]}'), 1],
  'args number': [POD('spec: {containers: [{name: c, args: [--x, "on", 010]}]}'), 1],
  'env value string': [ENV('no'), 1],
  'env value number': [ENV('0022'), 1],
  'every field kind together': [
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: d',
      '  labels: {a: yes, on: x, Y: "q"}',
      '  annotations: {b: 0755}',
      'spec:',
      '  selector: {matchLabels: {c: N}}',
      '  template:',
      '    spec:',
      '      nodeSelector: {d: Off}',
      '      containers:',
      '        - name: c',
      '          command: [sh, -c, yes]',
      '          args: [--x, off, "on", 010]',
      '          env: [{name: A, value: 0022}, {name: B, value: "0022"}]',
    ),
    10,
  ],
  'quoted and block scalars only': [
    CM('data:', '  a: "yes"', "  'on': 'x'", '  b: |', '    yes', '  c: >-', '    0755'),
    0,
  ],
  'key alone, with no candidate value (the text test misses it)': [CM('data:', '  yes: "1"'), 1],
  'explicit key and anchored key': [CM('data:', '  ? on', '  : x', '  &k no: x'), 2],
  'anchored string map reused by alias': [
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: d, labels: &l {app: "x", tier: on}}',
      'spec: {selector: {matchLabels: *l}}',
    ),
    1,
  ],
  'alias of a plain scalar defined outside string fields': [
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec: {replicas: 1, paused: &v yes}',
      'metadata: {name: d, labels: {a: *v}}',
    ),
    0,
  ],
  'merge key whose labels are overridden': [
    lines('apiVersion: v1', 'kind: Pod', '<<: {metadata: {labels: {a: on}}}', 'metadata: {name: p}'),
    1,
  ],
  'merge list, and a merge under a string map': [
    lines(
      'apiVersion: v1',
      'kind: Pod',
      'base: &b {metadata: {labels: {z: yes}}}',
      'other: &o {x: 1}',
      'spec:',
      '  <<: [*o, *b]',
      '  nodeSelector:',
      '    <<: {k: on}',
      '    k: "v"',
    ),
    1,
  ],
  'merge through a tagged, quoted key': [
    lines(
      'apiVersion: v1',
      'kind: Pod',
      '!!merge "<<": {metadata: {labels: {a: on}}}',
      'metadata: {name: p}',
    ),
    1,
  ],
  'merge through a verbatim tag and an escaped key': [
    lines(
      'apiVersion: v1',
      'kind: Pod',
      '!<tag:yaml.org,2002:merge> "\\x3c<": {metadata: {labels: {b: on}}}',
      'metadata: {name: p}',
    ),
    1,
  ],
  'explicit `? <<` key (the parser does not merge it)': [POD('? <<', ': {metadata: {labels: {a: yes}}}'), 1],
  // go-yaml v3 decodes these to other text; the yaml library decodes them too, to bytes.
  'binary tag': [ENV('!!binary 0755'), 0],
  'verbatim and escaped binary tags': [
    POD('spec:', '  nodeSelector:', '    a: !<tag:yaml.org,2002:binary> 0755', '    b: !!bin%61ry 1234'),
    0,
  ],
  'timestamp tag on a leading-zero number (not a timestamp: no document)': [ENV('!!timestamp 0755'), 0, 0],
  'other tags keep or decode to numbers': [
    POD('spec:', '  nodeSelector: {a: !!str yes, b: !custom 0644, c: !!int 0644, d: !!float 010}'),
    4,
  ],
  'booleans and numbers that are not reported': [
    POD('spec:', '  nodeSelector: {a: true, b: 1, c: 1.5, d: null, e: "0x1F", f: 0o17}'),
    0,
  ],
  'root key that decodes to null': [
    lines('apiVersion: v1', 'kind: Pod', '~: {metadata: {labels: {a: yes}}}', 'metadata: {name: p}'),
    1,
  ],
  'Secret data only at the top level': [
    lines(
      'apiVersion: v1',
      'kind: Secret',
      'metadata: {name: s}',
      'stringData: {a: y}',
      'spec: {data: {b: n}}',
    ),
    1,
  ],
  'postBuild.substitute values but not keys': [
    lines(
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      'metadata: {name: k}',
      'spec: {postBuild: {substitute: {yes: "1", B: NO}}}',
    ),
    1,
  ],
  'kustomize commonLabels and pairs': [
    lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'commonLabels: {a: on}',
      'labels: [{pairs: {b: 07}}]',
    ),
    2,
  ],
  'env item with a non-scalar value, and a proto key': [
    POD(
      'spec:',
      '  nodeSelector: {__proto__: yes}',
      '  containers: [{name: c, env: [{name: A, value: [on]}, {name: B, valueFrom: {x: on}}]}]',
    ),
    1,
  ],
  'comments, multi-line plain scalars and tabs': [
    CM('data:', '  a: yes # why', '  b: y', '    es', '  c:\tno', '  d: [on, off]'),
    2,
  ],
  'PromQL and heredocs are neither tags nor merges': [
    CM('data:', '  q: sum(x{pod!=""}) > 0', '  s: cat <<EOF', '  t: on'),
    1,
  ],
  // js-yaml alone would nest `yes` in the inner list (the parse corrects it, as go-yaml reads it).
  'empty nested list entry before an argument': [
    POD('spec:', '  containers:', '    - name: c', '      args:', '        - -', '        - yes'),
    1,
  ],
  'non-manifest documents are not scanned': [lines('enabled: yes', 'labels: {on: off}'), 0],
};

/**
 * Scans every manifest document without the prefilter; fails when the prefilter would have
 * dropped one with findings. Returns how many findings the scan made.
 */
function expectPrefilterSound(ctx: CheckContext): number {
  let findings = 0;
  for (const file of repositoryYamlFiles(ctx)) {
    for (const doc of parsedYaml(ctx, file)?.documents ?? []) {
      const obj = doc.value;
      if (!isJsonObject(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') continue;
      const found = scanDocument(doc.chunk, obj.kind, file);
      findings += found.length;
      if (found.length > 0) {
        expect(mayHaveAmbiguousScalar(obj, obj.kind, doc.chunk.text), `${file}:${doc.line}`).toBe(true);
      }
    }
  }
  return findings;
}

describe('yaml-ambiguous-scalar prefilter', () => {
  it.each(Object.entries(FIXTURES))('%s', (_, [text, findings, documents = 1]) => {
    const ctx = contextOf(memoryTree({ 'a.yaml': text }));
    expect(parsedYaml(ctx, 'a.yaml')?.documents.length, 'documents that parse').toBe(documents);
    expect(expectPrefilterSound(ctx)).toBe(findings);
    expect(ambiguousScalars(ctx, true)).toEqual(ambiguousScalars(ctx, false));
  });

  it('the fixtures together, as one multi-document file', () => {
    const text = Object.values(FIXTURES)
      .map(([t]) => t)
      .join('---\n');
    const ctx = contextOf(memoryTree({ 'all.yaml': text, 'crlf.yaml': text.replace(/\n/g, '\r\n') }));
    const total = Object.values(FIXTURES).reduce((n, [, f]) => n + f, 0);
    expect(expectPrefilterSound(ctx)).toBe(2 * total);
    expect(ambiguousScalars(ctx, true)).toEqual(ambiguousScalars(ctx, false));
  });
});

describe.runIf(sharedAvailable())('yaml-ambiguous-scalar prefilter over the corpus', () => {
  it.each(corpusRepos())('%s: every document', async (repo) => {
    const tree = openWorktree(join(CORPUS_DIR, repo));
    const ctx = checkContext(tree, await renderRepository(tree, { strict: true }), '1.35');
    expectPrefilterSound(ctx);
    expect(ambiguousScalars(ctx, true)).toEqual(ambiguousScalars(ctx, false));
  });
});
