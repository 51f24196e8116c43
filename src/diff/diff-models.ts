/**
 * What a change does to each cluster: two sets of ClusterModels in, plain data out.
 * Objects are compared by their printed YAML with Secret values masked, so what counts
 * as a change is exactly what the reports show.
 */
import {
  refKey,
  type ClusterModel,
  type HelmReleaseRecord,
  type KustomizationRecord,
} from '../render/model.js';
import { releaseApplier, releaseApplierKey, releaseChanges } from './helm-objects.js';
import { diffHelmRelease } from './helm-values.js';
import { imageChanges } from './images.js';
import { append, diffObjects, type Applier } from './object-changes.js';
import { identityKey, identityOf } from './objects.js';
import type {
  ClusterDiff,
  DiffCounts,
  HelmReleaseDiff,
  KustomizationDiff,
  KustomizationSide,
  ObjectDiff,
  RepositoryDiff,
  StateChange,
} from './types.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sideOf(k: KustomizationRecord): KustomizationSide {
  return { state: k.state, ...(k.reason !== undefined ? { reason: k.reason } : {}) };
}

function stateChange(a: KustomizationRecord, b: KustomizationRecord): StateChange | undefined {
  if (a.state === b.state && a.reason === b.reason) return undefined;
  if (b.state === 'failed' && a.state !== 'failed') return 'newly-failing';
  if (a.state === 'failed' && b.state !== 'failed') return 'stopped-failing';
  if (a.state === 'failed') return 'still-failing';
  return a.state === b.state ? undefined : 'state';
}

function byRef(models: ClusterModel | undefined): Map<string, KustomizationRecord> {
  return new Map((models?.kustomizations ?? []).map((k) => [refKey(k.ref), k]));
}

/**
 * A Kustomization missing on the head side because an ancestor did not apply there
 * (failed or suspended) is untouched by Flux: its objects stay, so it is not reported.
 */
function untouched(
  key: string,
  base: Map<string, KustomizationRecord>,
  head: Map<string, KustomizationRecord>,
) {
  const seen = new Set<string>();
  for (let k = base.get(key); k?.parent;) {
    const parentKey = refKey(k.parent);
    if (seen.has(parentKey)) return false;
    seen.add(parentKey);
    const inHead = head.get(parentKey);
    if (inHead) return inHead.state !== 'rendered';
    k = base.get(parentKey);
  }
  return false;
}

/** A compared Kustomization's objects; a side that did not render applies nothing new. */
function ksApplier(
  key: string,
  a: KustomizationRecord | undefined,
  b: KustomizationRecord | undefined,
): Applier {
  const objects = (k: KustomizationRecord | undefined) => (k?.state === 'rendered' ? k.objects : []);
  return { key, before: objects(a), after: objects(b), chart: false };
}

function releaseAppliers(pairs: readonly ReleasePair[]): Applier[] {
  return pairs.flatMap(({ x, y }) => releaseApplier(x, y) ?? []);
}

const emptyCounts = (): DiffCounts => ({ added: 0, changed: 0, removed: 0, failing: 0, newlyFailing: 0 });

/** A HelmRelease on both sides, with the Kustomization that applies it. */
interface ReleasePair {
  owner: string;
  x: HelmReleaseRecord | undefined;
  y: HelmReleaseRecord | undefined;
}

/** Releases whose owning Kustomization is compared, sorted by `namespace/name`. */
function releasePairs(base: ClusterModel | undefined, head: ClusterModel | undefined, compared: Set<string>) {
  const index = (m: ClusterModel | undefined) =>
    new Map<string, HelmReleaseRecord>((m?.helmReleases ?? []).map((h) => [refKey(h.ref), h]));
  const a = index(base);
  const b = index(head);
  const out: ReleasePair[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort(byString)) {
    const x = a.get(key);
    const y = b.get(key);
    const owner = refKey(((y ?? x) as HelmReleaseRecord).owner);
    if (compared.has(owner)) out.push({ owner, x, y });
  }
  return out;
}

