/**
 * What `build` prints, in Flux's apply order: each Kustomization's objects, then the objects of
 * the HelmReleases it applies. kustomize-controller applies the HelmRelease object; only then can
 * helm-controller install its chart, so a release's objects follow its Kustomization's. Releases
 * of one Kustomization come in helm-controller's install order (after those they `dependsOn`).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { helmReleaseOrder } from '../render/helm-release-order.js';
import {
  refKey,
  type ClusterModel,
  type HelmReleaseState,
  type ObjectRef,
  type RenderedObject,
} from '../render/model.js';

export type BuildUnitKind = 'Kustomization' | 'HelmRelease';

/** One Kustomization or HelmRelease with the objects it applies. */
export interface BuildUnit {
  kind: BuildUnitKind;
  cluster: string;
  ref: ObjectRef;
  /** Where the Kustomization or HelmRelease is declared. */
  file: string;
  line?: number;
  /** A HelmRelease's state: only a rendered one has objects. */
  state?: HelmReleaseState;
  reason?: string;
  objects: readonly RenderedObject[];
}

export interface BuildSelection {
  /** Only this Kustomization (name or namespace/name) and the releases it applies. */
  ks?: string;
  /** Only this HelmRelease (name or namespace/name). */
  hr?: string;
}

const lineOf = (r: { line?: number }) => (r.line !== undefined ? { line: r.line } : {});

const matches = (wanted: string, ref: ObjectRef) => wanted === ref.name || wanted === refKey(ref);

function unit(kind: BuildUnitKind, cluster: string, r: Omit<BuildUnit, 'kind' | 'cluster'>): BuildUnit {
  return {
    kind,
    cluster,
    ref: r.ref,
    file: r.file,
    ...(r.line !== undefined ? { line: r.line } : {}),
    ...(r.state !== undefined ? { state: r.state } : {}),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    objects: r.objects,
  };
}

/** The units of `models` in apply order, narrowed to `selection`. */
export function buildUnits(models: readonly ClusterModel[], selection: BuildSelection = {}): BuildUnit[] {
  const out: BuildUnit[] = [];
  for (const m of models) {
    const releases = helmReleaseOrder(m.helmReleases, (h) => h);
    for (const k of m.kustomizations) {
      const ksWanted = !selection.hr && (!selection.ks || matches(selection.ks, k.ref));
      if (ksWanted)
        out.push(
          unit('Kustomization', m.name, { ref: k.ref, file: k.file, ...lineOf(k), objects: k.objects }),
        );
      for (const h of releases) {
        if (refKey(h.owner) !== refKey(k.ref)) continue;
        if (selection.hr ? matches(selection.hr, h.ref) : ksWanted) out.push(unit('HelmRelease', m.name, h));
      }
    }
  }
  return out;
}

/**
 * The units `--out-dir` writes a file for: every Kustomization, and the HelmReleases that were
 * rendered (one that was not has no objects, and an empty file would read as "renders nothing").
 */
export function writtenUnits(units: readonly BuildUnit[]): BuildUnit[] {
  return units.filter((u) => u.kind === 'Kustomization' || u.state === 'rendered');
}

/** Why `build --hr` printed nothing for a release that was not rendered. */
export function unrenderedNotes(units: readonly BuildUnit[]): Diagnostic[] {
  return units
    .filter((u) => u.kind === 'HelmRelease' && u.state !== 'rendered')
    .map((u) => ({
      severity: 'warning' as const,
      rule: 'helm-not-rendered',
      file: u.file,
      ...(u.line !== undefined ? { line: u.line } : {}),
      message: `HelmRelease ${refKey(u.ref)} is ${u.state ?? 'not-rendered'}${u.reason ? ` (${u.reason})` : ''}: no chart objects to print`,
      hint:
        u.state === 'not-rendered' || u.state === undefined
          ? 'give --charts to render HelmReleases'
          : 'see the diagnostics above for why',
    }));
}
