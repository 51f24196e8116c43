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
  type RenderedObject,
} from '../render/model.js';
import { deepEqual } from '../core/json.js';
import { emitYaml } from '../yaml/emit.js';
import { diffHelmRelease } from './helm-values.js';
import { isSensitive, maskPair } from './mask.js';
import { displayOf, identityKey, identityOf, objectPatch, withOwnerLabelsOf } from './objects.js';
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

/** An object found on one side, with the Kustomization that applies it. */
interface Placed {
  ks: string;
  key: string;
  o: RenderedObject;
}

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

function placed(ks: string, objects: readonly RenderedObject[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const o of objects) {
    const key = identityKey(identityOf(o.obj));
    out.set(key, { ks, key, o });
  }
  return out;
}

function printed(o: RenderedObject): string {
  return emitYaml(o.obj);
}

function objectDiff(action: ObjectDiff['action'], a: Placed | undefined, b: Placed | undefined): ObjectDiff {
  const id = identityOf(((b ?? a) as Placed).o.obj);
  const display = displayOf(id);
  let before = a?.o;
  if (action === 'moved' && a && b) before = { ...a.o, obj: withOwnerLabelsOf(a.o.obj, b.o.obj) };
  const [x, y] = maskPair(before, b?.o);
  return {
    id,
    display,
    action,
    ...(action === 'moved' && a ? { from: a.ks } : {}),
    diff: objectPatch(display, x, y),
  };
}

function changed(a: Placed, b: Placed): boolean {
  // Equal data prints equally: most objects are unchanged, and comparing is cheaper than printing.
  if (deepEqual(a.o.obj, b.o.obj)) return false;
  if (!isSensitive(a.o) && !isSensitive(b.o)) return printed(a.o) !== printed(b.o);
  const [x, y] = maskPair(a.o, b.o);
  return emitYaml(x ?? {}) !== emitYaml(y ?? {});
}

const emptyCounts = (): DiffCounts => ({ added: 0, changed: 0, removed: 0, failing: 0, newlyFailing: 0 });

/** Adds `item` to the list under `key` (in place: copying would make many changes quadratic). */
function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Object-level changes per Kustomization key, moves paired across Kustomizations. */
function diffObjects(pairs: [string, KustomizationRecord | undefined, KustomizationRecord | undefined][]) {
  const out = new Map<string, ObjectDiff[]>();
  const removed: Placed[] = [];
  const added: Placed[] = [];
  const push = (ks: string, d: ObjectDiff) => append(out, ks, d);
  for (const [ks, a, b] of pairs) {
    const before = placed(ks, a?.state === 'rendered' ? a.objects : []);
    const after = placed(ks, b?.state === 'rendered' ? b.objects : []);
    for (const [key, p] of before) {
      const q = after.get(key);
      if (!q) removed.push(p);
      else if (changed(p, q)) push(ks, objectDiff('drifted', p, q));
    }
    for (const [key, q] of after) if (!before.has(key)) added.push(q);
  }
  // Removed objects by identity, each list read from its front: a move takes the first one.
  const pending = new Map<string, { list: Placed[]; next: number }>();
  for (const p of removed) {
    const queue = pending.get(p.key);
    if (queue) queue.list.push(p);
    else pending.set(p.key, { list: [p], next: 0 });
  }
  const moved = new Set<Placed>();
  for (const q of added) {
    const queue = pending.get(q.key);
    const from = queue && queue.next < queue.list.length ? queue.list[queue.next++] : undefined;
    push(q.ks, from ? objectDiff('moved', from, q) : objectDiff('created', undefined, q));
    if (from) moved.add(from);
  }
  for (const p of removed) if (!moved.has(p)) push(p.ks, objectDiff('deleted', p, undefined));
  for (const list of out.values()) {
    list.sort((x, y) => byString(x.display, y.display) || byString(x.id.group, y.id.group));
  }
  return out;
}

function diffHelmReleases(
  base: ClusterModel | undefined,
  head: ClusterModel | undefined,
  compared: Set<string>,
  sensitive: Set<string>,
): Map<string, HelmReleaseDiff[]> {
  const index = (m: ClusterModel | undefined) =>
    new Map<string, HelmReleaseRecord>((m?.helmReleases ?? []).map((h) => [refKey(h.ref), h]));
  const a = index(base);
  const b = index(head);
  const out = new Map<string, HelmReleaseDiff[]>();
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort(byString)) {
    const x = a.get(key);
    const y = b.get(key);
    const owner = refKey(((y ?? x) as HelmReleaseRecord).owner);
    if (!compared.has(owner)) continue;
    const masked = [x, y].some((h) => h && sensitive.has(identityKey(identityOf(h.obj))));
    const d = diffHelmRelease(x, y, masked);
    if (d) append(out, owner, d);
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
  const objects = diffObjects(compared.map((k) => [k, a.get(k), b.get(k)]));
  const releases = diffHelmReleases(base, head, new Set(compared), sensitiveKeys([base, head]));
  const counts = emptyCounts();
  const kustomizations: KustomizationDiff[] = [];
  for (const key of keys.filter(wanted)) {
    const x = a.get(key);
    const y = b.get(key);
    if (!y && untouched(key, a, b)) continue;
    if (y?.state === 'failed') counts.failing++;
    const change = x && y ? stateChange(x, y) : undefined;
    if (change === 'newly-failing' || (!x && y?.state === 'failed')) counts.newlyFailing++;
    const objs = objects.get(key) ?? [];
    const hrs = releases.get(key) ?? [];
    for (const o of objs) {
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
  return { name, action, counts, kustomizations };
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
