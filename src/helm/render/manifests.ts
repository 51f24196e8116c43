/**
 * What helm does with rendered files before printing them (pkg/release/v1/util): files in
 * path order, partials and blank files skipped, each split into documents, hooks told apart by
 * the `helm.sh/hook` annotation, then a stable sort by InstallOrder (unknown kinds last,
 * alphabetically).
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import { readBlockYaml } from '../../gotemplate/helm/block-yaml.js';
import { parseYaml11Fast } from '../../yaml/parse-yaml11.js';
import { isPartial } from './template-set.js';

export interface Manifest {
  /** The template path, as `# Source:` prints it. */
  path: string;
  content: string;
  kind: string;
  hook?: { events: string[]; weight: number };
}

export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const RANK = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

const HOOK_EVENTS = new Set([
  'pre-install',
  'post-install',
  'pre-delete',
  'post-delete',
  'pre-upgrade',
  'post-upgrade',
  'pre-rollback',
  'post-rollback',
  'test',
  'test-success',
]);

// releaseutil's separator: `---` at the start or after a newline (with the whitespace before
// it), and the whitespace after it.
const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;

// Go's strings.TrimSpace: unicode.IsSpace, which (unlike String#trim) excludes U+FEFF.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');
export const goTrim = (s: string): string => s.replace(GO_TRIM, '');

/** SplitManifests: the documents of one file, in order, surrounding whitespace trimmed. */
export function splitManifests(text: string): string[] {
  return goTrim(text)
    .split(SEPARATOR)
    .filter((d) => d !== '')
    .map(goTrim);
}

function head(doc: string, path: string): { kind: string; annotations?: Record<string, unknown> } {
  // Most documents are plain block YAML, which the subset reader takes far faster.
  const parsed = readBlockYaml(doc) ?? parseYaml11Fast(doc);
  if (parsed === undefined) {
    throw new DiagnosticError({
      rule: 'helm-render',
      file: path,
      message: `YAML parse error on ${path}`,
      hint: 'the template renders invalid YAML; check its indentation',
    });
  }
  if (!isJsonObject(parsed)) return { kind: '' };
  const kind = typeof parsed.kind === 'string' ? parsed.kind : '';
  const meta = parsed.metadata;
  const annotations = isJsonObject(meta) && isJsonObject(meta.annotations) ? meta.annotations : undefined;
  return { kind, annotations };
}

function lessByKind(a: string, b: string): number {
  const ra = RANK.get(a);
  const rb = RANK.get(b);
  if (ra === undefined && rb === undefined) return a < b ? -1 : a > b ? 1 : 0;
  if (ra === undefined) return 1;
  if (rb === undefined) return -1;
  return ra - rb;
}

/** SortManifests: `{manifests, hooks}`, each sorted by kind. Unknown hook types are dropped. */
export function sortManifests(files: ReadonlyMap<string, string>): {
  manifests: Manifest[];
  hooks: Manifest[];
} {
  const manifests: Manifest[] = [];
  const hooks: Manifest[] = [];
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const content = files.get(path)!;
    if (isPartial(path) || content.trim() === '') continue;
    for (const doc of splitManifests(content)) {
      const { kind, annotations } = head(doc, path);
      const hookText = annotations?.['helm.sh/hook'];
      if (typeof hookText !== 'string') {
        manifests.push({ path, content: doc, kind });
        continue;
      }
      const events = hookText.split(',').map((e) => e.trim().toLowerCase());
      if (events.some((e) => !HOOK_EVENTS.has(e))) continue;
      const weight = Number.parseInt(String(annotations?.['helm.sh/hook-weight'] ?? ''), 10);
      hooks.push({ path, content: doc, kind, hook: { events, weight: Number.isNaN(weight) ? 0 : weight } });
    }
  }
  // Array.prototype.sort is stable, as Go's sort.SliceStable.
  const byKind = (a: Manifest, b: Manifest): number => lessByKind(a.kind, b.kind);
  return { manifests: manifests.sort(byKind), hooks: hooks.sort(byKind) };
}

/** What `helm template` prints for them (hooks after the manifests, tests included). */
export function printTemplateOutput(
  manifests: readonly Manifest[],
  hooks: readonly Manifest[],
  crds: readonly Manifest[] = [],
): string {
  let body = '';
  for (const m of [...crds, ...manifests]) body += `---\n# Source: ${m.path}\n${m.content}\n`;
  let out = `${goTrim(body)}\n`;
  for (const h of hooks) out += `---\n# Source: ${h.path}\n${h.content}\n`;
  return out;
}
