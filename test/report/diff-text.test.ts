import { describe, expect, it } from 'vitest';
import { diffClusters } from '../../src/diff/index.js';
import { formatDiffText } from '../../src/report/diff-text.js';
import { sampleDiff } from '../diff/sample-diff.js';

describe('formatDiffText', () => {
  it('prints like flux diff: a heading per Kustomization, ► lines, unified diffs', () => {
    expect(formatDiffText(sampleDiff())).toBe(`k8s-ops diff main@1234567 → working tree

Cluster apps changed: 1 added, 4 changed, 1 newly failing
📁 Kustomization/flux-system/apps changed
⎈ HelmRelease/web/podinfo changed
  version: 6.5.0 → 6.6.0
  values.replicas: 1 → 3
► ConfigMap/web/app drifted
--- a/ConfigMap/web/app
+++ b/ConfigMap/web/app
@@ -1,6 +1,6 @@
 apiVersion: v1
 data:
-  color: red
+  color: blue
 kind: ConfigMap
 metadata:
   name: app
► ConfigMap/web/moving moved from flux-system/infra
► ConfigMap/web/new created
--- /dev/null
+++ b/ConfigMap/web/new
@@ -0,0 +1,6 @@
+apiVersion: v1
+data: {}
+kind: ConfigMap
+metadata:
+  name: new
+  namespace: web
► HelmRelease/web/podinfo drifted
--- a/HelmRelease/web/podinfo
+++ b/HelmRelease/web/podinfo
@@ -10,7 +10,7 @@
       sourceRef:
         kind: HelmRepository
         name: podinfo
-      version: 6.5.0
+      version: 6.6.0
   interval: 1h
   values:
-    replicas: 1
+    replicas: 3
► Secret/web/creds drifted
--- a/Secret/web/creds
+++ b/Secret/web/creds
@@ -4,5 +4,5 @@
   name: creds
   namespace: web
 stringData:
-  token: '*** (before)'
+  token: '*** (after)'
 type: Opaque
📁 Kustomization/flux-system/db changed
✗ now failing: variable substitution failed: variable not set (strict mode): "DB_HOST"

Cluster infra no changes
`);
  });

  it.each([
    [true, '\u001b[32m+  color: blue\u001b[0m'],
    [false, '\n+  color: blue\n'],
  ])('colour %s', (color, expected) => {
    const text = formatDiffText(sampleDiff(), { color });
    expect(text).toContain(expected);
    expect(text.includes('\u001b[')).toBe(color);
  });

  it('says when there are no clusters', () => {
    expect(formatDiffText(diffClusters([], []))).toBe('no clusters\n');
  });
});
