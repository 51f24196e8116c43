import type { HelmReleaseRecord } from '../../render/model.js';
import type { Rule } from '../rule.js';
import { byKey, clustersText, fieldAt, finding, refText, type Where } from './util.js';

const ID = 'helm-values-unknown-key';

interface Found {
  release: HelmReleaseRecord;
  path: string[];
  closest?: string;
}

const dotted = (path: readonly string[]) => path.join('.');

/**
 * A values key the chart defines nowhere and no template reads: helm ignores it silently,
 * which is how a typo (`cgroup.automount` for `cgroup.autoMount`) ships unnoticed.
 */
export const helmValuesUnknownKey: Rule = {
  id: ID,
  severity: 'warning',
  description:
    "a HelmRelease's values set a key that the chart's values.yaml defines nowhere and no template reads, so helm ignores it (often a typo)",
  check(ctx) {
    const found: { key: string; cluster: string; value: Found }[] = [];
    for (const model of ctx.models) {
      for (const r of model.helmReleases) {
        for (const u of r.unknownValuePaths ?? []) {
          found.push({
            key: `${r.file}:${r.line ?? ''}:${refText(r.ref)}:${dotted(u.path)}`,
            cluster: model.name,
            value: { release: r, path: u.path, ...(u.closest !== undefined ? { closest: u.closest } : {}) },
          });
        }
      }
    }
    const multi = ctx.models.length > 1;
    return byKey(found).map(({ value: { release: r, path, closest }, clusters }) => {
      const where: Where = { file: r.file, ...(r.line !== undefined ? { line: r.line } : {}) };
      const at = fieldAt(ctx.tree, where, ['spec', 'values', ...path]);
      const chart = r.chartName ? ` ${r.chartName}${r.chartVersion ? ` ${r.chartVersion}` : ''}` : '';
      const suggestion = closest !== undefined ? dotted([...path.slice(0, -1), closest]) : undefined;
      return finding(
        ID,
        'warning',
        `HelmRelease ${refText(r.ref)}: values key \`${dotted(path)}\` is not known to chart${chart}: its values.yaml does not define it and no template reads it${multi ? ` (${clustersText(clusters)})` : ''}`,
        at,
        suggestion !== undefined
          ? `did you mean \`${suggestion}\`?`
          : "check the key against the chart's values.yaml, or remove it",
      );
    });
  },
};
