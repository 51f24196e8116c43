/**
 * The order helm-controller would install a cluster's HelmReleases in: each after the
 * Kustomization that applies it (the order they are listed in) and after the HelmReleases it
 * `dependsOn`. A release waiting on a cycle or on a release that does not exist keeps its place
 * after the others (its dependency problem is reported by the checks).
 */
import { refKey, type HelmReleaseRecord } from './model.js';

export function helmReleaseOrder<T>(items: readonly T[], recordOf: (item: T) => HelmReleaseRecord): T[] {
  const keys = new Set(items.map((i) => refKey(recordOf(i).ref)));
  const done = new Set<string>();
  const out: T[] = [];
  const pending = [...items];
  while (pending.length > 0) {
    const ready = (i: T) => recordOf(i).dependsOn.every((d) => done.has(refKey(d)) || !keys.has(refKey(d)));
    const idx = pending.findIndex(ready);
    if (idx < 0) {
      out.push(...pending);
      break;
    }
    const [next] = pending.splice(idx, 1) as [T];
    done.add(refKey(recordOf(next).ref));
    out.push(next);
  }
  return out;
}
