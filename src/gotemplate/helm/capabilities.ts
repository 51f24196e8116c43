/**
 * `.Capabilities` as `helm template` (helm v4.1.4) reports it: the kube version it was given
 * (default v1.35.0), helm's built-in list of API group/versions plus any extra ones
 * (`--api-versions`), and helm's own build information.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { registerJsonTags } from '../go-json.js';
import { GoStruct, typedSlice, withMethods, type GoFunc, type GoSlice } from '../value.js';

export const DEFAULT_KUBE_VERSION = 'v1.35.0';

/** chartutil's DefaultVersionSet in helm v4.1.4, in helm's order (what `range` and `toJson` show). */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1',
  'resource.k8s.io/v1beta2',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

/** What helm v4.1.4 reports as `.Capabilities.HelmVersion`. */
export const HELM_VERSION = {
  Version: 'v4.1.4',
  GitCommit: '05fa37973dc9e42b76e1d2883494c87174b6074f',
  GitTreeState: 'clean',
  GoVersion: 'go1.25.9',
  KubeClientVersion: 'v1.35',
} as const;

// k8s.io/apimachinery util/version ParseGeneric: dotted numbers (at least two), then anything.
const GENERIC_VERSION = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/;

function invalid(version: string, why: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-kube-version',
    message: `invalid kube version '${version}': ${why}`,
    hint: 'give the Kubernetes version as MAJOR.MINOR[.PATCH], e.g. 1.31.0',
  });
}

/** `common.KubeVersion` of a version string, or helm's error for one it rejects. */
export function parseKubeVersion(version: string): GoStruct {
  const m = GENERIC_VERSION.exec(version);
  if (!m) throw invalid(version, `could not parse "${version}" as version`);
  const parts = m[1]!.split('.');
  if (parts.length < 2) throw invalid(version, `illegal version string "${version}"`);
  if (parts[0]!.length > 1 && parts[0]!.startsWith('0')) {
    throw invalid(version, `illegal zero-prefixed version component "${parts[0]!}" in "${version}"`);
  }
  const numbers = parts.map((p) => BigInt(p).toString());
  const full = version.startsWith('v') ? version : `v${version}`;
  const normalized = `v${numbers.join('.')}`;
  const methods: Record<string, GoFunc> = {
    // Both have pointer receivers: printf of the struct value prints its fields.
    String: { params: [], result: 'string', pointerReceiver: true, fn: () => normalized },
    GitVersion: { params: [], result: 'string', pointerReceiver: true, fn: () => full },
  };
  // normalizedVersion is unexported in Go: it prints with the struct but is no template field.
  return new GoStruct(
    'common.KubeVersion',
    { Version: full, normalizedVersion: normalized, Major: numbers[0]!, Minor: numbers[1]! },
    methods,
  );
}

/** `common.VersionSet`: a `[]string` whose `Has` is plain membership (no kind inference). */
export function makeVersionSet(versions: readonly string[]): GoSlice {
  const set = typedSlice([...versions], 'common.VersionSet');
  const has: GoFunc = { params: ['string'], result: 'bool', fn: (v) => set.includes(v as string) };
  return withMethods(set, { Has: has });
}

// helm's version.BuildInfo marshals with snake_case names (`toJson .Capabilities.HelmVersion`).
registerJsonTags('version.BuildInfo', {
  Version: 'version,omitempty',
  GitCommit: 'git_commit,omitempty',
  GitTreeState: 'git_tree_state,omitempty',
  GoVersion: 'go_version,omitempty',
  KubeClientVersion: 'kube_client_version',
});

function helmVersion(): GoStruct {
  return new GoStruct('version.BuildInfo', { ...HELM_VERSION });
}

export interface CapabilitiesOptions {
  /** Default: v1.35.0, what helm v4.1.4 assumes without --kube-version. */
  kubeVersion?: string;
  /** Added after the built-in list, as `--api-versions` does (`group/version` or `group/version/Kind`). */
  apiVersions?: readonly string[];
  /** Start from an empty list instead of helm's built-in one. */
  withoutDefaults?: boolean;
}

/** `.Capabilities`: a `*common.Capabilities` with KubeVersion, APIVersions and HelmVersion. */
export function makeCapabilities(options: CapabilitiesOptions = {}): GoStruct {
  const versions = [...(options.withoutDefaults ? [] : DEFAULT_API_VERSIONS), ...(options.apiVersions ?? [])];
  return new GoStruct('*common.Capabilities', {
    KubeVersion: parseKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION),
    APIVersions: makeVersionSet(versions),
    HelmVersion: helmVersion(),
  });
}
