/**
 * `k8s-ops diff --format markdown`: a pull-request comment. The summary table comes first
 * and is always kept; the per-cluster sections follow, collapsed, and stop with a note
 * before the comment would pass GitHub's size limit.
 */
import type {
  ClusterDiff,
  ImageChange,
  KustomizationDiff,
  ObjectDiff,
  RepositoryDiff,
} from '../diff/types.js';
import { countsSummary, helmReleaseLines, objectLine, stateLine, volatileLine } from './diff-text.js';

/** The first line of every comment: the PR workflow finds its own comment by it. */
export const DIFF_MARKER = '<!-- k8s-ops-diff -->';
/** GitHub rejects comments over 65,536 characters; leave room for what wraps this text. */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;

export interface DiffMarkdownOptions {
  /** Maximum length of the output in characters (default 60,000). */
  limit?: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (s: string) => escapeHtml(s).replace(/\|/g, '\\|');

/** A code span that survives backticks inside. */
function code(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const tick = '`'.repeat(longest + 1);
  return longest > 0 ? `${tick} ${s} ${tick}` : `${tick}${s}${tick}`;
}

/** A fenced block whose fence is longer than any backtick run in the text. */
function fence(lang: string, text: string): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}${lang}\n${text.endsWith('\n') ? text : `${text}\n`}${f}\n`;
}

function failingCell(c: ClusterDiff): string {
  const n = c.counts.failing;
  return c.counts.newlyFailing > 0 ? `**${n}** (${c.counts.newlyFailing} new)` : String(n);
}

function summary(diff: RepositoryDiff): string {
  let out = `${DIFF_MARKER}\n### k8s-ops diff\n\n`;
  if (diff.base || diff.head) out += `${code(diff.base ?? '')} → ${code(diff.head ?? '')}\n\n`;
  if (diff.clusters.length === 0) return `${out}No clusters found.\n`;
  out += '| cluster | added | changed | removed | failing |\n| --- | ---: | ---: | ---: | ---: |\n';
  for (const c of diff.clusters) {
    const name = c.action === 'added' || c.action === 'removed' ? `${c.name} (${c.action})` : c.name;
    out += `| ${cell(name)} | ${c.counts.added} | ${c.counts.changed} | ${c.counts.removed} | ${failingCell(c)} |\n`;
  }
  out += diff.changed ? '\n' : '\nNo changes to any cluster.\n';
  return out;
}

function ksHead(k: KustomizationDiff): string {
  const all = [...k.objects, ...k.helmReleases.flatMap((h) => h.objects ?? [])];
  const n = (a: ObjectDiff['action']) => all.filter((o) => o.action === a).length;
  const parts = (['created', 'drifted', 'moved', 'deleted'] as const)
    .filter((a) => n(a) > 0)
    .map((a) => `${n(a)} ${a}`);
  const state =
    k.stateChange === 'newly-failing'
      ? ' ❌ now failing'
      : k.stateChange === 'stopped-failing'
        ? ' ✅ fixed'
        : '';
  const what = parts.length > 0 ? `: ${parts.join(', ')}` : '';
  return `<details>\n<summary>📁 <code>${escapeHtml(k.ref)}</code> ${k.action}${state}${escapeHtml(what)}</summary>\n\n`;
}

/** The parts of a Kustomization section that may be dropped one by one when space runs out. */
function ksBlocks(k: KustomizationDiff): string[] {
  const blocks: string[] = [];
  const state = stateLine(k);
  if (state) {
    const [label, ...rest] = state.split(': ');
    blocks.push(
      rest.length > 0
        ? `**${escapeHtml(label ?? '')}:**\n\n${fence('text', rest.join(': '))}\n`
        : `**${escapeHtml(state)}**\n\n`,
    );
  }
  for (const h of k.helmReleases) {
    const lines = helmReleaseLines(h).map((l) => `  - ${code(l)}\n`);
    blocks.push(`- ⎈ HelmRelease ${code(h.ref)} ${h.action}\n${lines.join('')}\n`);
    for (const o of h.objects ?? []) blocks.push(objectBlock(o, ` (⎈ ${code(h.ref)})`));
  }
  for (const o of k.objects) blocks.push(objectBlock(o, ''));
  return blocks;
}

function objectBlock(o: ObjectDiff, suffix: string): string {
  const masked = volatileLine(o);
  const line = `► ${code(objectLine(o))}${suffix}\n\n${masked ? `_${escapeHtml(masked)}_\n\n` : ''}`;
  return o.diff ? `${line}${fence('diff', o.diff)}\n` : line;
}

/** The cluster's image changes as a table. */
function imagesBlock(images: readonly ImageChange[]): string {
  let out = '**Images**\n\n| | before | after | used by |\n| --- | --- | --- | --- |\n';
  for (const i of images) {
    const sign = i.action === 'added' ? '➕' : i.action === 'removed' ? '➖' : '🔄';
    const img = (s: string | undefined) => (s ? cell(code(s)) : '');
    out += `| ${sign} | ${img(i.before)} | ${img(i.after)} | ${cell(i.objects.join(', '))} |\n`;
  }
  return `${out}\n`;
}

function clusterHead(c: ClusterDiff): string {
  return `<details>\n<summary><b>${escapeHtml(c.name)}</b> ${c.action}: ${escapeHtml(countsSummary(c.counts))}</summary>\n\n`;
}

const CLOSE = '</details>\n\n';

export function formatDiffMarkdown(diff: RepositoryDiff, opts: DiffMarkdownOptions = {}): string {
  const limit = opts.limit ?? DEFAULT_MARKDOWN_LIMIT;
  let out = summary(diff);
  // Room for the closing tags of the open sections and the truncation note.
  const reserve = 2 * CLOSE.length + 400;
  let omitted = 0;
  let truncated = false;
  const fits = (text: string) => !truncated && out.length + text.length + reserve <= limit;
  for (const c of diff.clusters.filter((x) => x.kustomizations.length > 0)) {
    const head = clusterHead(c);
    if (!fits(head)) {
      truncated = true;
      omitted += c.kustomizations.length;
      continue;
    }
    out += head;
    if (c.images?.length) {
      const block = imagesBlock(c.images);
      if (fits(block)) out += block;
      else truncated = true;
    }
    for (const k of c.kustomizations) {
      const kh = ksHead(k);
      if (!fits(kh)) {
        truncated = true;
        omitted++;
        continue;
      }
      out += kh;
      for (const b of ksBlocks(k)) {
        if (fits(b)) out += b;
        else truncated = true;
      }
      out += CLOSE;
    }
    out += CLOSE;
  }
  if (truncated) {
    const skipped =
      omitted > 0
        ? ` ${omitted} Kustomization section${omitted === 1 ? '' : 's'} and some object diffs are not shown.`
        : ' Some object diffs are not shown.';
    out += `> [!WARNING]\n> The diff is truncated to stay under ${limit.toLocaleString('en-US')} characters.${skipped} The summary above is complete; run \`k8s-ops diff\` locally for everything.\n`;
  }
  return out;
}
