/**
 * Object-level changes of every applier of a cluster — Kustomizations and HelmReleases —
 * with objects that leave one applier for another paired as moves.
 */
import { deepEqual } from '../core/json.js';
import type { RenderedObject } from '../render/model.js';
import { emitYaml } from '../yaml/emit.js';
import { isSensitive, maskPair } from './mask.js';
import { displayOf, identityKey, identityOf, objectPatch, withOwnerLabelsOf } from './objects.js';
import type { ObjectDiff } from './types.js';
import { maskVolatile } from './volatile.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One applier on both sides: its key (`namespace/name` for a Kustomization,
 * `HelmRelease/namespace/name` for a release), the objects it applies on each side, and
 * whether a chart renders them (their volatile values are then masked).
 */
export interface Applier {
  key: string;
  before: readonly RenderedObject[];
  after: readonly RenderedObject[];
  chart: boolean;
}

/** An object found on one side, with its applier. */
export interface Placed {
  applier: string;
  chart: boolean;
  key: string;
  o: RenderedObject;
}

function placed(a: Applier, objects: readonly RenderedObject[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const o of objects) {
    const key = identityKey(identityOf(o.obj));
    out.set(key, { applier: a.key, chart: a.chart, key, o });
  }
  return out;
}

/** Both sides ready to compare and print: volatile values of chart objects, then secrets, masked. */
function prepared(a: Placed | undefined, b: Placed | undefined, move: boolean) {
  let before = a?.o;
  let after = b?.o;
  if (move && a && b) before = { ...a.o, obj: withOwnerLabelsOf(a.o.obj, b.o.obj) };
  let volatile: string[] = [];
  if (before && after && a?.chart && b?.chart) {
    const { pair, paths } = maskVolatile(before.obj, after.obj);
    before = { ...before, obj: pair[0] };
    after = { ...after, obj: pair[1] };
    volatile = paths;
  }
  const [x, y] = maskPair(before, after);
  return { x, y, volatile };
}

function objectDiff(action: ObjectDiff['action'], a: Placed | undefined, b: Placed | undefined): ObjectDiff {
  const id = identityOf(((b ?? a) as Placed).o.obj);
  const display = displayOf(id);
  const { x, y, volatile } = prepared(a, b, action === 'moved');
  return {
    id,
    display,
    action,
    ...(action === 'moved' && a ? { from: a.applier } : {}),
    diff: objectPatch(display, x, y),
    ...(volatile.length > 0 ? { volatile } : {}),
  };
}

function changed(a: Placed, b: Placed): boolean {
  // Equal data prints equally: most objects are unchanged, and comparing is cheaper than printing.
  if (deepEqual(a.o.obj, b.o.obj)) return false;
  if (!isSensitive(a.o) && !isSensitive(b.o) && !(a.chart && b.chart)) {
    return emitYaml(a.o.obj) !== emitYaml(b.o.obj);
  }
  const { x, y } = prepared(a, b, false);
  return emitYaml(x ?? {}) !== emitYaml(y ?? {});
}

/** Adds `item` to the list under `key` (in place: copying would make many changes quadratic). */
export function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export interface ObjectChanges {
  /** Changes per applier key, sorted by display. */
  byApplier: Map<string, ObjectDiff[]>;
  /** Every object on each side, for the image summary. */
  before: Placed[];
  after: Placed[];
}

/** Object-level changes per applier, moves paired across all appliers. */
export function diffObjects(appliers: readonly Applier[]): ObjectChanges {
  const out = new Map<string, ObjectDiff[]>();
  const removed: Placed[] = [];
  const added: Placed[] = [];
  const all: { before: Placed[]; after: Placed[] } = { before: [], after: [] };
  const push = (key: string, d: ObjectDiff) => append(out, key, d);
  for (const ap of appliers) {
    const before = placed(ap, ap.before);
    const after = placed(ap, ap.after);
    for (const [key, p] of before) {
      all.before.push(p);
      const q = after.get(key);
      if (!q) removed.push(p);
      else if (changed(p, q)) push(ap.key, objectDiff('drifted', p, q));
    }
    for (const [key, q] of after) {
      all.after.push(q);
      if (!before.has(key)) added.push(q);
    }
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
    push(q.applier, from ? objectDiff('moved', from, q) : objectDiff('created', undefined, q));
    if (from) moved.add(from);
  }
  for (const p of removed) if (!moved.has(p)) push(p.applier, objectDiff('deleted', p, undefined));
  for (const list of out.values()) {
    list.sort((x, y) => byString(x.display, y.display) || byString(x.id.group, y.id.group));
  }
  return { byApplier: out, ...all };
}
