import { describe, expect, it } from 'vitest';
import { DIFF_MARKER, formatDiffMarkdown } from '../../src/report/diff-markdown.js';
import { sampleDiff } from '../diff/sample-diff.js';

describe('formatDiffMarkdown', () => {
  const md = formatDiffMarkdown(sampleDiff());

  it('starts with the marker and the summary table', () => {
    expect(md.startsWith(`${DIFF_MARKER}\n### k8s-ops diff\n\n\`main@1234567\` → \`working tree\`\n\n`)).toBe(
      true,
    );
    expect(md).toContain(
      [
        '| cluster | added | changed | removed | failing |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| apps | 1 | 4 | 0 | **1** (1 new) |',
        '| infra | 0 | 0 | 0 | 0 |',
      ].join('\n'),
    );
  });

  it('one collapsible section per cluster and per changed Kustomization, with ```diff blocks', () => {
    expect(md).toContain(
      '<details>\n<summary><b>apps</b> changed: 1 added, 4 changed, 1 newly failing</summary>',
    );
    expect(md).toContain(
      '<summary>📁 <code>flux-system/apps</code> changed: 1 created, 3 drifted, 1 moved</summary>',
    );
    expect(md).toContain('<summary>📁 <code>flux-system/db</code> changed ❌ now failing</summary>');
    expect(md).toContain('► `ConfigMap/web/app drifted`\n\n```diff\n--- a/ConfigMap/web/app\n');
    expect(md).toContain(
      '- ⎈ HelmRelease `web/podinfo` changed\n  - `version: 6.5.0 → 6.6.0`\n  - `values.replicas: 1 → 3`\n',
    );
    expect(md).toContain('**✗ now failing:**\n\n```text\nvariable substitution failed');
    expect(md).not.toContain('<b>infra</b>');
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });

  it('masks Secrets', () => {
    expect(md).toContain("-  token: '*** (before)'\n+  token: '*** (after)'\n");
  });

  it.each([1_000, 1_500, 2_000])('truncates under a limit of %i and keeps the summary', (limit) => {
    const small = formatDiffMarkdown(sampleDiff(), { limit });
    expect(small.length).toBeLessThanOrEqual(limit);
    expect(small).toContain('| apps | 1 | 4 | 0 | **1** (1 new) |');
    expect(small).toContain('The diff is truncated');
    expect(small.split('<details>').length).toBe(small.split('</details>').length);
  });

  it('not truncated under the default limit', () => {
    expect(md).not.toContain('truncated');
  });

  it('fences survive backticks in the diff', () => {
    const d = sampleDiff();
    const o = d.clusters[0]?.kustomizations[0]?.objects[0];
    if (o) o.diff = '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-```\n+````\n';
    expect(formatDiffMarkdown(d)).toContain('`````diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-```\n+````\n`````\n');
  });

  it('says when nothing changes', () => {
    const d = { ...sampleDiff(), changed: false, clusters: [] };
    expect(formatDiffMarkdown(d)).toContain('No clusters found.');
  });
});