/** Release diffs per owning Kustomization: values, chart, state and rendered objects. */
function diffHelmReleases(
  pairs: readonly ReleasePair[],
  objects: Map<string, ObjectDiff[]>,
  sensitive: Set<string>,
): Map<string, HelmReleaseDiff[]> {
  const out = new Map<string, HelmReleaseDiff[]>();
  for (const { owner, x, y } of pairs) {
    const any = (y ?? x) as HelmReleaseRecord;
    const masked = [x, y].some((h) => h && sensitive.has(identityKey(identityOf(h.obj))));
    const d = diffHelmRelease(x, y, masked);
    const extra = releaseChanges(x, y);
    const objs = objects.get(releaseApplierKey(any)) ?? [];
    if (!d && !extra.stateChange && !extra.renderedChart && objs.length === 0) continue;
    const base: HelmReleaseDiff = d ?? { ref: refKey(any.ref), action: 'changed', values: [] };
    append(out, owner, { ...base, ...extra, ...(objs.length > 0 ? { objects: objs } : {}) });
  }
  return out;
}

function sensitiveKeys(models: (ClusterModel | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const m of models)
    for (const k of m?.kustomizations ?? [])
      for (const o of k.objects) if (o.decrypted || o.masked) out.add(identityKey(identityOf(o.obj)));
  return out;
}

export interface DiffOptions {
  /** Report only these Kustomizations (`name` or `namespace/name`); moves are still paired across all. */
  ks?: readonly string[];
}

function ksFilter(ks: readonly string[] | undefined): (key: string) => boolean {
  if (!ks || ks.length === 0) return () => true;
  return (key) => ks.some((k) => k === key || k === key.slice(key.indexOf('/') + 1));
}

export function diffCluster(
  name: string,
  base: ClusterModel | undefined,
  head: ClusterModel | undefined,
  opts: DiffOptions = {},
): ClusterDiff {
  const wanted = ksFilter(opts.ks);
  const a = byRef(base);
  const b = byRef(head);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(byString);
  // Objects are compared only where Flux would apply the head side: a failing or suspended
  // Kustomization leaves what it applied before in place.
  const compared = keys.filter((k) => {
    const y = b.get(k);
    return y ? y.state === 'rendered' : !untouched(k, a, b);
  });
  const pairs = releasePairs(base, head, new Set(compared));
  const objects = diffObjects([
    ...compared.map((k) => ksApplier(k, a.get(k), b.get(k))),
    ...releaseAppliers(pairs),
  ]);
  const releases = diffHelmReleases(pairs, objects.byApplier, sensitiveKeys([base, head]));
  const counts = emptyCounts();
  const kustomizations: KustomizationDiff[] = [];
  for (const key of keys.filter(wanted)) {
    const x = a.get(key);
    const y = b.get(key);
    if (!y && untouched(key, a, b)) continue;
    if (y?.state === 'failed') counts.failing++;
    const change = x && y ? stateChange(x, y) : undefined;
    if (change === 'newly-failing' || (!x && y?.state === 'failed')) counts.newlyFailing++;
    const objs = objects.byApplier.get(key) ?? [];
    const hrs = releases.get(key) ?? [];
    for (const o of [...objs, ...hrs.flatMap((h) => h.objects ?? [])]) {
      if (o.action === 'created') counts.added++;
      else if (o.action === 'deleted') counts.removed++;
      else counts.changed++;
    }
    if (x && y && !change && objs.length === 0 && hrs.length === 0) continue;
    kustomizations.push({
      ref: key,
      action: !x ? 'added' : !y ? 'removed' : 'changed',
      ...(x ? { before: sideOf(x) } : {}),
      ...(y ? { after: sideOf(y) } : {}),
      ...(change ? { stateChange: change } : {}),
      objects: objs,
      helmReleases: hrs,
    });
  }
  const action = !base ? 'added' : !head ? 'removed' : kustomizations.length > 0 ? 'changed' : 'unchanged';
  const images = imageChanges(
    objects.before.map((p) => p.o),
    objects.after.map((p) => p.o),
  );
  return { name, action, counts, kustomizations, ...(images.length > 0 ? { images } : {}) };
}

/** Per cluster (matched by name), per Flux Kustomization: what changes from `base` to `head`. */
export function diffClusters(
  base: readonly ClusterModel[],
  head: readonly ClusterModel[],
  opts: DiffOptions = {},
): RepositoryDiff {
  const a = new Map(base.map((m) => [m.name, m]));
  const b = new Map(head.map((m) => [m.name, m]));
  const names = [...new Set([...a.keys(), ...b.keys()])].sort(byString);
  const clusters = names.map((n) => diffCluster(n, a.get(n), b.get(n), opts));
  return { changed: clusters.some((c) => c.action !== 'unchanged'), clusters };
}
