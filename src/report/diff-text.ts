/**
 * `k8s-ops diff` as text, in the style of `flux diff`: one `📁` heading per changed
 * Kustomization, then `► Kind/namespace/name created|deleted|drifted` and the unified diff.
 */
import type {
  ClusterDiff,
  DiffCounts,
  HelmReleaseDiff,
  ImageChange,
  KustomizationDiff,
  ObjectDiff,
  RepositoryDiff,
} from '../diff/types.js';

export interface DiffTextOptions {
  /** ANSI colours, for a terminal. */
  color?: boolean;
}

const ANSI = { bold: '1', red: '31', green: '32', yellow: '33', cyan: '36' } as const;
type Style = keyof typeof ANSI;

function paint(color: boolean) {
  return (style: Style, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

/** `1 added, 2 changed`: only the non-zero counts. */
export function countsSummary(c: DiffCounts): string {
  const parts = [
    [c.added, 'added'],
    [c.changed, 'changed'],
    [c.removed, 'removed'],
  ] as const;
  const out = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (c.newlyFailing > 0) out.push(`${c.newlyFailing} newly failing`);
  return out.join(', ') || 'no object changes';
}

export function objectLine(o: ObjectDiff): string {
  return o.action === 'moved' ? `${o.display} moved from ${o.from}` : `${o.display} ${o.action}`;
}

/** `volatile values masked: data.tls.crt, …`, or undefined when none were. */
export function volatileLine(o: ObjectDiff): string | undefined {
  return o.volatile?.length ? `volatile values masked: ${o.volatile.join(', ')}` : undefined;
}

/** `+ image`, `- image` or `~ before → after`, then the objects that use it. */
export function imageLine(i: ImageChange): string {
  const what =
    i.action === 'added'
      ? `+ ${i.after}`
      : i.action === 'removed'
        ? `- ${i.before}`
        : `~ ${i.before} → ${i.after}`;
  return `${what} (${i.objects.join(', ')})`;
}

/** The line describing a release's state change, or undefined when its state did not change. */
export function releaseStateLine(h: HelmReleaseDiff): string | undefined {
  switch (h.stateChange) {
    case 'newly-failing':
      return `✗ now failing: ${h.after?.reason ?? ''}`;
    case 'still-failing':
      return `✗ still failing: ${h.after?.reason ?? ''}`;
    case 'stopped-failing':
      return `✓ no longer failing (was: ${h.before?.reason ?? ''})`;
    case 'state':
      return `state: ${h.before?.state} → ${h.after?.state}`;
    default:
      return undefined;
  }
}

/** The line describing a state change, or undefined when the state did not change. */
export function stateLine(k: KustomizationDiff): string | undefined {
  const reason = k.after?.reason ?? '';
  switch (k.stateChange) {
    case 'newly-failing':
      return `✗ now failing: ${reason}`;
    case 'still-failing':
      return `✗ still failing: ${reason}`;
    case 'stopped-failing':
      return `✓ no longer failing (was: ${k.before?.reason ?? ''})`;
    case 'state':
      return `state: ${k.before?.state} → ${k.after?.state}`;
    default:
      if (k.action === 'added' && k.after && k.after.state !== 'rendered') {
        return k.after.state === 'failed' ? `✗ failing: ${reason}` : `state: ${k.after.state}`;
      }
      return undefined;
  }
}

function arrow(before: string | undefined, after: string | undefined): string {
  return `${before ?? '(none)'} → ${after ?? '(none)'}`;
}

/**
 * The state change, `chart: podinfo → podinfo2`, `version: …`, `rendered chart: …`, then one
 * line per changed `values` path.
 */
export function helmReleaseLines(h: HelmReleaseDiff): string[] {
  const out: string[] = [];
  const state = releaseStateLine(h);
  if (state) out.push(state);
  if (h.chart) out.push(`chart: ${arrow(h.chart.before, h.chart.after)}`);
  if (h.version) out.push(`version: ${arrow(h.version.before, h.version.after)}`);
  if (h.renderedChart) out.push(`rendered chart: ${arrow(h.renderedChart.before, h.renderedChart.after)}`);
  for (const v of h.values) out.push(`${v.path}: ${arrow(v.before, v.after)}`);
  return out;
}

function colorPatch(patch: string, p: ReturnType<typeof paint>): string {
  return patch
    .split('\n')
    .map((l) => {
      if (l.startsWith('--- ') || l.startsWith('+++ ')) return p('bold', l);
      if (l.startsWith('@@')) return p('cyan', l);
      if (l.startsWith('+')) return p('green', l);
      if (l.startsWith('-')) return p('red', l);
      return l;
    })
    .join('\n');
}

function kustomizationText(k: KustomizationDiff, p: ReturnType<typeof paint>): string {
  let out = `${p('bold', `📁 Kustomization/${k.ref} ${k.action}`)}\n`;
  const state = stateLine(k);
  if (state) out += `${p(state.startsWith('✗') ? 'red' : 'yellow', state)}\n`;
  for (const h of k.helmReleases) {
    out += `${p('bold', `⎈ HelmRelease/${h.ref} ${h.action}`)}\n`;
    for (const line of helmReleaseLines(h)) out += `  ${line.startsWith('✗') ? p('red', line) : line}\n`;
    for (const o of h.objects ?? []) out += objectText(o, '  ', p);
  }
  for (const o of k.objects) out += objectText(o, '', p);
  return out;
}

function objectText(o: ObjectDiff, indent: string, p: ReturnType<typeof paint>): string {
  let out = `${indent}${p('bold', `► ${objectLine(o)}`)}\n`;
  const masked = volatileLine(o);
  if (masked) out += `${indent}  ${p('yellow', masked)}\n`;
  if (o.diff) out += colorPatch(o.diff, p);
  return out;
}

function clusterText(c: ClusterDiff, p: ReturnType<typeof paint>): string {
  const what = c.action === 'unchanged' ? 'no changes' : `${c.action}: ${countsSummary(c.counts)}`;
  let out = `${p('bold', `Cluster ${c.name}`)} ${what}\n`;
  for (const k of c.kustomizations) out += kustomizationText(k, p);
  if (c.images?.length) {
    out += `${p('bold', 'Images')}\n`;
    for (const i of c.images) {
      const style = i.action === 'added' ? 'green' : i.action === 'removed' ? 'red' : 'yellow';
      out += `  ${p(style, imageLine(i))}\n`;
    }
  }
  return out;
}

export function formatDiffText(diff: RepositoryDiff, opts: DiffTextOptions = {}): string {
  const p = paint(opts.color === true);
  let out = diff.base || diff.head ? `k8s-ops diff ${diff.base ?? ''} → ${diff.head ?? ''}\n` : '';
  if (diff.clusters.length === 0) out += 'no clusters\n';
  for (const c of diff.clusters) out += `\n${clusterText(c, p)}`;
  return out;
}
