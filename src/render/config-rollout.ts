/**
 * The `rollout` section of `k8s-ops.yaml`: one stage per cluster with its branch, the
 * stage it follows and how long to soak there first, checked to form chains without cycles.
 */
import type { JsonValue } from '../core/json.js';
import { lineOf, mapping, report, str, type Ctx, type Path } from './config-fields.js';
import type { RolloutStage } from './config-types.js';

const DURATION = /^(\d+(\.\d+)?(s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(s|m|h|d)/g;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a duration such as `24h`, `1d12h`, `90m`; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(DURATION_PART)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
  return total;
}

const BRANCH = /^(?!-)(?!.*\.\.)[^\s~^:?*[\\]+$/;

export function rolloutStage(ctx: Ctx, value: JsonValue, path: Path): RolloutStage | undefined {
  const obj = mapping(ctx, value, path, ['cluster', 'branch', 'follows', 'soak']);
  if (!obj) return undefined;
  const clusterName = str(ctx, obj, 'cluster', path, true);
  const branch = str(ctx, obj, 'branch', path, true);
  const follows = str(ctx, obj, 'follows', path, false);
  const soak = str(ctx, obj, 'soak', path, false);
  if (branch !== undefined && !BRANCH.test(branch)) {
    report(ctx, [...path, 'branch'], 'config-value', `'${branch}' is not a valid branch name`);
    return undefined;
  }
  const soakSeconds = soak === undefined ? undefined : parseDuration(soak);
  if (soak !== undefined && soakSeconds === undefined) {
    report(
      ctx,
      [...path, 'soak'],
      'config-value',
      `soak '${soak}' is not a duration`,
      'write it like 24h, 90m or 2d',
    );
    return undefined;
  }
  if (clusterName === undefined || branch === undefined) return undefined;
  return {
    cluster: clusterName,
    branch,
    ...(follows !== undefined ? { follows } : {}),
    ...(soak !== undefined ? { soak, soakSeconds } : {}),
    line: lineOf(ctx, path),
  };
}

/** `follows` must name another stage, without cycles; `soak` only makes sense with it. */
export function checkRollout(ctx: Ctx, stages: { stage: RolloutStage; index: number }[]): RolloutStage[] {
  const kept: RolloutStage[] = [];
  const byCluster = new Map<string, RolloutStage>();
  for (const { stage, index } of stages) {
    if (byCluster.has(stage.cluster)) {
      report(
        ctx,
        ['rollout', index, 'cluster'],
        'config-duplicate',
        `cluster '${stage.cluster}' appears twice in rollout`,
      );
      continue;
    }
    byCluster.set(stage.cluster, stage);
    kept.push(stage);
  }
  for (const { stage, index } of stages) {
    if (byCluster.get(stage.cluster) !== stage) continue;
    const at: Path = ['rollout', index];
    if (stage.follows === undefined) {
      if (stage.soak !== undefined) {
        report(
          ctx,
          [...at, 'soak'],
          'config-value',
          `soak without follows has no effect for cluster '${stage.cluster}'`,
          'add follows: <cluster> or remove soak',
          'warning',
        );
      }
      continue;
    }
    if (!byCluster.has(stage.follows) || stage.follows === stage.cluster) {
      report(
        ctx,
        [...at, 'follows'],
        'config-rollout',
        stage.follows === stage.cluster
          ? `cluster '${stage.cluster}' cannot follow itself`
          : `follows '${stage.follows}' is not a cluster of the rollout`,
        `list the followed cluster in rollout: ${[...byCluster.keys()].join(', ')}`,
      );
      continue;
    }
    const seen = new Set([stage.cluster]);
    for (
      let next = byCluster.get(stage.follows);
      next?.follows !== undefined;
      next = byCluster.get(next.follows)
    ) {
      if (seen.has(next.cluster)) {
        report(
          ctx,
          [...at, 'follows'],
          'config-rollout',
          `rollout of '${stage.cluster}' follows itself through '${stage.follows}'`,
          'the rollout must be a chain without cycles',
        );
        break;
      }
      seen.add(next.cluster);
    }
  }
  return kept;
}
