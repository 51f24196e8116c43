/** `k8s-ops get images`: the image uses of the model (src/render/images.ts) as a table. */
import { imageUses } from '../render/images.js';
import type { ClusterModel } from '../render/model.js';
import { formatTable } from './table.js';

/** `k8s-ops get images`, sorted by cluster and image. */
export function imageTable(models: readonly ClusterModel[]): string {
  const rows = imageUses(models)
    .map((u) => [
      u.cluster,
      u.image,
      u.object,
      u.list === 'containers' ? u.container : `${u.container} (${u.list})`,
      u.from,
      u.file ? `${u.file}${u.line !== undefined ? `:${u.line}` : ''}` : '',
    ])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  return formatTable(['CLUSTER', 'IMAGE', 'OBJECT', 'CONTAINER', 'FROM', 'FILE'], rows);
}
