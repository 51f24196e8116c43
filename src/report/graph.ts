import { refKey, type ClusterModel } from '../render/model.js';

export type GraphFormat = 'mermaid' | 'dot';

const STYLE: Record<string, string> = {
  rendered: '',
  failed: 'failed',
  external: 'external',
  suspended: 'suspended',
};

/** The dependsOn graph of a cluster's Kustomizations (dependent → dependency), as Mermaid or Graphviz. */
export function formatGraph(model: ClusterModel, format: GraphFormat): string {
  const ids = new Map(model.kustomizations.map((k, i) => [refKey(k.ref), `ks${i}`]));
  const known = (key: string) => {
    if (!ids.has(key)) ids.set(key, `ks${ids.size}`);
    return ids.get(key) as string;
  };
  if (format === 'dot') {
    const lines = [`digraph "${model.name}" {`, '  rankdir=LR;', '  node [shape=box];'];
    for (const k of model.kustomizations) {
      const attrs = k.state === 'rendered' ? '' : `, style=dashed, xlabel="${k.state}"`;
      lines.push(`  ${known(refKey(k.ref))} [label="${refKey(k.ref)}"${attrs}];`);
    }
    for (const e of model.edges) lines.push(`  ${known(refKey(e.from))} -> ${known(refKey(e.to))};`);
    lines.push('}');
    return lines.join('\n') + '\n';
  }
  const lines = ['flowchart LR'];
  for (const k of model.kustomizations) {
    const cls = STYLE[k.state];
    lines.push(`  ${known(refKey(k.ref))}["${refKey(k.ref)}"]${cls ? `:::${cls}` : ''}`);
  }
  for (const e of model.edges) lines.push(`  ${known(refKey(e.from))} --> ${known(refKey(e.to))}`);
  lines.push('  classDef failed stroke:#d33,stroke-width:2px');
  lines.push('  classDef external stroke-dasharray: 4 4');
  lines.push('  classDef suspended fill:#eee,color:#888');
  return lines.join('\n') + '\n';
}
