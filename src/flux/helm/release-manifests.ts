/**
 * What a HelmRelease installs, read from `helm template` output: the CRDs of `crds/` (applied by
 * helm-controller itself, by the `install.crds` policy), the release manifests, and the hooks —
 * test hooks only when `spec.test.enable`, no hooks at all with `install.disableHooks`.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../core/json.js';
import { parseYamlDocuments } from '../../yaml/parse.js';

/** One object of helm's output with its `# Source:` path. */
export interface HelmObject {
  template: string;
  obj: JsonObject;
}

export interface ReleaseManifests {
  crds: HelmObject[];
  manifests: HelmObject[];
  hooks: HelmObject[];
}

const SOURCE = /^---\n# Source: (.*)\n/gm;

/**
 * The objects of `helm template` text, in its order. Documents are read as kustomize reads them:
 * helm-controller's post-renderers pass every object through kustomize's YAML.
 */
export function parseHelmOutput(text: string, where: string): HelmObject[] {
  const starts = [...text.matchAll(SOURCE)];
  const out: HelmObject[] = [];
  starts.forEach((m, i) => {
    const template = m[1] ?? '';
    const body = text.slice(m.index + m[0].length, starts[i + 1]?.index ?? text.length);
    let docs;
    try {
      docs = parseYamlDocuments(body, template);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      throw new DiagnosticError({
        ...e.diagnostic,
        rule: 'helm-render-failed',
        file: where,
        message: `YAML parse error on ${template}: ${e.message}`,
      });
    }
    for (const d of docs) if (isJsonObject(d.value)) out.push({ template, obj: d.value });
  });
  return out;
}

function annotation(obj: JsonObject, key: string): string | undefined {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : undefined;
  const ann = meta && isJsonObject(meta.annotations) ? meta.annotations : undefined;
  const v = ann?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** `chart/crds/x.yaml` or `chart/charts/sub/crds/x.yaml`: a file helm does not template. */
function isCrdsFile(template: string): boolean {
  const parts = template.split('/');
  return parts.length >= 3 && parts[parts.length - 2] === 'crds' && parts.indexOf('templates') < 0;
}

export interface ManifestPolicy {
  /** `install.crds` is not Skip. */
  includeCrds: boolean;
  /** `spec.test.enable`. */
  tests: boolean;
  /** `install.disableHooks`. */
  disableHooks: boolean;
}

const TEST_EVENTS = new Set(['test', 'test-success']);

/** Sorts helm's objects into CRDs, manifests and hooks, applying the HelmRelease's policies. */
export function releaseManifests(objects: readonly HelmObject[], policy: ManifestPolicy): ReleaseManifests {
  const out: ReleaseManifests = { crds: [], manifests: [], hooks: [] };
  for (const o of objects) {
    if (isCrdsFile(o.template)) {
      // helm-controller applies only the CustomResourceDefinitions it finds there.
      if (policy.includeCrds && o.obj.kind === 'CustomResourceDefinition') out.crds.push(o);
      continue;
    }
    const hook = annotation(o.obj, 'helm.sh/hook');
    if (hook === undefined) {
      out.manifests.push(o);
      continue;
    }
    if (policy.disableHooks) continue;
    const events = hook.split(',').map((e) => e.trim().toLowerCase());
    if (!policy.tests && events.some((e) => TEST_EVENTS.has(e))) continue;
    out.hooks.push(o);
  }
  return out;
}
