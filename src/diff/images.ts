/**
 * Container images that change in a cluster, from the objects compared on each side:
 * an image is matched by object and container, so a bump reads `before → after`.
 */
import type { RenderedObject } from '../render/model.js';
import { imagesOf } from '../render/images.js';
import { displayOf, identityKey, identityOf } from './objects.js';
import type { ImageChange } from './types.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Use {
  image: string;
  where: string;
}

/** Images of `objects` by `object identity|list|container`. */
function uses(objects: readonly RenderedObject[]): Map<string, Use> {
  const out = new Map<string, Use>();
  for (const o of objects) {
    const id = identityOf(o.obj);
    for (const u of imagesOf(o)) {
      const key = `${identityKey(id)}|${u.list}|${u.container}`;
      out.set(key, { image: u.image, where: `${displayOf(id)} (${u.container})` });
    }
  }
  return out;
}

/** Image changes between the objects of two sides, grouped by change and sorted by image. */
export function imageChanges(
  before: readonly RenderedObject[],
  after: readonly RenderedObject[],
): ImageChange[] {
  const a = uses(before);
  const b = uses(after);
  const groups = new Map<string, ImageChange>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x?.image === y?.image) continue;
    const action = !x ? 'added' : !y ? 'removed' : 'changed';
    const group = `${action}|${x?.image ?? ''}|${y?.image ?? ''}`;
    let change = groups.get(group);
    if (!change) {
      change = {
        action,
        ...(x ? { before: x.image } : {}),
        ...(y ? { after: y.image } : {}),
        objects: [],
      };
      groups.set(group, change);
    }
    change.objects.push(((y ?? x) as Use).where);
  }
  const out = [...groups.values()];
  for (const c of out) c.objects.sort(byString);
  const name = (c: ImageChange) => c.after ?? c.before ?? '';
  return out.sort((p, q) => byString(name(p), name(q)) || byString(p.before ?? '', q.before ?? ''));
}
